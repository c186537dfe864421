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

/** Filters on the rollup's key columns. */
const KEY_FILTERS: Partial<Record<keyof AllocationFilter, string>> = {
  fundSourceId: 'fund_source_id = $n',
  kind: 'kind = $n',
  status: 'status = $n',
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
 * dates): then from the allocations, joining their networks only to group by measure. Either is
 * first summed by the ids the grouping needs, so codes and provinces join a few rows.
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
  const joins = JOINS.filter((join) => dimensions.some((d) => d.joins.includes(join)));
  const byMeasure = joins.includes(JOIN_MEASURE);
  const columns = [...new Set(dimensions.map((d) => d.column))];
  const source = rowWhere.length
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
     FROM (SELECT ${[...columns, 'sum(amount) AS amount', 'sum(count) AS count'].join(', ')}
           FROM ${source} s
           WHERE ${where.join(' AND ')}
           ${columns.length ? `GROUP BY ${columns.join(', ')}` : ''}) x
     ${joins.join('\n')}
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
