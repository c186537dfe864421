import { EntityManager } from 'typeorm';
import { RequestContext } from '../../common/request';
import { forbidden } from '../../common/errors';
import { Tenant, TenantKind } from '../tenant/tenant.entity';
import { fromCents, toCents } from '../../common/money';
import { activeNetworks, allocationLimitsOf, networkComplianceGuard, ownNetworkGuard, ruleViolation } from '../network/network.service';
import { Allocation, AllocationStatus, FundSource } from './funding.entity';
import { atLeast, atMost, Resource } from '../../crud/resource';
import * as inputs from './funding.inputs';
import { enforceFundEligibility } from '../fund-eligibility/fund-eligibility.service';

/**
 * What all tenants together committed from a fund source. A third-sector body takes part in
 * co-design only: the public bodies' commitments are not its to read.
 */
export async function fundCommitted(ctx: RequestContext, source: FundSource): Promise<string> {
  const tenant = ctx.principal.tenantId ? await ctx.loaders.byId(Tenant).load(ctx.principal.tenantId) : null;
  if (tenant?.kind === TenantKind.THIRD_SECTOR_BODY) {
    throw forbidden("Gli impegni degli enti sulle fonti di finanziamento non sono visibili a un ente del terzo settore. (A third-sector body does not see the public bodies' commitments on fund sources.)");
  }
  return ctx.loaders.fundCommitted.load(source.id);
}

/** A fund source's budget minus what all tenants together committed. */
export async function fundAvailable(ctx: RequestContext, source: FundSource): Promise<string> {
  return fromCents(toCents(source.budget) - toCents(await fundCommitted(ctx, source)));
}

/**
 * Hard limits on money, checked after every write of a committed allocation, inside its savepoint,
 * whatever the network's status: FUND_BUDGET across all tenants (serialised per fund source by a
 * transaction lock taken just before the check, so concurrent requests can never together exceed
 * the budget), the fund's
 * availability dates, and TIER_CAP for the network. The same rules as the compliance report.
 */
async function enforceAllocationLimits(ctx: RequestContext, manager: EntityManager, allocation: Allocation): Promise<void> {
  if (allocation.status !== AllocationStatus.COMMITTED) return;
  const violations = await allocationLimitsOf(ctx, manager, allocation);
  if (violations.length) throw ruleViolation("L'assegnazione supera i limiti della fonte o della rete.", "The allocation exceeds the limits of its fund source or network.", violations);
}

export const fundSourceResource: Resource<FundSource, inputs.CreateFundSourceInput, inputs.FundSourceFilter> = {
  entity: FundSource,
  name: 'fundSource',
  plural: 'fundSources',
  searchable: ['code', 'name', 'programme'],
  filter: inputs.FundSourceFilter,
  access: 'REFERENCE',
  guards: [
    networkComplianceGuard({
      mode: 'ENFORCE',
      networksOf: (manager, source) =>
        source.id ? activeNetworks(manager, 'EXISTS (SELECT 1 FROM allocations a WHERE a.tenant_id = n.tenant_id AND a.network_id = n.id AND a.fund_source_id = $1)', [source.id]) : [],
    }),
  ],
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
  },
  guards: [ownNetworkGuard()],
  createInput: inputs.CreateAllocationInput,
  updateInput: inputs.UpdateAllocationInput,
  defaultSort: { field: 'allocatedOn', order: 'DESC' },
};
