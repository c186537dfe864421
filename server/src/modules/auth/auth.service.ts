import { hash } from '@node-rs/argon2';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { Pools, RequestScope } from '../../db/request-scope';
import { poolQuery } from '../../db/rate-limits';
import { hashPassword } from '../../common/crypto';
import { ANONYMOUS, Principal, Role } from '../../common/request';
import { DomainError, ErrorCode, badInput, notFound } from '../../common/errors';
import { User } from '../user/user.entity';
import { ApiToken } from './auth.entity';
import { LoginThrottle } from './login-throttle';
import { API_TOKEN_PREFIX, hashSecret, newSecret, signAccessToken, verifyAccessToken } from './tokens';

export const MIN_PASSWORD_LENGTH = 10;
const REFRESH_TOKEN_TTL = '14 days';
const API_TOKEN_MAX_DAYS = 366;

const unauthenticated = (message: string) => new DomainError(ErrorCode.UNAUTHENTICATED, message);

export interface Session {
  token: string;
  expiresAt: Date;
  user: User;
  /** Secret for the refresh cookie; rotated at every use. */
  refreshSecret: string;
}

export type SsoOutcome = { outcome: 'OK'; session: Session } | { outcome: 'UNKNOWN' | 'INACTIVE' };

/** What the auth_* functions answer for a user who may have a session. */
interface SessionRow {
  user_id: string;
  role: Role;
  tenant_id: string | null;
  session_epoch: number;
}

interface ApiTokenRow {
  id: string;
  name: string;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
}

const toApiToken = (row: ApiTokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
  lastUsedAt: row.last_used_at,
  createdAt: row.created_at,
});

/**
 * Sets a user's password, as an administrator's request (reti_admin), and ends every session and API
 * token of theirs. The hash goes to reti_private, which the request itself cannot read.
 */
export async function setPassword(manager: EntityManager, userId: string, password: string): Promise<void> {
  await manager.query('SELECT auth_set_password($1, $2)', [userId, await hashPassword(password)]);
}

/** The setting of a stored hash: everything but its last field, $argon2id$v=19$m=…,t=…,p=…$<salt>. */
const settingOf = (encoded: string) => encoded.slice(0, encoded.lastIndexOf('$'));

/**
 * The database keeps the hashes and hands out only their settings; the candidate hashed with the
 * same salt and parameters is what it compares. Null for a setting this server did not write.
 */
async function hashWithSetting(password: string, setting: string): Promise<string | null> {
  const [, algorithm, version, parameters, salt] = setting.split('$');
  if (algorithm !== 'argon2id' || version !== 'v=19' || !salt) return null;
  const cost = Object.fromEntries(parameters.split(',').map((pair) => pair.split('=')));
  // algorithm and version are the library's defaults, checked above.
  return hash(password, { memoryCost: Number(cost.m), timeCost: Number(cost.t), parallelism: Number(cost.p), salt: Buffer.from(salt, 'base64') });
}

// Hashed with when the email is unknown or the password is wrong, so every answer takes the same time.
const decoySetting = hash('decoy password, never valid').then(settingOf);

/** Sign-in, sessions and personal API tokens. Runs as the app role, through the database's auth_* functions only. */
export class AuthService {
  private readonly dataSource: DataSource;

  constructor(
    private readonly pools: Pools,
    private readonly jwtSecret: Uint8Array,
    private readonly throttle: LoginThrottle,
    /** Single sign-on is the way in, and passwords are kept for break-glass administrators. */
    private readonly passwordForAdminsOnly = false,
  ) {
    this.dataSource = pools.app;
  }

  /**
   * Runs `work` in a transaction of its own with the principal's signed identity: the credential
   * functions act only for the user it names. Read-write whatever the role, and committed at once.
   */
  private async asUser<T>(principal: Principal, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const scope = new RequestScope(this.pools, principal, { writable: true });
    try {
      const result = await work(await scope.manager());
      await scope.finish();
      return result;
    } finally {
      await scope.discard();
    }
  }

