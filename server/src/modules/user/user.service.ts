import { Resource } from '../../crud/resource';
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
