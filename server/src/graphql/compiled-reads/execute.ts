import { GraphQLResolveInfo } from 'graphql';
import { SelectQueryBuilder } from 'typeorm';
import { queryPrepared, statementName } from '../../db/prepared-statements';
import { Context } from '../context';
import { ReadPlan } from './plan';
import { assemble, RawJson } from './response';
import { rootRow, StatementBuilder, TENANT } from './sql';

/**
 * Runs a plan's statement for a root query. Its text is built once per plan, root query text and
 * tenant scoping, and runs as a named statement (prepared once per connection).
 */
async function runStatement(ctx: Context, plan: ReadPlan, root: SelectQueryBuilder<object>, rootSql: string, rootParams: unknown[], build: (builder: StatementBuilder) => string): Promise<string | null> {
  const tenantId = ctx.principal.tenantId ?? undefined;
  const key = `${tenantId ? 'tenant' : 'all'}\0${rootSql}`;
  let statement = plan.statements.get(key);
  if (!statement) {
    const builder = new StatementBuilder(root.connection, rootParams.length, tenantId !== undefined);
    const text = `SELECT (${build(builder)})::text AS json`;
    statement = { text, name: statementName(text), params: builder.params };
    plan.statements.set(key, statement);
  }
  const params = [...rootParams, ...statement.params.map((param) => (param === TENANT ? tenantId : param))];
  const [row] = await queryPrepared<{ json: string | null }>(await ctx.scope.manager(), statement.name, statement.text, params);
  return row.json;
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

/** A page as one statement: `page` is the paged query, `all` the same without paging (for the total). */
export async function compiledPage(ctx: Context, plan: ReadPlan, queries: { page: SelectQueryBuilder<object>; all: SelectQueryBuilder<object> }): Promise<RawJson> {
  if (plan.shape !== 'page') throw new Error('A page needs a page plan');
  const [pagedSql, params] = queries.page.getQueryAndParameters();
  const [allSql, allParams] = queries.all.getQueryAndParameters();
  if (allParams.length !== params.length || allParams.some((param, i) => param !== params[i] && JSON.stringify(param) !== JSON.stringify(params[i]))) throw new Error('A page and its total must share their parameters');
  // Only the total: the page's rows, and their paging parameters, are not in the statement.
  const { sql: unpagedSql, paging } = plan.fields.some((field) => field.kind === 'items') ? unpaged(queries.page, pagedSql) : { sql: pagedSql, paging: [] };
  const pageSql = paging.length ? `${unpagedSql} LIMIT $${params.length + 1} OFFSET $${params.length + 2}` : unpagedSql;
  const json = await runStatement(ctx, plan, queries.page, `${pageSql}\0${allSql}`, [...params, ...paging], (builder) => {
    const pairs = plan.fields.map((field) => {
      if (field.kind === 'literal') return `'${field.key}', '${field.value}'`;
      if (field.kind === 'total') return `'${field.key}', (SELECT count(*) FROM (${allSql}) c)::int`;
      // The page's order survives the joins through its row numbers.
      const object = builder.object(field.plan, rootRow);
      return `'${field.key}', (SELECT coalesce(json_agg(${object.json} ORDER BY p.page_row), '[]'::json)
      FROM (SELECT page.*, row_number() OVER () AS page_row FROM (${pageSql}) page) p ${object.joins})`;
    });
    return `json_build_object(${pairs.join(', ')})`;
  });
  const page = JSON.parse(json!) as Record<string, unknown>;
  for (const field of plan.fields) if (field.kind === 'items') page[field.key] = (page[field.key] as unknown[][]).map((values) => assemble(field.plan, values));
  return new RawJson(JSON.stringify(page));
}

/** One record as one statement; null when there is none (ordinary execution then says NOT_FOUND). */
export async function compiledRecord(ctx: Context, plan: ReadPlan, query: SelectQueryBuilder<object>): Promise<RawJson | null> {
  if (plan.shape !== 'record') throw new Error('A record needs a record plan');
  const [sql, params] = query.getQueryAndParameters();
  const json = await runStatement(ctx, plan, query, sql, params, (builder) => {
    const object = builder.object(plan.plan, rootRow);
    return `SELECT ${object.json} FROM (${sql}) p ${object.joins}`;
  });
  return json === null ? null : new RawJson(JSON.stringify(assemble(plan.plan, JSON.parse(json) as unknown[])));
}
