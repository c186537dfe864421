import { DataSource } from 'typeorm';
import { isDatabaseUnavailable } from './database-errors';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  /** Against the code's list: migrations it has that the database has not run, and the other way round. */
  migrations?: { current: boolean; pending: string[]; unknown: string[] } | { current: false; error: string };
}

/** Whether the database answers, and has run exactly the migrations this code knows (data-source.ts hands them in). */
export async function checkReadiness(dataSource: DataSource): Promise<Readiness> {
  const expected = dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
  let applied: string[];
  try {
    applied = (await dataSource.query('SELECT name FROM schema_migrations')).map((row: { name: string }) => row.name);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ready: false, database: 'unreachable' };
    // No bookkeeping table yet, or not the grant that lets the app role read it (a migration not run).
    return { ready: false, database: 'ok', migrations: { current: false, error: (error as Error).message } };
  }
  const pending = expected.filter((name) => !applied.includes(name));
  const unknown = applied.filter((name) => !expected.includes(name));
  const current = pending.length === 0 && unknown.length === 0;
  return { ready: current, database: 'ok', migrations: { current, pending, unknown } };
}
