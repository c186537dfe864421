import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { Context } from '../context';
import { ReadPlan, RecordShape, RootRead, Statement } from './plan';
import { buildRecord, fillReads, PendingReads, place, RawJson, readKeys, readsOf } from './response';
import { queryAndParameters } from './root-query';
import { rootRow, Row, StatementBuilder, TENANT } from './sql';

/**
 * Runs a statement of a plan with its leading parameters (the root query's, or a list's parents),
 * prepared once per connection; `alone` when it is the last its transaction runs.
 */
type Run = (statement: Statement, leading: unknown[], alone?: boolean) => Promise<unknown[][]>;

function runner(ctx: Context): Run {
  const tenantId = ctx.principal.tenantId ?? undefined;
  return async ({ name, text, params }, leading, alone) =>
    ctx.scope.readPrepared({ name, text, params: [...leading, ...params.map((param) => (param === TENANT ? tenantId : param))] }, alone);
}

/**
 * A root query's statement: built once per plan, root query text and tenant scoping. The list
 * statements hang from its shapes, so they are built with it.
 */
function rootRead(ctx: Context, plan: ReadPlan, root: SelectQueryBuilder<object>, rootSql: string, rootParams: number, build: (builder: StatementBuilder) => Omit<RootRead, 'statement'> & { text: string }): RootRead {
  const tenantScoped = ctx.principal.tenantId != null;
  const key = `${tenantScoped ? 'tenant' : 'all'}\0${rootSql}`;
  let read = plan.statements.get(key);
  if (!read) {
    const builder = new StatementBuilder(root.connection, rootParams, tenantScoped);
    const { text, ...rest } = build(builder);
    read = { statement: builder.statement(text), ...rest };
    plan.statements.set(key, read);
  }
  return read;
}

/**
 * What the records wait for, level by level: one statement per relation and level, for all its
 * parents. A level below one that found no rows still runs, with no parents: once its root has
 * rows, a query sends the same statements whatever they hold.
 */
async function readAfter(run: Run, pending: PendingReads): Promise<void> {
  // The request's transaction reads one snapshot (RequestScope.oneSnapshot), so the levels agree with each other.
  while (pending.size) {
    const next: PendingReads = new Map();
    for (const [read, waiting] of pending) {
      fillReads(read, waiting, await run(read.statement, readKeys(read, waiting)), next);
      expectReads(next, [read.shape]);
    }
    pending = next;
  }
}

/** Whether the root statement is the last its transaction runs: the operation's only read, with nothing read below it. */
const lastRead = (plan: ReadPlan, read: RootRead) => plan.onlyRead === true && read.shapes.every((shape) => readsOf(shape).length === 0);

/** Every read below records of these shapes, with the parents found for it so far (none, for those no record has reached). */
function expectReads(pending: PendingReads, shapes: RecordShape[]): void {
  for (const shape of shapes) for (const read of readsOf(shape)) if (!pending.has(read)) pending.set(read, []);
}

/** The plan the plugin made for this root field, when the request is compiled. */
export function compiledPlan(ctx: Context, info: GraphQLResolveInfo): ReadPlan | undefined {
  return ctx.compiledPlans?.get(info.fieldNodes[0]);
}

/**
 * A page's query without its LIMIT and OFFSET literals, which become parameters: every page of a
 * list is then one statement.
 */
function unpaged(page: SelectQueryBuilder<object>, sql: string): { sql: string; paging: unknown[] } {
  const { limit, offset } = page.expressionMap;
  const suffix = ` LIMIT ${limit} OFFSET ${offset}`;
  if (limit === undefined || offset === undefined || !sql.endsWith(suffix)) return { sql, paging: [] };
  return { sql: sql.slice(0, -suffix.length), paging: [limit, offset] };
}

/**
 * A page: its rows, with the records they point to, and its total in one statement (the total's
 * one row is joined to the page, so an empty page still gives it); then its lists.
 */
