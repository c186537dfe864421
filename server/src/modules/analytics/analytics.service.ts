import { RequestContext } from '../../common/request';
import { badInput } from '../../common/errors';
import { AllocationFilter } from '../funding/funding.inputs';
import { JOIN_TENANT_PROVINCE } from '../tenant/tenant.sql';
import { AllocationDimension, AllocationTotal, AllocationTotalsHaving } from './analytics.entity';

/** Each dimension's SQL and the output field it fills: an allow-list, never caller SQL. */
const DIMENSIONS: Record<AllocationDimension, { sql: string; field: keyof AllocationTotal }> = {
  MEASURE: { sql: 'm.code', field: 'measure' },
  FUND_SOURCE: { sql: 'f.code', field: 'fundSource' },
  PROVINCE: { sql: 'tp.name', field: 'province' },
  TENANT: { sql: 't.code', field: 'tenant' },
  KIND: { sql: 'a.kind', field: 'kind' },
  STATUS: { sql: 'a.status', field: 'status' },
  YEAR: { sql: 'extract(year FROM a.allocated_on)::int', field: 'year' },
};

const FILTERS: Partial<Record<keyof AllocationFilter, string>> = {
  ids: 'a.id = ANY($n::uuid[])',
  fundSourceId: 'a.fund_source_id = $n',
  networkId: 'a.network_id = $n',
  kind: 'a.kind = $n',
  status: 'a.status = $n',
  allocatedFrom: 'a.allocated_on >= $n',
  allocatedTo: 'a.allocated_on <= $n',
};

/**
 * Grouped totals of the allocations the caller may see (GROUP BY … HAVING), one statement.
 * Row-level security limits the rows exactly as for the allocations list.
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
  if (ctx.principal.tenantId) where.push(`a.tenant_id = ${bind(ctx.principal.tenantId)}`);
  for (const [key, value] of Object.entries(filter)) {
    const condition = FILTERS[key as keyof AllocationFilter];
    if (condition && value !== undefined && value !== null) where.push(condition.replace('$n', bind(value)));
  }
  const conditions = [];
  if (having.minTotal !== undefined && having.minTotal !== null) conditions.push(`sum(a.amount) >= ${bind(having.minTotal)}`);
  if (having.minCount !== undefined && having.minCount !== null) conditions.push(`count(*) >= ${bind(having.minCount)}`);
  const dimensions = [...new Set(groupBy)].map((d) => DIMENSIONS[d]);
  const keys = dimensions.map((d, i) => `${d.sql} AS k${i}`);
  const manager = await ctx.scope.manager();
  const rows: Record<string, unknown>[] = await manager.query(
    `SELECT ${[...keys, 'sum(a.amount)::text AS total', 'count(*)::int AS count'].join(', ')}
     FROM allocations a
     JOIN networks n ON n.tenant_id = a.tenant_id AND n.id = a.network_id
     JOIN measures m ON m.id = n.measure_id
     JOIN fund_sources f ON f.id = a.fund_source_id
     JOIN tenants t ON t.id = a.tenant_id
     ${JOIN_TENANT_PROVINCE}
     WHERE ${where.join(' AND ')}
     ${dimensions.length ? `GROUP BY ${dimensions.map((_, i) => i + 1).join(', ')}` : ''}
     ${conditions.length ? `HAVING ${conditions.join(' AND ')}` : ''}
     ORDER BY sum(a.amount) DESC`,
    params,
  );
  return rows.map((row) => {
    const total: AllocationTotal = { total: row.total as string, count: row.count as number };
    dimensions.forEach((d, i) => Object.assign(total, { [d.field]: row[`k${i}`] }));
    return total;
  });
}
