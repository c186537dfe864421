import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { Tenant } from '../tenant/tenant.entity';
import { User } from './user.entity';
import { userResource } from './user.service';

@Resolver(() => User)
export class UserResolver extends crudResolver(userResource) {
  @FieldResolver(() => Tenant, { nullable: true })
  tenant(@Root() user: User, @Ctx() ctx: Context): Promise<Tenant | null> | null {
    return user.tenantId ? ctx.loaders.byId(Tenant).load(user.tenantId) : null;
  }
}
