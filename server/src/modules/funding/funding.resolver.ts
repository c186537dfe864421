import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { Network } from '../network/network.entity';
import { Money } from '../../graphql/scalars';
import { allocationResource, fundAvailable, fundSourceResource } from './funding.service';
import { Allocation, FundSource } from './funding.entity';

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
  available(@Root() source: FundSource, @Ctx() ctx: Context): Promise<string> {
    return fundAvailable(ctx, source);
  }
}

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
