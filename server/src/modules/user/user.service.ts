import { Resource } from '../../crud/resource';
import { RequestContext } from '../../common/request';
import { userFiscalCodeHash } from '../../common/crypto';
import { badInput } from '../../common/errors';
import { setPassword } from '../auth/auth.service';
import { Colleague, User } from './user.entity';
import { CreateUserInput, UpdateUserInput, UserFilter } from './user.inputs';

/** The password of the user being written, from prepare to afterWrite of the same mutation. */
const pendingPasswords = new WeakMap<RequestContext, string>();

export const userResource: Resource<User, CreateUserInput, UserFilter> = {
  entity: User,
  name: 'user',
  plural: 'users',
  searchable: ['email', 'displayName'],
  filter: UserFilter,
  access: 'REFERENCE',
  readableBy: 'ADMIN',
  createInput: CreateUserInput,
  updateInput: UpdateUserInput,
  defaultSort: { field: 'email', order: 'ASC' },
  // A deactivated, demoted or moved user's sessions end in the database (users.session_epoch).
  // The password is no column of users: it is set once the row exists, and ends the user's sessions.
  hooks: {
    prepare(ctx, _manager, data, existing) {
      if (data.email) data.email = data.email.trim().toLowerCase();
      if (data.password && (data.ssoOnly ?? existing?.ssoOnly)) throw badInput('password', 'A single-sign-on-only user has no password');
      if (data.fiscalCode !== undefined) {
        (data as { fiscalCodeHash?: string | null }).fiscalCodeHash = data.fiscalCode ? userFiscalCodeHash(ctx.keys.recipientHash, data.fiscalCode) : null;
        delete data.fiscalCode;
      }
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

/** The active users of the caller's tenant, by name (tenant_colleagues): whom an Ambito may appoint as evaluators. */
export async function colleaguesOf(ctx: RequestContext): Promise<Colleague[]> {
  const manager = await ctx.scope.manager();
  return manager.query('SELECT id, display_name AS "displayName" FROM tenant_colleagues()');
}
