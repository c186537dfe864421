import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { equals, Resource } from '../../crud/resource';
import { Context } from '../../graphql/context';
import { Tenant } from '../tenant/tenant.entity';
import { setPassword } from '../auth/auth.service';
import { User } from './user.entity';
import { CreateUserInput, UpdateUserInput, UserFilter } from './user.inputs';

/** The password of the user being written, from prepare to afterWrite of the same mutation. */
const pendingPasswords = new WeakMap<Context, string>();

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
  // A deactivated, demoted or moved user's sessions end in the database (users.session_epoch).
  // The password is no column of users: it is set once the row exists, and ends the user's sessions.
  hooks: {
    prepare(ctx, _manager, data) {
      if (data.email) data.email = data.email.trim().toLowerCase();
      pendingPasswords.delete(ctx);
      if (data.password) pendingPasswords.set(ctx, data.password);
      delete data.password;
    },
    async afterWrite(ctx, manager, user) {
      const password = pendingPasswords.get(ctx);
      pendingPasswords.delete(ctx);
      if (password) await setPassword(manager, user.id, password);
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