export async function compiledPage(ctx: Context, plan: ReadPlan, queries: { page: SelectQueryBuilder<object>; all: SelectQueryBuilder<object> }): Promise<RawJson> {
  if (plan.shape !== 'page') throw new Error('A page needs a page plan');
  const [pagedSql, params] = queryAndParameters(queries.page);
  const [allSql, allParams] = queryAndParameters(queries.all);
  if (allParams.length !== params.length || allParams.some((param, i) => param !== params[i] && JSON.stringify(param) !== JSON.stringify(params[i]))) throw new Error('A page and its total must share their parameters');
  const items = plan.fields.flatMap((field) => (field.kind === 'items' ? [field] : []));
  const counted = plan.fields.some((field) => field.kind === 'total');
  // Only the total: the page's rows, and their paging parameters, are not in the statement.
  const { sql: unpagedSql, paging } = items.length ? unpaged(queries.page, pagedSql) : { sql: pagedSql, paging: [] };
  const pageSql = paging.length ? `${unpagedSql} LIMIT $${params.length + 1} OFFSET $${params.length + 2}` : unpagedSql;
  const read = rootRead(ctx, plan, queries.page, `${pageSql}\0${allSql}`, params.length + paging.length, (builder) => {
    const total = `(SELECT count(*)::int AS total FROM (${allSql}) c) total`;
    if (!items.length) return { text: `SELECT total.total FROM ${total}`, shapes: [], total: 0 };
    const row = new Row(...(counted ? ['total.total'] : []), 'p.page_row');
    const shapes = items.map((field) => builder.record(field.plan, rootRow, row, true));
    // The page's order survives the joins through its row numbers.
    const page = `(SELECT page.*, row_number() OVER () AS page_row FROM (${pageSql}) page) p`;
    return {
      text: `SELECT ${row.values.join(', ')} FROM ${counted ? `${total} LEFT JOIN ${page} ON true` : page} ${row.joins.join(' ')} ORDER BY p.page_row`,
      shapes,
      total: counted ? 0 : undefined,
      pageRow: counted ? 1 : 0,
    };
  });
  const run = runner(ctx);
  const rows = await run(read.statement, [...params, ...paging], lastRead(plan, read));
  const pending: PendingReads = new Map();
  const pageRows = read.pageRow === undefined ? [] : rows.filter((row) => row[read.pageRow!] !== null);
  const answer: Record<string, unknown> = {};
  let nextItems = 0;
  for (const field of plan.fields) {
    if (field.kind === 'literal') place(answer, field.key, field.value);
    else if (field.kind === 'total') place(answer, field.key, rows[0][read.total!]);
    else {
      const shape = read.shapes[nextItems++];
      place(answer, field.key, pageRows.map((row) => buildRecord(shape, row, pending)));
    }
  }
  if (pageRows.length) expectReads(pending, read.shapes);
  await readAfter(run, pending);
  return new RawJson(JSON.stringify(answer));
}

/** One record, with the records it points to, then its lists; null when there is none (ordinary execution then says NOT_FOUND). */
export async function compiledRecord(ctx: Context, plan: ReadPlan, query: SelectQueryBuilder<object>): Promise<RawJson | null> {
  if (plan.shape !== 'record') throw new Error('A record needs a record plan');
  const [sql, params] = queryAndParameters(query);
  const read = rootRead(ctx, plan, query, sql, params.length, (builder) => {
    const row = new Row();
    const shape = builder.record(plan.plan, rootRow, row, true);
    return { text: `SELECT ${row.values.join(', ')} FROM (${sql}) p ${row.joins.join(' ')}`, shapes: [shape] };
  });
  const run = runner(ctx);
  const [row] = await run(read.statement, params, lastRead(plan, read));
  if (!row) return null;
  const pending: PendingReads = new Map();
  const record = buildRecord(read.shapes[0], row, pending);
  expectReads(pending, read.shapes);
  await readAfter(run, pending);
  return new RawJson(JSON.stringify(record));
}
