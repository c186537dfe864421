import { badInput } from '../../common/errors';
import { RequestContext } from '../../common/request';
import { DeliveryDimension, deliveryTotalsSql, DeliverySubject, dimensionAllowed } from './delivery.sql';
import { OutcomeTotal, ServiceTotal } from './delivery.entity';

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

async function totals<T>(ctx: RequestContext, subject: DeliverySubject, groupBy: DeliveryDimension[], minRecipients: number): Promise<T[]> {
  const dimensions = [...new Set(groupBy)];
  const wrong = dimensions.find((d) => !dimensionAllowed(subject, d));
  if (wrong) throw badInput('groupBy', `${subject === 'SERVICES' ? 'Services' : 'Outcomes'} cannot be grouped by ${wrong}`);
  if (!Number.isInteger(minRecipients) || minRecipients < 1) throw badInput('minRecipients', 'minRecipients is at least 1');
  const params: unknown[] = [];
  const where = ctx.principal.tenantId ? [`e.tenant_id = $${params.push(ctx.principal.tenantId)}`] : [];
  const { sql, fields } = deliveryTotalsSql(subject, dimensions, where, minRecipients);
  const rows: Record<string, unknown>[] = await (await ctx.scope.manager()).query(sql, params);
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [column, value] of Object.entries(row)) {
      const key = /^k\d+$/.test(column) ? fields[Number(column.slice(1))] : camel(column);
      out[key] = value;
    }
    // The columns are the type's fields: the keys by their dimension, the measures by name.
    return out as T;
  });
}

/** Services grouped by the given dimensions: recipients, services, hours and amounts, from the rows the caller may see. */
export const serviceTotals = (ctx: RequestContext, groupBy: DeliveryDimension[], minRecipients: number) =>
  totals<ServiceTotal>(ctx, 'SERVICES', groupBy, minRecipients);

/** Recipients grouped by the given dimensions, with placements, traineeships, business starts and the share placed. */
export const outcomeTotals = (ctx: RequestContext, groupBy: DeliveryDimension[], minRecipients: number) =>
  totals<OutcomeTotal>(ctx, 'OUTCOMES', groupBy, minRecipients);
