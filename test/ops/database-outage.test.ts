import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../../server/src/db/embedded';
import {
  Answer,
  buildServer,
  freePort,
  graphql,
  lockRows,
  partnerNames,
  ServerProcess,
  signIn,
  startServer,
  tenantWithPartners,
  UPDATE_PARTNER,
} from '../helpers/server-process';

/**
 * The server against a PostgreSQL of its own that the test stops and starts again: the shared
 * test database serves other test files meanwhile.
 */
const ADMIN = { email: 'outage@reti.local', password: 'outage-admin-password' };
let dataDir: string;
let database: { port: number; password: string; dataDir: string; persistent: true };
let pg: EmbeddedDatabase | undefined;
let server: ServerProcess | undefined;

beforeAll(async () => {
  buildServer();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'reti-outage-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
  database = { port: await freePort(), password: 'outage-owner', dataDir: path.join(dataDir, 'database'), persistent: true };
  pg = await startEmbeddedPostgres(database);
}, 300_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  await pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function expectUnavailable(answer: Answer): void {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(answer.body.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: Number(answer.headers.get('retry-after')) });
}

const get = async (base: string, route: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${route}`, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
};

test('readiness, requests cut off by the database, a stopped database, and the recovery: 503 UNAVAILABLE with Retry-After, never 500', async () => {
  server = await startServer({ DATABASE_URL: pg!.url, DATA_DIR: path.join(dataDir, 'api'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, DEMO_DATA: '0' });
  const token = await signIn(server.base, ADMIN.email, ADMIN.password);
  const tenant = await tenantWithPartners(server.base, token, 3);
  const names = await partnerNames(server.base, tenant.headers);

  // Ready: the database answers, and has run exactly the migrations of this code.
  expect(await get(server.base, '/readyz')).toMatchObject({ status: 200, body: { ready: true, database: 'ok', migrations: { current: true, pending: [], unknown: [] } } });
  const owner = new Client({ connectionString: pg!.url });
  await owner.connect();
  const [last] = (await owner.query('DELETE FROM schema_migrations WHERE id = (SELECT max(id) FROM schema_migrations) RETURNING *')).rows;
  expect(await get(server.base, '/readyz')).toMatchObject({ status: 503, body: { ready: false, database: 'ok', migrations: { current: false, pending: [last.name], unknown: [] } } });
  await owner.query('INSERT INTO schema_migrations (id, timestamp, name) VALUES ($1, $2, $3), ($1 + 1, 1899999999999, $4)', [last.id, last.timestamp, last.name, 'FromANewerRelease1899999999999']);
  expect(await get(server.base, '/readyz')).toMatchObject({ status: 503, body: { migrations: { pending: [], unknown: ['FromANewerRelease1899999999999'] } } });
  await owner.query(`DELETE FROM schema_migrations WHERE name = 'FromANewerRelease1899999999999'`);
  expect((await get(server.base, '/readyz')).status).toBe(200);
  await owner.end();

  // Writes inside the server, waiting for rows the test holds, whose connections the database then ends (57P01).
  const lock = await lockRows(pg!.url, 'partners', tenant.partners.map((p) => p.id));
  const writes = tenant.partners.map((p) => graphql(server!.base, UPDATE_PARTNER, { id: p.id, version: p.version, input: { legalName: `${p.legalName} (renamed)` } }, tenant.headers));
  const waiting = await lock.untilWaiting(writes.length);
  await lock.client.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [waiting]);
  for (const answer of await Promise.all(writes)) expectUnavailable(answer);
  await lock.release();
  expect(await partnerNames(server.base, tenant.headers)).toEqual(names);

  // The database stopped: sign-in, reads, writes, exports and readiness all say so; the process is alive.
  await pg!.stop();
  pg = undefined;
  expectUnavailable(await graphql(server.base, `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { token } }`));
  expectUnavailable(await graphql(server.base, `query { partners { total } }`, {}, tenant.headers));
  expectUnavailable(await graphql(server.base, UPDATE_PARTNER, { id: tenant.partners[0].id, version: tenant.partners[0].version, input: { legalName: 'Mai scritto' } }, tenant.headers));
  expectUnavailable(await get(server.base, '/opendata/soggetti.csv', tenant.headers));
  expect(await get(server.base, '/readyz')).toMatchObject({ status: 503, body: { ready: false, database: 'unreachable' } });
  expect(await get(server.base, '/healthz')).toMatchObject({ status: 200, body: { ok: true } });

  // Back by itself once the database is: nothing to restart on the API's side.
  pg = await startEmbeddedPostgres(database);
  while ((await get(server.base, '/readyz')).status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await partnerNames(server.base, tenant.headers)).toEqual(names);
  const renamed = await graphql(server.base, UPDATE_PARTNER, { id: tenant.partners[0].id, version: tenant.partners[0].version, input: { legalName: 'Rinominato dopo il ritorno' } }, tenant.headers);
  expect(renamed.body).toEqual({ data: { updatePartner: { id: tenant.partners[0].id, legalName: 'Rinominato dopo il ritorno' } } });

  expect(await server.stop()).toBe(0);
  const statuses = server.lines().filter((line) => typeof line.status === 'number').map((line) => line.status);
  expect(statuses).toContain(503);
  expect(statuses).not.toContain(500);
}, 300_000);
