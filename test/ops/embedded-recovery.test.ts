import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
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

/** The embedded default (no DATABASE_URL), in a data folder of its own. */
const ADMIN = { email: 'recovery@reti.local', password: 'recovery-admin-password' };
const OWNER_PASSWORD = 'recovery-owner';
let dataDir: string;
let env: Record<string, string>;
let ownerUrl: string;
let server: ServerProcess | undefined;

const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  buildServer();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'reti-recovery-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
  const pgPort = await freePort();
  ownerUrl = `postgres://postgres:${OWNER_PASSWORD}@127.0.0.1:${pgPort}/postgres`;
  env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_PASSWORD: OWNER_PASSWORD, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, DEMO_DATA: '0' };
}, 300_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('kill -9 of the embedded PostgreSQL under running requests: it is restarted, no committed write is lost, no answer is a 500', async () => {
  server = await startServer(env);
  const token = await signIn(server.base, ADMIN.email, ADMIN.password);
  const tenant = await tenantWithPartners(server.base, token, 5);
  const committed = await partnerNames(server.base, tenant.headers);
  expect(Object.keys(committed)).toHaveLength(5);

  // Three renames wait inside the server for rows the test holds when the database dies.
  const held = tenant.partners.slice(0, 3);
  const lock = await lockRows(ownerUrl, 'partners', held.map((p) => p.id));
  const renames = held.map((p) => graphql(server!.base, UPDATE_PARTNER, { id: p.id, version: p.version, input: { legalName: `${p.legalName} (renamed)` } }, tenant.headers));
  await lock.untilWaiting(held.length);
  const killed = postmasterPid();
  process.kill(killed, 'SIGKILL');

  // Each one either committed before the end or failed as UNAVAILABLE; the server says which.
  const answers = await Promise.all(renames);
  for (const answer of answers) {
    if (answer.status === 200) continue;
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(answer.body.errors[0].extensions.code).toBe('UNAVAILABLE');
  }
  await server.waitForLog((line) => line.msg === 'embedded PostgreSQL restarted');
  expect(server.lines().find((line) => line.msg.startsWith('embedded PostgreSQL exited unexpectedly'))).toMatchObject({ level: 50, postgresPid: killed, signal: 'SIGKILL' });
  expect(postmasterPid()).not.toBe(killed);

  // Requests succeed again, and every write answered with success is there.
  const expected = { ...committed };
  answers.forEach((answer, i) => {
    if (answer.status === 200) expected[held[i].id] = answer.body.data.updatePartner.legalName;
  });
  expect(await partnerNames(server.base, tenant.headers)).toEqual(expected);
  const after = await tenantWithPartners(server.base, token, 1);
  expect(Object.keys(await partnerNames(server.base, after.headers))).toEqual([after.partners[0].id]);

  // kill -9 of the API itself: its PostgreSQL is left running, and the next start stops it and carries on.
  const orphan = postmasterPid();
  server.child.kill('SIGKILL');
  await server.exited;
  expect(isRunning(orphan)).toBe(true);
  server = await startServer(env);
  expect(isRunning(orphan)).toBe(false);
  expect(await partnerNames(server.base, tenant.headers)).toEqual(expected);
  expect(Object.keys(await partnerNames(server.base, after.headers))).toEqual([after.partners[0].id]);

  const restarted = postmasterPid();
  expect(await server.stop()).toBe(0);
  expect(isRunning(restarted)).toBe(false);
}, 300_000);
