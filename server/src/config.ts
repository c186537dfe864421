import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DEFAULT_QUERY_LIMITS, QueryLimits } from './graphql/limits';
import { LOG_LEVELS, LogLevel } from './common/logger';
import type { SsoSettings } from './modules/auth/sso.service';

export type { SsoSettings };

/** How much one caller may ask. The defaults are far above what a person at the console or a test does. */
export interface RateLimits {
  /** Requests to /graphql and /opendata per signed-in user (per API token for scripts) in each window. */
  requestsPerUser: number;
  /** Requests to /graphql and /opendata per client address in each window, signed in or not. */
  requestsPerAddress: number;
  windowSeconds: number;
  /** Failed sign-ins from one client address, whatever the email, in an hour. */
  loginFailuresPerAddress: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  requestsPerUser: 1200,
  requestsPerAddress: 3000,
  windowSeconds: 60,
  loginFailuresPerAddress: 100,
};

/** Everything the server reads from the environment, validated once at boot. */
export interface Config {
  port: number;
  /** Owner connection: runs migrations and bootstrap. Absent means "start the embedded server". */
  databaseUrl?: string;
  /** A streaming replica of DATABASE_URL's database, for analysts' read-only requests. */
  databaseReplicaUrl?: string;
  dataDir: string;
  /** Where `npm run backup` writes and `npm run restore` looks (embedded database only). */
  backupDir: string;
  /** Port and superuser password of the embedded server, which listens on 127.0.0.1 only. */
  embeddedPort: number;
  embeddedPassword: string;
  /** Password of the unprivileged role the app connects as. */
  appDbPassword: string;
  /** Password of reti_admin, the role administrators' requests connect as; generated in the data folder unless given. */
  adminDbPassword: string;
  poolSize: number;
  logQueries: boolean;
  /** Signs access tokens (HS256). */
  jwtSecret: Uint8Array;
  /** Keys the HMAC of recipients' codici fiscali. Changing it orphans every stored hash. */
  recipientHashKey: Uint8Array;
  /** The first administrator, created at first start when no administrator exists. */
  adminEmail?: string;
  adminPassword?: string;
  /** Seed the labelled demo dataset. */
  demoData: boolean;
  /** Mark the refresh cookie Secure (serve over HTTPS). */
  secureCookies: boolean;
  /** Express "trust proxy": hops of reverse proxies whose X-Forwarded-For names the client (for the login throttle). */
  trustProxy: number;
  /** Budgets every GraphQL document is measured against before it runs. */
  queryLimits: QueryLimits;
  rateLimits: RateLimits;
  /** How long a SIGTERM or SIGINT waits for requests in flight before it cuts them off. */
  shutdownGraceMs: number;
  logLevel: LogLevel;
  /** Readable log lines instead of JSON, when pino-pretty (a development dependency) is installed. */
  logPretty: boolean;
  /** Absent: passwords only. */
  sso?: SsoSettings;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!['0', '1', 'true', 'false'].includes(raw)) throw new ConfigError(`${name} must be 0 or 1, got "${raw}"`);
  return raw === '1' || raw === 'true';
}

