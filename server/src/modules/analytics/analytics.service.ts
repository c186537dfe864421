import { RequestContext } from '../../common/request';
import { statementName } from '../../db/prepared-statements';
import { badInput } from '../../common/errors';
import { AllocationFilter } from '../funding/funding.inputs';
import { JOIN_TENANT_PROVINCE } from '../tenant/tenant.sql';
import { AllocationDimension, AllocationTotal, AllocationTotalsHaving } from './analytics.entity';

const JOIN_MEASURE = 'JOIN measures m ON m.id = x.measure_id';
const JOIN_FUND_SOURCE = 'JOIN fund_sources f ON f.id = x.fund_source_id';
const JOIN_TENANT = 'JOIN tenants t ON t.id = x.tenant_id';
/** In the order they must appear: the province join reads `t`. */
const JOINS = [JOIN_MEASURE, JOIN_FUND_SOURCE, JOIN_TENANT, JOIN_TENANT_PROVINCE];

/**
 * Each dimension's column in the totals, its label over the summed totals `x` with the joins the
 * label needs, and the output field it fills: an allow-list, never caller SQL.
 */
const DIMENSIONS: Record<AllocationDimension, { column: string; sql: string; joins: string[]; field: keyof AllocationTotal }> = {
  MEASURE: { column: 'measure_id', sql: 'm.code', joins: [JOIN_MEASURE], field: 'measure' },
  FUND_SOURCE: { column: 'fund_source_id', sql: 'f.code', joins: [JOIN_FUND_SOURCE], field: 'fundSource' },
  PROVINCE: { column: 'tenant_id', sql: 'tp.name', joins: [JOIN_TENANT, JOIN_TENANT_PROVINCE], field: 'province' },
  TENANT: { column: 'tenant_id', sql: 't.code', joins: [JOIN_TENANT], field: 'tenant' },
  KIND: { column: 'kind', sql: 'x.kind', joins: [], field: 'kind' },
  STATUS: { column: 'status', sql: 'x.status', joins: [], field: 'status' },
  YEAR: { column: 'year', sql: 'x.year', joins: [], field: 'year' },
};

/** Filters on columns that the rollup and the allocations share. */
const KEY_FILTERS: Partial<Record<keyof AllocationFilter, string>> = {
  fundSourceId: 'fund_source_id = $n',
  kind: 'kind = $n',
  status: 'status = $n',
};

/** Filters that need the single allocations `a`. */
const ROW_FILTERS: Partial<Record<keyof AllocationFilter, string>> = {
  ids: 'a.id = ANY($n::uuid[])',
  networkId: 'a.network_id = $n',
  allocatedFrom: 'a.allocated_on >= $n',
  allocatedTo: 'a.allocated_on <= $n',
};

/**
 * The allocations `a` that pass `where`, summed by `columns`. A network's measure is looked up
 * once per network and group, after summing, whatever row-level security makes the planner
 * expect of the join.
 */
function summedAllocations(columns: string[], where: string[]): string {
  const byNetwork = [...new Set(columns.flatMap((c) => (c === 'measure_id' ? ['tenant_id', 'network_id'] : [c])))];
  const sums = `SELECT ${[...byNetwork.map((c) => (c === 'year' ? 'extract(year FROM allocated_on)::int AS year' : c)), 'sum(amount) AS amount', 'count(*) AS count'].join(', ')}
    FROM allocations a
    WHERE ${where.join(' AND ')}
    ${byNetwork.length ? `GROUP BY ${byNetwork.map((_, i) => i + 1).join(', ')}` : ''}`;
  if (!columns.includes('measure_id')) return sums;
  const measure = '(SELECT n.measure_id FROM networks n WHERE n.tenant_id = g.tenant_id AND n.id = g.network_id) AS measure_id';
  return `SELECT ${[...columns.map((c) => (c === 'measure_id' ? measure : c)), 'amount', 'count'].join(', ')} FROM (${sums}) g`;
}

/**
 * Grouped totals of the allocations the caller may see (GROUP BY … HAVING), one statement.
 * They are summed from allocation_totals, kept exact by triggers and limited by row-level
 * security as the allocations are, unless a filter needs single allocations (ids, network,
 * dates). Either way they are first summed by the ids the grouping needs, so that codes and
 * provinces join a few rows.
 */
export async function allocationTotals(
  ctx: RequestContext,
  groupBy: AllocationDimension[],
  filterArg?: AllocationFilter | null,
  havingArg?: AllocationTotalsHaving | null,
): Promise<AllocationTotal[]> {
  // An explicit null is the same as leaving the argument out.
  const filter = filterArg ?? {};
  const having = havingArg ?? {};
  if (filter.q) throw badInput('q', 'Totals cannot be searched by text; use the other filters');
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where = ['true'];
  const rowWhere = [];
  if (ctx.principal.tenantId) where.push(`tenant_id = ${bind(ctx.principal.tenantId)}`);
  for (const [key, value] of Object.entries(filter) as [keyof AllocationFilter, unknown][]) {
    if (value === undefined || value === null) continue;
    if (KEY_FILTERS[key]) where.push(KEY_FILTERS[key].replace('$n', bind(value)));
    if (ROW_FILTERS[key]) rowWhere.push(ROW_FILTERS[key].replace('$n', bind(value)));
  }
  const conditions = [];
  if (having.minTotal !== undefined && having.minTotal !== null) conditions.push(`sum(x.amount) >= ${bind(having.minTotal)}`);
  if (having.minCount !== undefined && having.minCount !== null) conditions.push(`sum(x.count) >= ${bind(having.minCount)}`);
  const dimensions = [...new Set(groupBy)].map((d) => DIMENSIONS[d]);
  const columns = [...new Set(dimensions.map((d) => d.column))];
  const summed = rowWhere.length
    ? summedAllocations(columns, [...where, ...rowWhere])
    : `SELECT ${[...columns, 'sum(amount) AS amount', 'sum(count) AS count'].join(', ')}
       FROM allocation_totals
       WHERE ${where.join(' AND ')}
       ${columns.length ? `GROUP BY ${columns.join(', ')}` : ''}`;
  const joins = JOINS.filter((join) => dimensions.some((d) => d.joins.includes(join)));
  const keys = dimensions.map((d, i) => `${d.sql} AS k${i}`);
  const text = `SELECT ${[...keys, 'sum(x.amount)::text AS total', 'sum(x.count)::int AS count'].join(', ')}
     FROM (${summed}) x
     ${joins.join('\n')}
     ${dimensions.length ? `GROUP BY ${dimensions.map((_, i) => i + 1).join(', ')}` : ''}
     ${conditions.length ? `HAVING ${conditions.join(' AND ')}` : ''}
     ORDER BY ${['sum(x.amount) DESC', ...dimensions.map((_, i) => i + 1)].join(', ')}`;
  // The same few groupings and filters come again and again (the console's dashboard, analysts' scripts): planned once per connection.
  const rows = await ctx.scope.readPrepared({ name: statementName(text), text, params });
  return rows.map((row) => {
    const total: AllocationTotal = { total: row[keys.length] as string, count: row[keys.length + 1] as number };
    dimensions.forEach((d, i) => Object.assign(total, { [d.field]: row[i] }));
    return total;
  });
}
