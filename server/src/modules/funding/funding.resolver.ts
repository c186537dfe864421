import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { follow } from '../../graphql/relations';
import { Network } from '../network/network.entity';
import { Money } from '../../graphql/scalars';
import { allocationResource, fundAvailable, fundSourceResource } from './funding.service';
import { Allocation, FundSource } from './funding.entity';
import { ALLOCATION, FUND_SOURCE } from './funding.relations';

@Resolver(() => FundSource)
export class FundSourceResolver extends crudResolver(fundSourceResource) {
  @FieldResolver(() => [Allocation], { description: "Allocations from this source that the caller may see." })
  allocations(@Root() source: FundSource, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, FUND_SOURCE.allocations, source);
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
  network(@Root() allocation: Allocation, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, ALLOCATION.network, allocation);
  }

  @FieldResolver(() => FundSource)
  fundSource(@Root() allocation: Allocation, @Ctx() ctx: Context): Promise<unknown> {
    return follow(ctx.loaders, ALLOCATION.fundSource, allocation);
  }
}
