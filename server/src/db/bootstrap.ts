import { escapeLiteral } from 'pg';
import { DataSource, MixedList } from 'typeorm';
import { createDataSource } from './data-source';
import { hashPassword } from '../common/crypto';
import { loadReferenceData } from '../seed/reference-data';

import { ADMIN_ROLE, APP_ROLE } from './roles';

function roleUrl(ownerUrl: string, role: string, password: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

/** The same server and database as `ownerUrl`, signed in as the unprivileged app role. */
export const appRoleUrl = (ownerUrl: string, password: string): string => roleUrl(ownerUrl, APP_ROLE, password);
/** The same server and database as `ownerUrl`, signed in as the administrators' role (their requests' own pool). */
export const adminRoleUrl = (ownerUrl: string, password: string): string => roleUrl(ownerUrl, ADMIN_ROLE, password);

/** The passwords the API's two roles sign in with. */
export interface RolePasswords {
  app: string;
  admin: string;
}

export interface FirstAdmin {
  email: string;
  password: string;
}

/** Held while one process prepares the database, so that API processes starting together take turns. */
const PREPARE_LOCK = 'reti.prepare-database';

/**
 * As the owner: applies pending migrations, lets the app roles sign in, and loads the reference
 * data. Safe to run at every start. Answers the names of the migrations it applied.
 */
export async function prepareDatabase(ownerUrl: string, passwords: RolePasswords, migrations: MixedList<Function>, firstAdmin?: FirstAdmin): Promise<string[]> {
  const owner = createDataSource({ url: ownerUrl, poolSize: 2, migrations });
  await owner.initialize();
  // A session lock on a connection of its own: the migrations commit one by one on the other.
  const lock = owner.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [PREPARE_LOCK]);
    const applied = await owner.runMigrations({ transaction: 'each' });
    await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${escapeLiteral(passwords.app)} NOSUPERUSER NOBYPASSRLS`);
    await owner.query(`ALTER ROLE ${ADMIN_ROLE} LOGIN PASSWORD ${escapeLiteral(passwords.admin)} NOSUPERUSER NOBYPASSRLS NOINHERIT`);
    await loadReferenceData(owner);
    if (firstAdmin) await ensureFirstAdmin(owner, firstAdmin);
    return applied.map((migration) => migration.name);
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
