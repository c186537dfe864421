import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { atLeast, atMost, equals, Resource } from '../../crud/resource';
import { Context } from '../../graphql/context';
import { Network } from '../network/network.entity';
import { guardNetworkChange } from '../network/network.service';
import { Money } from '../../graphql/scalars';
import { fromCents, toCents } from '../../common/money';
import { enforceAllocationLimits } from './funding.service';
import { Allocation, FundSource } from './funding.entity';
import * as inputs from './funding.inputs';

export const fundSourceResource: Resource<FundSource, inputs.CreateFundSourceInput, inputs.FundSourceFilter> = {
  entity: FundSource,
  name: 'fundSource',
  plural: 'fundSources',
  searchable: ['code', 'name', 'programme'],
  filter: inputs.FundSourceFilter,
  filterRules: {},
  access: 'REFERENCE',
  createInput: inputs.CreateFundSourceInput,
  updateInput: inputs.UpdateFundSourceInput,
  defaultSort: { field: 'code', order: 'ASC' },
};

@Resolver(() => FundSource)
export class FundSourceResolver extends crudResolver(fundSourceResource) {
  @FieldResolver(() => [Allocation], { description: "Allocations from this source that the caller may see." })
  allocations(@Root() source: FundSource, @Ctx() ctx: Context): Promise<Allocation[]> {
    return ctx.loaders.manyBy(Allocation, 'fundSourceId').load(source.id);
  }

  @FieldResolver(() => Money, { description: 'Committed by all tenants together.' })
  committed(@Root() source: FundSource, @Ctx() ctx: Context): Promise<string> {
    return ctx.loaders.fundCommitted.load(source.id);
  }

  @FieldResolver(() => Money, { description: 'Budget minus what all tenants committed.' })
  async available(@Root() source: FundSource, @Ctx() ctx: Context): Promise<string> {
    return fromCents(toCents(source.budget) - toCents(await ctx.loaders.fundCommitted.load(source.id)));
  }
}

export const allocationResource: Resource<Allocation, inputs.CreateAllocationInput, inputs.AllocationFilter> = {
  entity: Allocation,
  name: 'allocation',
  plural: 'allocations',
  searchable: ['note', 'amount'],
  filter: inputs.AllocationFilter,
  filterRules: {
    fundSourceId: equals('fundSourceId'),
    networkId: equals('networkId'),
    kind: equals('kind'),
    status: equals('status'),
    allocatedFrom: atLeast('allocatedOn'),
    allocatedTo: atMost('allocatedOn'),
  },
  access: 'TENANT',
  hooks: {
    afterWrite: (ctx, manager, allocation) => enforceAllocationLimits(ctx, manager, allocation),
    afterRemove: (ctx, manager, allocation) => guardNetworkChange(ctx, manager, allocation.networkId),
  },
  createInput: inputs.CreateAllocationInput,
  updateInput: inputs.UpdateAllocationInput,
  defaultSort: { field: 'allocatedOn', order: 'DESC' },
};

@Resolver(() => Allocation)
export class AllocationResolver extends crudResolver(allocationResource) {
  @FieldResolver(() => Network)
  network(@Root() allocation: Allocation, @Ctx() ctx: Context): Promise<Network | null> {
    return ctx.loaders.byId(Network).load(allocation.networkId);
  }

  @FieldResolver(() => FundSource)
  fundSource(@Root() allocation: Allocation, @Ctx() ctx: Context): Promise<FundSource | null> {
    return ctx.loaders.byId(FundSource).load(allocation.fundSourceId);
  }
}
