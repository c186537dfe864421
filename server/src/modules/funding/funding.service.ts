import { EntityManager } from 'typeorm';
import { RequestContext } from '../../common/request';
import { notFound } from '../../common/errors';
import { formatEuro, fromCents, toCents } from '../../common/money';
import { Measure, FundingTier, RuleCode } from '../measure/measure.entity';
import { Network } from '../network/network.entity';
import { guardNetworkChange, ruleViolation } from '../network/network.service';
import { tierFor } from '../network/network.rules';
import { Allocation, AllocationStatus, FundSource } from './funding.entity';
import { atLeast, atMost, Resource } from '../../crud/resource';
import * as inputs from './funding.inputs';
import { enforceFundEligibility } from '../fund-eligibility/fund-eligibility.service';

/** A fund source's budget minus what all tenants together committed. */
export async function fundAvailable(ctx: RequestContext, source: FundSource): Promise<string> {
  return fromCents(toCents(source.budget) - toCents(await ctx.loaders.fundCommitted.load(source.id)));
}

/**
 * Hard limits on money, checked after every allocation write, inside its savepoint:
 * FUND_BUDGET across all tenants (serialised per fund source by a transaction lock, so concurrent
 * requests can never together exceed the budget) and TIER_CAP for the network.
 */
export async function enforceAllocationLimits(ctx: RequestContext, manager: EntityManager, allocation: Allocation): Promise<void> {
  if (allocation.status === AllocationStatus.COMMITTED) {
    const source = await manager.getRepository(FundSource).findOneBy({ id: allocation.fundSourceId });
    if (!source) throw notFound('FundSource', allocation.fundSourceId);
    const [{ committed }] = await manager.query('SELECT fund_source_committed($1, true)::text AS committed', [source.id]);
    if (toCents(committed) > toCents(source.budget)) {
      const available = fromCents(toCents(source.budget) - toCents(committed) + toCents(allocation.amount));
      throw ruleViolation(`Fund source ${source.code} has only ${available} available`, [
        { rule: RuleCode.FUND_BUDGET, message: `La fonte ${source.code} ha solo ${formatEuro(available)} disponibili.`, messageEn: `Fund source ${source.code} has only ${available} available.`, ids: [source.id] },
      ]);
    }
    await enforceTierCap(manager, allocation.networkId);
  }
  await guardNetworkChange(ctx, manager, allocation.networkId);
}

async function enforceTierCap(manager: EntityManager, networkId: string): Promise<void> {
  const network = await manager.getRepository(Network).findOneBy({ id: networkId });
  if (!network) throw notFound('Network', networkId);
  const measure = await manager.getRepository(Measure).findOneBy({ id: network.measureId });
  if (!measure?.rules.includes(RuleCode.TIER_CAP)) return;
  const tiers = await manager.getRepository(FundingTier).findBy({ measureId: measure.id });
  const tier = tierFor({ ...measure, tiers }, network.plannedRecipients);
  const [{ total }] = await manager.query(
    `SELECT coalesce(sum(amount), 0)::text AS total FROM allocations WHERE tenant_id = $1 AND network_id = $2 AND status = 'COMMITTED'`,
    [network.tenantId, networkId],
  );
  if (!tier || toCents(total) > toCents(tier.maxContribution)) {
    const limit = tier ? tier.maxContribution : '0.00';
    throw ruleViolation(`The network's committed total would exceed its funding tier (${limit})`, [
      {
        rule: RuleCode.TIER_CAP,
        message: tier ? `Il totale impegnato supererebbe il massimo della fascia (${formatEuro(limit)}) per ${network.plannedRecipients} destinatari.` : `Nessuna fascia di contributo per ${network.plannedRecipients} destinatari.`,
        messageEn: tier ? `The committed total would exceed the tier maximum (${limit}) for ${network.plannedRecipients} recipients.` : `No funding tier for ${network.plannedRecipients} recipients.`,
        ids: [networkId],
      },
    ]);
  }
}

export const fundSourceResource: Resource<FundSource, inputs.CreateFundSourceInput, inputs.FundSourceFilter> = {
  entity: FundSource,
  name: 'fundSource',
  plural: 'fundSources',
  searchable: ['code', 'name', 'programme'],
  filter: inputs.FundSourceFilter,
  access: 'REFERENCE',
  createInput: inputs.CreateFundSourceInput,
  updateInput: inputs.UpdateFundSourceInput,
  defaultSort: { field: 'code', order: 'ASC' },
};

export const allocationResource: Resource<Allocation, inputs.CreateAllocationInput, inputs.AllocationFilter> = {
  entity: Allocation,
  name: 'allocation',
  plural: 'allocations',
  searchable: ['note', 'amount'],
  filter: inputs.AllocationFilter,
  filterRules: {
    allocatedFrom: atLeast('allocatedOn'),
    allocatedTo: atMost('allocatedOn'),
  },
  hooks: {
    async afterWrite(ctx, manager, allocation) {
      await enforceFundEligibility(ctx, manager, allocation);
      await enforceAllocationLimits(ctx, manager, allocation);
    },
    afterRemove: (ctx, manager, allocation) => guardNetworkChange(ctx, manager, allocation.networkId),
  },
  createInput: inputs.CreateAllocationInput,
  updateInput: inputs.UpdateAllocationInput,
  defaultSort: { field: 'allocatedOn', order: 'DESC' },
};