/** A secret from the environment, or one generated once and kept in the data folder. */
function secret(env: NodeJS.ProcessEnv, name: string, dataDir: string): Uint8Array {
  const raw = env[name];
  if (raw) {
    if (raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters`);
    return new TextEncoder().encode(raw);
  }
  const file = path.join(dataDir, `${name.toLowerCase()}.key`);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): URL {
  const raw = env[name] ?? '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash) throw new ConfigError(`${name} must be an http(s) URL without query or fragment, got "${raw}"`);
  // Plain HTTP only on this machine (a provider or a console under test); the library refuses it elsewhere too.
  if (url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) throw new ConfigError(`${name} must use https unless it is on localhost`);
  return url;
}

function ssoSettings(env: NodeJS.ProcessEnv): SsoSettings | undefined {
  if (!env.OIDC_ISSUER) {
    const stray = Object.keys(env).find((name) => name.startsWith('OIDC_') && env[name]);
    if (stray) throw new ConfigError(`${stray} needs OIDC_ISSUER`);
    return undefined;
  }
  for (const name of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_URL']) if (!env[name]) throw new ConfigError(`${name} is required with OIDC_ISSUER`);
  const scopes = (env.OIDC_SCOPES || 'openid profile email').trim().split(/\s+/);
  if (!scopes.includes('openid')) throw new ConfigError('OIDC_SCOPES must include openid');
  const identityClaim = env.OIDC_IDENTITY_CLAIM || 'fiscal_number';
  const matchBy = env.OIDC_MATCH_BY || (identityClaim === 'email' ? 'email' : 'fiscal_code');
  if (matchBy !== 'fiscal_code' && matchBy !== 'email') throw new ConfigError(`OIDC_MATCH_BY must be fiscal_code or email, got "${matchBy}"`);
  const passwordLogin = env.OIDC_PASSWORD_LOGIN || 'all';
  if (passwordLogin !== 'all' && passwordLogin !== 'admins') throw new ConfigError(`OIDC_PASSWORD_LOGIN must be all or admins, got "${passwordLogin}"`);
  return {
    issuer: httpUrl(env, 'OIDC_ISSUER'),
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    scopes: scopes.join(' '),
    identityClaim,
    matchBy,
    acrValues: (env.OIDC_ACR_VALUES ?? '').split(/[\s,]+/).filter(Boolean),
    buttonLabel: env.OIDC_BUTTON_LABEL?.trim() || undefined,
    passwordForAdminsOnly: passwordLogin === 'admins',
    publicUrl: httpUrl(env, 'PUBLIC_URL').origin,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const databaseReplicaUrl = env.DATABASE_REPLICA_URL || undefined;
  if (databaseReplicaUrl && !/^postgres(ql)?:\/\//.test(databaseReplicaUrl)) {
    throw new ConfigError('DATABASE_REPLICA_URL must be a postgres:// URL');
  }
  if (databaseReplicaUrl && !databaseUrl) throw new ConfigError('DATABASE_REPLICA_URL is a replica of DATABASE_URL, which must be set too');
  const adminEmail = env.ADMIN_EMAIL?.trim().toLowerCase() || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (Boolean(adminEmail) !== Boolean(adminPassword)) throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD go together');
  if (adminPassword && adminPassword.length < 8) throw new ConfigError('ADMIN_PASSWORD must be at least 8 characters');
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const dataDir = path.resolve(env.DATA_DIR || path.join(process.cwd(), '.data'));
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl,
    databaseReplicaUrl,
    dataDir,
    backupDir: path.resolve(env.BACKUP_DIR || path.join(dataDir, 'backups')),
    embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 54320, 1024, 65535),
    embeddedPassword: env.EMBEDDED_PG_PASSWORD || 'reti_owner_local',
    appDbPassword: env.APP_DB_PASSWORD || 'reti_app_local',
    adminDbPassword: new TextDecoder().decode(secret(env, 'ADMIN_DB_PASSWORD', dataDir)),
    poolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    logQueries: flag(env, 'LOG_SQL', false),
    jwtSecret: secret(env, 'JWT_SECRET', dataDir),
    recipientHashKey: secret(env, 'RECIPIENT_HASH_KEY', dataDir),
    adminEmail,
    adminPassword,
    // The demo is on for the embedded default and off against an external database unless asked for.
    demoData: flag(env, 'DEMO_DATA', !databaseUrl),
    secureCookies: flag(env, 'SECURE_COOKIES', false),
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    queryLimits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 1000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives, 0, 1000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 10, 1_000_000),
      maxFields: integer(env, 'GRAPHQL_MAX_FIELDS', DEFAULT_QUERY_LIMITS.maxFields, 1, 1_000_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 1, 1_000_000_000),
      maxResponseBytes: integer(env, 'GRAPHQL_MAX_RESPONSE_BYTES', DEFAULT_QUERY_LIMITS.maxResponseBytes, 1024, 2_000_000_000),
      maxIntrospectionCost: integer(env, 'GRAPHQL_MAX_INTROSPECTION_COST', DEFAULT_QUERY_LIMITS.maxIntrospectionCost, 0, 1_000_000_000),
    },
    rateLimits: {
      requestsPerUser: integer(env, 'RATE_LIMIT_PER_USER', DEFAULT_RATE_LIMITS.requestsPerUser, 1, 1_000_000),
      requestsPerAddress: integer(env, 'RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.requestsPerAddress, 1, 1_000_000),
      windowSeconds: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMITS.windowSeconds, 1, 86_400),
      loginFailuresPerAddress: integer(env, 'LOGIN_FAILURES_PER_ADDRESS', DEFAULT_RATE_LIMITS.loginFailuresPerAddress, 1, 100_000),
    },
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 3_600_000),
    logLevel,
    logPretty: flag(env, 'LOG_PRETTY', env.NODE_ENV === 'development'),
    sso: ssoSettings(env),
  };
}
