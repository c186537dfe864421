/**
 * Compiled reads: a query whose every root field is a record or a page of a resource, and whose
 * every selected field is a column or a declared relation (relations.ts), is answered by one SQL
 * statement per root field, planned once per document and prepared once per connection. The
 * statement selects each record's values as a JSON array, which Node names, as PostGraphile does. The
 * root resolvers still run (arguments, validation, access and filters are theirs), inside the
 * request's transaction, so row-level security applies as everywhere. Anything else, and any
 * failure, falls back to ordinary execution, which gives the same answer field by field.
 *
 * - plugin.ts: the Apollo plugin that answers a query this way or says at debug why not;
 * - plan-cache.ts: plans kept per document, operation and @skip/@include values;
 * - planner.ts: a root field's selection walked into a plan (plan.ts: what a plan holds);
 * - sql.ts: a plan's SQL; execute.ts: the statement run for a root query, prepared per connection;
 * - response.ts: the records named from the statement's arrays, and spliced into the response.
 */
export { COMPILED_READ, NotCompiled } from './plan';
export type { ReadPlan } from './plan';
export { ReadPlanner } from './plan-cache';
export { compiledPage, compiledPlan, compiledRecord } from './execute';
export { RawJson, stringifyResponse } from './response';
export { compiledReads } from './plugin';
export { Lru } from './lru';
