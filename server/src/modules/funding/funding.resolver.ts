import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { Money } from '../../graphql/scalars';
import { graphqlErrorOf } from '../../graphql/errors';

/** Scalar fields are not wrapped by the schema's error mapping (graphql/schema.ts): these two may refuse. */
const asGraphqlError = (error: unknown): never => {
  throw graphqlErrorOf(error);
};
import { allocationResource, fundAvailable, fundCommitted, fundSourceResource } from './funding.service';
import { Allocation, FundSource } from './funding.entity';

@Resolver(() => FundSource)
export class FundSourceResolver extends crudResolver(fundSourceResource) {
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
export class AllocationResolver extends crudResolver(allocationResource) {}
