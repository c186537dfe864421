import { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { AllocationFilter } from '../funding/funding.inputs';
import { JOIN_TENANT_PROVINCE } from '../tenant/tenant.sql';
import { AllocationDimension, AllocationTotal, AllocationTotalsHaving } from './analytics.entity';

const JOIN_MEASURE = 'JOIN measures m ON m.id = x.measure_id';
const JOIN_FUND_SOURCE = 'JOIN fund_sources f ON f.id = x.fund_source_id';
const JOIN_TENANT = 'JOIN tenants t ON t.id = x.tenant_id';
/** In the order they must appear: the province join reads `t`. */
const JOINS = [JOIN_MEASURE, JOIN_FUND_SOURCE, JOIN_TENANT, JOIN_TENANT_PROVINCE];

/**
 * Each dimension's SQL over the totals `x`, the joins it needs and the output field it fills: an
 * allow-list, never caller SQL.
 */
const DIMENSIONS: Record<AllocationDimension, { sql: string; joins: string[]; field: keyof AllocationTotal }> = {
  MEASURE: { sql: 'm.code', joins: [JOIN_MEASURE], field: 'measure' },
  FUND_SOURCE: { sql: 'f.code', joins: [JOIN_FUND_SOURCE], field: 'fundSource' },
  PROVINCE: { sql: 'tp.name', joins: [JOIN_TENANT, JOIN_TENANT_PROVINCE], field: 'province' },
  TENANT: { sql: 't.code', joins: [JOIN_TENANT], field: 'tenant' },
  KIND: { sql: 'x.kind', joins: [], field: 'kind' },
  STATUS: { sql: 'x.status', joins: [], field: 'status' },
  YEAR: { sql: 'x.year', joins: [], field: 'year' },
};

/** Filters on the rollup's key columns. */
const KEY_FILTERS: Partial<Record<keyof AllocationFilter, string>> = {
  fundSourceId: 'x.fund_source_id = $n',
  kind: 'x.kind = $n',
  status: 'x.status = $n',
};

/** Filters that need the single allocations. */
const ROW_FILTERS: Partial<Record<keyof AllocationFilter, string>> = {
  ids: 'a.id = ANY($n::uuid[])',
  networkId: 'a.network_id = $n',
  allocatedFrom: 'a.allocated_on >= $n',
  allocatedTo: 'a.allocated_on <= $n',
};

/**
 * Grouped totals of the allocations the caller may see (GROUP BY … HAVING), one statement.
 * They are summed from allocation_totals, kept exact by triggers and limited by row-level
 * security as the allocations are, unless a filter needs single allocations (ids, network,
 * dates): then from the allocations, joining their networks only to group by measure.
 */
export async function allocationTotals(
  ctx: Context,
  groupBy: AllocationDimension[],
  filter: AllocationFilter = {},
  having: AllocationTotalsHaving = {},
): Promise<AllocationTotal[]> {
  if (filter.q) throw badInput('q', 'Totals cannot be searched by text; use the other filters');
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where = ['true'];
  const rowWhere = [];
  if (ctx.principal.tenantId) where.push(`x.tenant_id = ${bind(ctx.principal.tenantId)}`);
  for (const [key, value] of Object.entries(filter) as [keyof AllocationFilter, unknown][]) {
    if (value === undefined || value === null) continue;
    if (KEY_FILTERS[key]) where.push(KEY_FILTERS[key].replace('$n', bind(value)));
    if (ROW_FILTERS[key]) rowWhere.push(ROW_FILTERS[key].replace('$n', bind(value)));
  }
  const conditions = [];
  if (having.minTotal !== undefined && having.minTotal !== null) conditions.push(`sum(x.amount) >= ${bind(having.minTotal)}`);
  if (having.minCount !== undefined && having.minCount !== null) conditions.push(`sum(x.count) >= ${bind(having.minCount)}`);
  const dimensions = [...new Set(groupBy)].map((d) => DIMENSIONS[d]);
  const joins = JOINS.filter((join) => dimensions.some((d) => d.joins.includes(join)));
  const byMeasure = joins.includes(JOIN_MEASURE);
  const totals = rowWhere.length
    ? `(SELECT a.tenant_id, ${byMeasure ? 'n.measure_id' : 'NULL::uuid AS measure_id'}, a.fund_source_id, a.kind, a.status,
               extract(year FROM a.allocated_on)::int AS year, a.amount, 1 AS count
        FROM allocations a
        ${byMeasure ? 'JOIN networks n ON n.tenant_id = a.tenant_id AND n.id = a.network_id' : ''}
        WHERE ${rowWhere.join(' AND ')})`
    : 'allocation_totals';
  const keys = dimensions.map((d, i) => `${d.sql} AS k${i}`);
  const manager = await ctx.scope.manager();
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${[...keys, 'sum(x.amount)::text AS total', 'sum(x.count)::int AS count'].join(', ')}
     FROM ${totals} x
     ${joins.join('\n')}
     WHERE ${where.join(' AND ')}
     ${dimensions.length ? `GROUP BY ${dimensions.map((_, i) => i + 1).join(', ')}` : ''}
     ${conditions.length ? `HAVING ${conditions.join(' AND ')}` : ''}
     ORDER BY ${['sum(x.amount) DESC', ...dimensions.map((_, i) => i + 1)].join(', ')}`,
    params,
  );
  return rows.map((row) => {
    const total: AllocationTotal = { total: row.total as string, count: row.count as number };
    dimensions.forEach((d, i) => Object.assign(total, { [d.field]: row[`k${i}`] }));
    return total;
  });
}
