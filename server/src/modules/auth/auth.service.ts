import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { ANONYMOUS, Principal } from '../../db/request-scope';
import { DomainError, ErrorCode, badInput, notFound } from '../../graphql/errors';
import { User } from '../user/user.entity';
import { ApiToken } from './auth.entity';
import { LoginThrottle } from './login-throttle';
import { API_TOKEN_PREFIX, hashSecret, newSecret, signAccessToken, verifyAccessToken } from './tokens';

export const MIN_PASSWORD_LENGTH = 10;
const REFRESH_TOKEN_DAYS = 14;
const API_TOKEN_MAX_DAYS = 366;

const unauthenticated = (message: string) => new DomainError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

export interface Session {
  token: string;
  expiresAt: Date;
  user: User;
  /** Secret for the refresh cookie; rotated at every use. */
  refreshSecret: string;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Revokes every refresh token of a user: their console sessions end at the next refresh. */
export async function endSessions(manager: EntityManager, userId: string): Promise<void> {
  await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}

// Verified against when the email is unknown, so both answers take the same time.
const decoyHash = hash('decoy password, never valid');

/** Sign-in, sessions and personal API tokens. Runs in short transactions of its own, as the app role. */
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwtSecret: Uint8Array,
    private readonly throttle = new LoginThrottle(dataSource),
  ) {}

  /** Who sent this request. No credentials: anonymous. Bad credentials: UNAUTHENTICATED. */
  async authenticate(authorization: string | undefined, actingTenantId: string | undefined): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const [scheme, credential] = authorization.split(' ');
    if (scheme !== 'Bearer' || !credential) throw unauthenticated('Use Authorization: Bearer <token>');
    const principal = credential.startsWith(API_TOKEN_PREFIX)
      ? await this.principalForApiToken(credential)
      : await verifyAccessToken(this.jwtSecret, credential);
    if (!principal) throw unauthenticated('The token is invalid or has expired');
    // Administrators work across tenants; to change a tenant's records they name it.
    if (principal.role === 'ADMIN' && actingTenantId) {
      // Thrown before the operation runs, so it sets its own HTTP status (Apollo's default there is 500).
      if (!isUUID(actingTenantId)) {
        throw new DomainError(ErrorCode.BAD_USER_INPUT, 'X-Tenant-Id must be a tenant id', { field: 'X-Tenant-Id', http: { status: 400 } });
      }
      return { ...principal, tenantId: actingTenantId };
    }
    return principal;
  }

  private async principalForApiToken(secret: string): Promise<Principal | null> {
    // last_used_at is refreshed at most once a minute, so scripts do not write on every request.
    const [row] = await this.dataSource.query(
      `WITH token AS (
         SELECT t.id AS token_id, t.last_used_at, u.id, u.role, u.tenant_id
         FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.active),
       touched AS (
         UPDATE api_tokens SET last_used_at = now()
         WHERE id IN (SELECT token_id FROM token WHERE last_used_at IS NULL OR last_used_at < now() - interval '1 minute'))
       SELECT id, role, tenant_id FROM token`,
      [hashSecret(secret)],
    );
    return row ? { userId: row.id, role: row.role, tenantId: row.tenant_id } : null;
  }

  async login(email: string, password: string, clientAddress: string): Promise<Session> {
    const normalised = email.trim().toLowerCase();
    const attempt = await this.throttle.begin(normalised, clientAddress);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email AND u.active', { email: normalised })
      .getOne();
    const valid = (await verify(user?.passwordHash ?? (await decoyHash), password)) && !!user;
    // One answer for a wrong password and an unknown user.
    if (!valid) throw unauthenticated('Wrong email or password');
    await attempt.succeeded();
    return this.startSession(this.dataSource.manager, user!, randomUUID());
  }

  /** Exchanges a refresh secret for a new session. A secret used twice revokes its whole family. */
  async refresh(refreshSecret: string | undefined): Promise<Session> {
    if (!refreshSecret) throw unauthenticated('No session to refresh; sign in');
    const outcome = await this.dataSource.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT r.id, r.family_id, r.used_at, r.revoked_at, r.expires_at > now() AS live, r.user_id
         FROM refresh_tokens r WHERE r.token_hash = $1 FOR UPDATE`,
        [hashSecret(refreshSecret)],
      );
      if (!row || row.revoked_at || !row.live) return null;
      if (row.used_at) {
        await tx.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [row.family_id]);
        return 'reused' as const;
      }
      await tx.query('UPDATE refresh_tokens SET used_at = now() WHERE id = $1', [row.id]);
      const user = await tx.getRepository(User).findOneBy({ id: row.user_id, active: true });
      return user ? this.startSession(tx, user, row.family_id) : null;
    });
    if (!outcome || outcome === 'reused') throw unauthenticated('The session has ended; sign in again');
    return outcome;
  }

  async logout(refreshSecret: string | undefined): Promise<void> {
    if (!refreshSecret) return;
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
       WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`,
      [hashSecret(refreshSecret)],
    );
  }

  private async startSession(tx: EntityManager, user: User, familyId: string): Promise<Session> {
    const { secret, hash: tokenHash } = newSecret();
    await tx.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '${REFRESH_TOKEN_DAYS} days')`,
      [user.id, familyId, tokenHash],
    );
    const { token, expiresAt } = await signAccessToken(this.jwtSecret, { userId: user.id, role: user.role, tenantId: user.tenantId });
    return { token, expiresAt, user, refreshSecret: secret };
  }

  async me(principal: Principal): Promise<User | null> {
    return principal.userId ? this.dataSource.getRepository(User).findOneBy({ id: principal.userId }) : null;
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    if (!principal.userId) throw unauthenticated('Sign in first');
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw badInput('newPassword', `The new password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    const user = await this.dataSource.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: principal.userId }).getOne();
    if (!user?.passwordHash || !(await verify(user.passwordHash, currentPassword))) {
      throw badInput('currentPassword', 'The current password is wrong');
    }
    const newHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await tx.query('UPDATE users SET password_hash = $2, version = version + 1, updated_at = now() WHERE id = $1', [user.id, newHash]);
      await endSessions(tx, user.id);
    });
  }

  async createApiToken(principal: Principal, name: string, expiresAt: Date): Promise<{ secret: string; apiToken: ApiToken }> {
    if (!principal.userId) throw unauthenticated('Sign in first');
    if (!name.trim() || name.length > 100) throw badInput('name', 'name must have 1 to 100 characters');
    const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
    if (!(days > 0 && days <= API_TOKEN_MAX_DAYS)) throw badInput('expiresAt', `expiresAt must be in the next ${API_TOKEN_MAX_DAYS} days`);
    const { secret, hash: tokenHash } = newSecret(API_TOKEN_PREFIX);
    const [row] = await this.dataSource.query(
      `INSERT INTO api_tokens (user_id, name, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [principal.userId, name, tokenHash, expiresAt],
    );
    return { secret, apiToken: (await this.dataSource.getRepository(ApiToken).findOneBy({ id: row.id }))! };
  }

  listApiTokens(principal: Principal): Promise<ApiToken[]> {
    if (!principal.userId) throw unauthenticated('Sign in first');
    return this.dataSource.getRepository(ApiToken).find({ where: { userId: principal.userId }, order: { createdAt: 'DESC' } });
  }

  async revokeApiToken(principal: Principal, id: string): Promise<ApiToken> {
    if (!principal.userId) throw unauthenticated('Sign in first');
    if (!isUUID(id)) throw badInput('id', 'id is not a valid identifier');
    const revoked = await this.dataSource.query(
      `WITH revoked AS (
         UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()), updated_at = now() WHERE id = $1 AND user_id = $2 RETURNING id)
       SELECT id FROM revoked`,
      [id, principal.userId],
    );
    if (!revoked.length) throw notFound('ApiToken', id);
    return (await this.dataSource.getRepository(ApiToken).findOneBy({ id }))!;
  }
}
