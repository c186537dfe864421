/**
 * Compiled reads: a query whose every root field is a record or a page of a resource, and whose
 * every selected field is a column or a declared relation (relations.ts), is answered a level at a
 * time: one statement for the root query's rows, with the records they point to joined in, then
 * one per relation and level for all the parents at once (`= ANY`), however many rows there are.
 * Statements are planned once per document and prepared once per connection; rows come back as
 * arrays and Node builds the records (the bench's floor does the same). The root resolvers still run
 * (arguments, validation, access and filters are theirs), inside the request's transaction, one
 * snapshot for all its statements, so row-level security applies as everywhere. Anything else, and
 * any failure, falls back to ordinary execution, which gives the same answer field by field.
 *
 * - plugin.ts: the Apollo plugin that answers a query this way or says at debug why not;
 * - plan-cache.ts: plans kept per document, operation and @skip/@include values;
 * - planner.ts: a root field's selection walked into a plan (plan.ts: what a plan holds);
 * - sql.ts: a plan's statements; execute.ts: running them level by level, prepared per connection;
 * - root-query.ts: the root resolvers' query texts, kept by their builders' structure;
 * - response.ts: the records built from the rows, and spliced into the response.
 */
export { COMPILED_READ, NotCompiled } from './plan';
export type { ReadPlan } from './plan';
export { ReadPlanner } from './plan-cache';
export { compiledPage, compiledPlan, compiledRecord } from './execute';
export { RawJson, stringifyResponse } from './response';
export { compiledReads } from './plugin';
export { Lru } from './lru';
