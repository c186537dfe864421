import path from 'node:path';

/** Everything the server reads from the environment, validated once at boot. */
export interface Config {
  port: number;
  /** Owner connection: runs migrations and bootstrap. Absent means "start the embedded server". */
  databaseUrl?: string;
  dataDir: string;
  /** Port and superuser password of the embedded server, which listens on 127.0.0.1 only. */
  embeddedPort: number;
  embeddedPassword: string;
  /** Password of the unprivileged role the app connects as. */
  appDbPassword: string;
  poolSize: number;
  devTenantCode: string;
  logQueries: boolean;
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

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl,
    dataDir: path.resolve(env.DATA_DIR || path.join(process.cwd(), '.data')),
    embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 54320, 1024, 65535),
    embeddedPassword: env.EMBEDDED_PG_PASSWORD || 'reti_owner_local',
    appDbPassword: env.APP_DB_PASSWORD || 'reti_app_local',
    poolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    devTenantCode: env.DEV_TENANT_CODE || 'DEMO',
    logQueries: env.LOG_SQL === '1',
  };
}
