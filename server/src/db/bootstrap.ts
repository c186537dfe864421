import { escapeLiteral } from 'pg';
import { createDataSource } from './data-source';
import { loadReferenceData } from '../seed/reference-data';

export const APP_ROLE = 'reti_app';

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
export async function prepareDatabase(ownerUrl: string, appPassword: string): Promise<void> {
  const owner = createDataSource({ url: ownerUrl, poolSize: 2 });
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: 'each' });
    await owner.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD ${escapeLiteral(appPassword)} NOSUPERUSER NOBYPASSRLS`);
    await loadReferenceData(owner);
  } finally {
    await owner.destroy();
  }
}
