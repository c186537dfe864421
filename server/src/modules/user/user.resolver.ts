import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { Tenant } from '../tenant/tenant.entity';
import { Colleague, User } from './user.entity';
import { colleaguesOf, userResource } from './user.service';

@Resolver(() => User)
export class UserResolver extends crudResolver(userResource) {
  @FieldResolver(() => Tenant, { nullable: true })
  tenant(@Root() user: User, @Ctx() ctx: Context): Promise<Tenant | null> | null {
    return user.tenantId ? ctx.loaders.byId(Tenant).load(user.tenantId) : null;
  }

  @Query(() => [Colleague], { description: "The active users of the caller's own tenant, by name: whom an Ambito may appoint as evaluators. Empty without a tenant." })
  colleagues(@Ctx() ctx: Context): Promise<Colleague[]> {
    return colleaguesOf(ctx);
  }
}
