import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { follow } from '../../graphql/relations';
import { Network } from '../network/network.entity';
import { Money } from '../../graphql/scalars';
import { graphqlErrorOf } from '../../graphql/errors';

/** Scalar fields are not wrapped by the schema's error mapping (graphql/schema.ts): these two may refuse. */
const asGraphqlError = (error: unknown): never => {
  throw graphqlErrorOf(error);
};
import { allocationResource, fundAvailable, fundCommitted, fundSourceResource } from './funding.service';
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
    return fundCommitted(ctx, source).catch(asGraphqlError);
  }

  @FieldResolver(() => Money, { description: 'Budget minus what all tenants committed.' })
  available(@Root() source: FundSource, @Ctx() ctx: Context): Promise<string> {
    return fundAvailable(ctx, source).catch(asGraphqlError);
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
