import { escapeLiteral } from 'pg';
import { DataSource, MixedList } from 'typeorm';
import { createDataSource } from './data-source';
import { hashPassword } from '../common/crypto';
import { loadReferenceData } from '../seed/reference-data';

import { APP_ROLE } from './roles';

/** The same server and database as `ownerUrl`, signed in as the unprivileged app role. */
export function appRoleUrl(ownerUrl: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * As the owner: applies pending migrations, lets the app role sign in, and loads the reference
 * data. Safe to run at every start.
 */
export interface FirstAdmin {
  email: string;
  password: string;
}

/** Held while one process prepares the database, so that API processes starting together take turns. */
const PREPARE_LOCK = 'reti.prepare-database';

export async function prepareDatabase(ownerUrl: string, appPassword: string, migrations: MixedList<Function>, firstAdmin?: FirstAdmin): Promise<void> {
  const owner = createDataSource({ url: ownerUrl, poolSize: 2, migrations });
  await owner.initialize();
  // A session lock on a connection of its own: the migrations commit one by one on the other.
  const lock = owner.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [PREPARE_LOCK]);
    await owner.runMigrations({ transaction: 'each' });
    await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${escapeLiteral(appPassword)} NOSUPERUSER NOBYPASSRLS`);
    await loadReferenceData(owner);
    if (firstAdmin) await ensureFirstAdmin(owner, firstAdmin);
  } finally {
    await lock.release();
    await owner.destroy();
  }
}

/** Creates the first administrator when there is none yet. */
async function ensureFirstAdmin(owner: DataSource, { email, password }: FirstAdmin): Promise<void> {
  const [{ admins }] = await owner.query(`SELECT count(*)::int AS admins FROM users WHERE role = 'ADMIN'`);
  if (admins > 0) return;
  await owner.query(
    `WITH created AS (
       INSERT INTO users (email, display_name, role) VALUES ($1, 'Amministratore', 'ADMIN') ON CONFLICT (email) DO NOTHING RETURNING id)
     SELECT auth_set_password(id, $2) FROM created`,
    [email.toLowerCase(), await hashPassword(password)],
  );
}
