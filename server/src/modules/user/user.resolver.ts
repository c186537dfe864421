import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { equals, Resource } from '../../crud/resource';
import { Context } from '../../graphql/context';
import { Tenant } from '../tenant/tenant.entity';
import { hashPassword } from '../../common/crypto';
import { endSessions } from '../auth/auth.service';
import { User } from './user.entity';
import { CreateUserInput, UpdateUserInput, UserFilter } from './user.inputs';

export const userResource: Resource<User, CreateUserInput, UserFilter> = {
  entity: User,
  name: 'user',
  plural: 'users',
  searchable: ['email', 'displayName'],
  filter: UserFilter,
  filterRules: { role: equals('role'), tenantId: equals('tenantId'), active: equals('active') },
  access: 'REFERENCE',
  readableBy: 'ADMIN',
  createInput: CreateUserInput,
  updateInput: UpdateUserInput,
  defaultSort: { field: 'email', order: 'ASC' },
  hooks: {
    async prepare(_ctx, manager, data, existing) {
      if (data.email) data.email = data.email.trim().toLowerCase();
      // A reset password or a deactivated account ends the user's console sessions at once.
      if (existing && (data.password || data.active === false)) await endSessions(manager, existing.id);
      if (data.password) Object.assign(data, { passwordHash: await hashPassword(data.password) });
      delete data.password;
    },
  },
};

@Resolver(() => User)
export class UserResolver extends crudResolver(userResource) {
  @FieldResolver(() => Tenant, { nullable: true })
  tenant(@Root() user: User, @Ctx() ctx: Context): Promise<Tenant | null> | null {
    return user.tenantId ? ctx.loaders.byId(Tenant).load(user.tenantId) : null;
  }
}