  /**
   * Who sent this request. No credentials: anonymous. Bad credentials, or a session that has ended:
   * UNAUTHENTICATED. With `sessionCheckedByRequest`, an access token's session is not checked here
   * but handed on in the principal, for the request to check (see Principal.session).
   */
  async authenticate(authorization: string | undefined, actingTenantId: string | undefined, sessionCheckedByRequest = false): Promise<Principal> {
    if (!authorization) return ANONYMOUS;
    const [scheme, credential] = authorization.split(' ');
    if (scheme !== 'Bearer' || !credential) throw unauthenticated('Use Authorization: Bearer <token>');
    const principal = credential.startsWith(API_TOKEN_PREFIX)
      ? await this.principalForApiToken(credential)
      : await this.principalForAccessToken(credential, sessionCheckedByRequest);
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

  /**
   * A signed token is not enough: its user must still be active, with the role and tenant it was
   * issued for, and its session must not have ended (logout, a replayed refresh cookie, a new password).
   */
  private async principalForAccessToken(token: string, sessionCheckedByRequest: boolean): Promise<Principal | null> {
    const claims = await verifyAccessToken(this.jwtSecret, token);
    if (!claims) return null;
    const principal: Principal = { userId: claims.userId, role: claims.role, tenantId: claims.tenantId };
    const session = { epoch: claims.sessionEpoch, id: claims.sessionId };
    if (sessionCheckedByRequest) return { ...principal, session };
    return (await this.sessionLive({ ...principal, session })) ? principal : null;
  }

  /** Whether the principal's access-token session is still live (true without one). */
  async sessionLive({ userId, session }: Principal): Promise<boolean> {
    if (!session) return true;
    const [{ live }] = await poolQuery<{ live: boolean }>(this.dataSource, 'SELECT auth_session_live($1, $2, $3) AS live', [userId, session.epoch, session.id]);
    return live;
  }

  private async principalForApiToken(secret: string): Promise<Principal | null> {
    // Every request of a script pays this lookup: straight through the pool, like the allowances.
    const [row] = await poolQuery<{ user_id: string; role: Principal['role']; tenant_id: string | null }>(this.dataSource, 'SELECT * FROM auth_api_token_principal($1)', [hashSecret(secret)]);
    return row ? { userId: row.user_id, role: row.role, tenantId: row.tenant_id } : null;
  }

  async login(email: string, password: string, clientAddress: string): Promise<Session> {
    const normalised = email.trim().toLowerCase();
    const attempt = await this.throttle.begin(normalised, clientAddress);
    const [{ setting }] = await this.dataSource.query('SELECT auth_login_setting($1) AS setting', [normalised]);
    const candidate = await hashWithSetting(password, setting ?? (await decoySetting));
    const { secret, hash: refreshHash } = newSecret();
    // The throttle counts attempts (login-throttle.ts), so the database records none of its own.
    const [row] = await this.dataSource.query('SELECT * FROM auth_sign_in(NULL, $1, $2, $3, $4)', [normalised, candidate, refreshHash, REFRESH_TOKEN_TTL]);
    // One answer for a wrong password and an unknown user.
    if (!row) throw unauthenticated('Wrong email or password');
    await attempt.succeeded();
    if (this.passwordForAdminsOnly && row.role !== 'ADMIN') {
      await this.dataSource.query('SELECT auth_end_session($1)', [refreshHash]);
      throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in with your digital identity (SPID / CIE)', { reason: 'SSO_REQUIRED' });
    }
    return this.startSession(row, secret, refreshHash);
  }

  /**
   * A session for the user an administrator mapped to the identity the provider vouched for (by
   * email or by the keyed hash of the codice fiscale). Never creates a user.
   */
  async ssoSignIn(identity: { email: string | null; fiscalCodeHash: string | null; subject: string; sessionId: string | null }): Promise<SsoOutcome> {
    const { secret, hash: refreshHash } = newSecret();
    const [row] = await this.dataSource.query('SELECT * FROM auth_sso_sign_in($1, $2, $3, $4, $5, $6)', [
      identity.email?.trim().toLowerCase() ?? null,
      identity.fiscalCodeHash,
      identity.subject,
      identity.sessionId,
      refreshHash,
      REFRESH_TOKEN_TTL,
    ]);
    if (row.outcome !== 'OK') return { outcome: row.outcome };
    return { outcome: 'OK', session: await this.startSession(row, secret, refreshHash) };
  }

  /** Exchanges a refresh secret for a new session. A secret used twice revokes its whole family. */
  async refresh(refreshSecret: string | undefined): Promise<Session> {
    if (!refreshSecret) throw unauthenticated('No session to refresh; sign in');
    const { secret, hash: refreshHash } = newSecret();
    const [row] = await this.dataSource.query('SELECT * FROM auth_rotate_refresh_token($1, $2, $3)', [hashSecret(refreshSecret), refreshHash, REFRESH_TOKEN_TTL]);
    if (!row) throw unauthenticated('The session has ended; sign in again');
    return this.startSession(row, secret, refreshHash);
  }

  /** The provider's back-channel logout: ends the sessions it opened for that subject or session id. */
  async ssoEndSessions(subject: string | null, sessionId: string | null): Promise<number> {
    const [{ ended }] = await this.dataSource.query('SELECT auth_sso_end_sessions($1, $2) AS ended', [subject, sessionId]);
    return ended;
  }

  async logout(refreshSecret: string | undefined): Promise<void> {
    if (!refreshSecret) return;
    await this.dataSource.query('SELECT auth_end_session($1)', [hashSecret(refreshSecret)]);
  }

  private async startSession(row: SessionRow, refreshSecret: string, refreshHash: string): Promise<Session> {
    const user = await this.activeUser(row.user_id);
    const [{ session }] = await this.dataSource.query('SELECT auth_refresh_session($1) AS session', [refreshHash]);
    if (!user || !session) throw unauthenticated('The session has ended; sign in again');
    const { token, expiresAt } = await signAccessToken(this.jwtSecret, {
      userId: row.user_id,
      role: row.role,
      tenantId: row.tenant_id,
      sessionEpoch: row.session_epoch,
      sessionId: session,
    });
    return { token, expiresAt, user, refreshSecret };
  }

  /** The user's own row: under row-level security the app role sees it only when the signed identity names them. */
  private activeUser(userId: string): Promise<User | null> {
    return this.asUser({ userId, role: 'EDITOR', tenantId: null }, (manager) => manager.getRepository(User).findOneBy({ id: userId, active: true }));
  }

  async me(principal: Principal): Promise<User | null> {
    return principal.userId ? this.activeUser(principal.userId) : null;
  }

  /** Ends the user's console sessions and, unless keepApiTokens, their API tokens. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string, keepApiTokens = false): Promise<void> {
    if (!principal.userId) throw unauthenticated('Sign in first');
    if (newPassword.length < MIN_PASSWORD_LENGTH) throw badInput('newPassword', `The new password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    const [{ setting }] = await this.asUser(principal, (m) => m.query('SELECT auth_user_setting($1) AS setting', [principal.userId]));
    const candidate = await hashWithSetting(currentPassword, setting ?? (await decoySetting));
    const newHash = await hashPassword(newPassword);
    const [{ changed }] = await this.asUser(principal, (m) =>
      m.query('SELECT auth_change_password($1, $2, $3, $4) AS changed', [principal.userId, candidate, newHash, keepApiTokens]),
    );
    if (!changed) throw badInput('currentPassword', 'The current password is wrong');
  }

  async createApiToken(principal: Principal, name: string, expiresAt: Date): Promise<{ secret: string; apiToken: ApiToken }> {
    if (!principal.userId) throw unauthenticated('Sign in first');
    if (!name.trim() || name.length > 100) throw badInput('name', 'name must have 1 to 100 characters');
    const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
    if (!(days > 0 && days <= API_TOKEN_MAX_DAYS)) throw badInput('expiresAt', `expiresAt must be in the next ${API_TOKEN_MAX_DAYS} days`);
    const { secret, hash: tokenHash } = newSecret(API_TOKEN_PREFIX);
    const [row] = await this.asUser(principal, (m) => m.query('SELECT * FROM auth_create_api_token($1, $2, $3, $4)', [principal.userId, name, tokenHash, expiresAt]));
    if (!row) throw unauthenticated('Sign in first');
    return { secret, apiToken: toApiToken(row) };
  }

  async listApiTokens(principal: Principal): Promise<ApiToken[]> {
    if (!principal.userId) throw unauthenticated('Sign in first');
    const rows: ApiTokenRow[] = await this.asUser(principal, (m) => m.query('SELECT * FROM auth_api_tokens($1)', [principal.userId]));
    return rows.map(toApiToken);
  }

  async revokeApiToken(principal: Principal, id: string): Promise<ApiToken> {
    if (!principal.userId) throw unauthenticated('Sign in first');
    if (!isUUID(id)) throw badInput('id', 'id is not a valid identifier');
    const [row] = await this.asUser(principal, (m) => m.query('SELECT * FROM auth_revoke_api_token($1, $2)', [principal.userId, id]));
    if (!row) throw notFound('ApiToken', id);
    return toApiToken(row);
  }
}
