import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { admin, newTenant, TestApp, startTestApp } from '../helpers/app';
import { ApiProcess, GqlAnswer, startApiProcess } from '../helpers/api-process';
import { buildServer } from '../helpers/server-process';
import { LOGIN, loopbackAddress } from '../helpers/http';
import { orgTaxCode, referenceIds } from '../helpers/factories';
import { TEST_ADMIN_PASSWORD, TEST_APP_PASSWORD, testUrls } from '../helpers/env';
import { counterKey } from '../../server/src/db/rate-limits';
import { migrations } from '../../server/src/db/migrations';
import { prepareRegistryDatabase } from '../../server/src/registry';
import { FREE_LOGIN_FAILURES, loginPairKey } from '../../server/src/modules/auth/login-throttle';

/**
 * Two compiled API processes on the test database, as two machines behind a load balancer would
 * run: whatever one of them learns about a user (a session, a rotated refresh token, failed
 * sign-ins, requests spent) the other knows at once, because it lives in PostgreSQL alone.
 */
const REQUESTS_PER_USER = 25;
let t: TestApp;
let a: ApiProcess;
let b: ApiProcess;
let tenantId: string;
const addresses: string[] = [];
const pairs: string[] = [];

const REFRESH = 'mutation { refreshSession { token user { id } } }';
const ME = '{ me { id } }';

beforeAll(async () => {
  buildServer();
  t = await startTestApp(2);
  tenantId = (await newTenant(t)).id;
  const env = {
    DATABASE_URL: testUrls.owner(),
    APP_DB_PASSWORD: TEST_APP_PASSWORD,
    ADMIN_DB_PASSWORD: TEST_ADMIN_PASSWORD,
    // What two machines must share besides the database: the keys.
    JWT_SECRET: 'two-processes-share-this-signing-secret-0123456789',
    RECIPIENT_HASH_KEY: 'two-processes-share-this-recipient-key-0123456789',
    DEMO_DATA: '0',
    RATE_LIMIT_PER_USER: String(REQUESTS_PER_USER),
    // A window no test run outlasts, so that the count below never starts over.
    RATE_LIMIT_WINDOW_SECONDS: '86400',
  };
  // Started together: the second waits for the first to finish preparing the database.
  [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  if (t) {
    await t.owner.query('DELETE FROM rate_limits WHERE key = ANY($1)', [
      pairs.flatMap((pair) => [`login_failures:${pair}`, `login_wait:${pair}`]).concat(addresses.map((address) => `login_address:${counterKey(address)}`)),
    ]);
    await t.close();
  }
});

function address(): string {
  const chosen = loopbackAddress();
  addresses.push(chosen);
  return chosen;
}

async function user(role: 'EDITOR' | 'ANALYST'): Promise<{ id: string; email: string; password: string }> {
  const email = `two-processes.${randomUUID().slice(0, 12)}@example.it`;
  const password = `pw-${randomUUID()}`;
  const created = await t.gql(admin, 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', {
    input: { email, displayName: 'Due processi', role, tenantId, password },
  });
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  return { id: created.data!.createUser.id, email, password };
}

const codeOf = (answer: GqlAnswer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

async function signIn(on: ApiProcess, email: string, password: string, from: string): Promise<{ token: string; cookie: string }> {
  const answer = await on.post(LOGIN, { email, password }, { from });
  expect(codeOf(answer)).toBe('OK');
  return { token: answer.body.data!.login.token, cookie: answer.refreshCookie! };
}

it('a session begun on A serves on B; a refresh cookie rotated on B and reused on A ends the session family on both', async () => {
  const editor = await user('EDITOR');
  const from = address();
  const first = await signIn(a, editor.email, editor.password, from);
  expect((await b.post(ME, {}, { token: first.token, from })).body.data).toEqual({ me: { id: editor.id } });

  const rotated = await b.post(REFRESH, {}, { cookie: first.cookie, from });
  expect(codeOf(rotated)).toBe('OK');
  expect(rotated.refreshCookie).toBeDefined();
  expect(rotated.refreshCookie).not.toBe(first.cookie);
  expect((await a.post(ME, {}, { token: rotated.body.data!.refreshSession.token, from })).body.data).toEqual({ me: { id: editor.id } });

  // The old cookie again, on the other process: a stolen copy. The whole family ends.
  expect(codeOf(await a.post(REFRESH, {}, { cookie: first.cookie, from }))).toBe('UNAUTHENTICATED');
  expect(codeOf(await a.post(REFRESH, {}, { cookie: rotated.refreshCookie, from }))).toBe('UNAUTHENTICATED');
  expect(codeOf(await b.post(REFRESH, {}, { cookie: rotated.refreshCookie, from }))).toBe('UNAUTHENTICATED');
});

it('what is written on A is read on B', async () => {
  const editor = await user('EDITOR');
  const from = address();
  const { token } = await signIn(a, editor.email, editor.password, from);
  const partnerTypeId = (await referenceIds(t)).partnerType('TRADE_UNION');
  const created = await a.post('mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id legalName } }', {
    input: { legalName: `Sindacato ${randomUUID().slice(0, 8)}`, taxCode: orgTaxCode(), partnerTypeId },
  }, { token, from });
  expect(codeOf(created)).toBe('OK');
  const { id, legalName } = created.body.data!.createPartner;
  expect((await b.post('query($id: ID!) { partner(id: $id) { id legalName } }', { id }, { token, from })).body.data).toEqual({ partner: { id, legalName } });
});

it.each([
  ['A', 0],
  ['B', 1],
])('the login throttle counts failures on both processes: the attempt after the free ones is refused on %s, right password or not', async (_where, offset) => {
  const editor = await user('EDITOR');
  const from = address();
  pairs.push(loginPairKey(editor.email, from));
  const on = (i: number) => ((i + offset) % 2 === 0 ? a : b);
  for (let i = 0; i < FREE_LOGIN_FAILURES; i += 1) {
    expect(codeOf(await on(i).post(LOGIN, { email: editor.email, password: 'wrong password' }, { from }))).toBe('UNAUTHENTICATED');
  }
  const refused = await on(FREE_LOGIN_FAILURES).post(LOGIN, { email: editor.email, password: editor.password }, { from });
  expect(refused.status).toBe(429);
  expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
  expect(refused.refreshCookie).toBeUndefined();
});

it('the request rate limit per user is one allowance, spent on either process', async () => {
  const analyst = await user('ANALYST');
  const from = address();
  // Signing in spends only the address's allowance: it carries no credential yet.
  const { token } = await signIn(b, analyst.email, analyst.password, from);
  for (let i = 0; i < REQUESTS_PER_USER; i += 1) {
    expect(codeOf(await (i % 2 === 0 ? a : b).post(ME, {}, { token, from }))).toBe('OK');
  }
  for (const over of [a, b]) {
    const answer = await over.post(ME, {}, { token, from });
    expect(answer.status).toBe(429);
    expect(codeOf(answer)).toBe('TOO_MANY_REQUESTS');
  }
});

it('processes that start together on a new database prepare it in turn: the migrations run once, and neither fails', async () => {
  const database = `reti_two_processes_${process.pid}`;
  const server = new Client({ connectionString: testUrls.server() });
  await server.connect();
  try {
    await server.query(`CREATE DATABASE ${database}`);
    const url = new URL(testUrls.server());
    url.pathname = `/${database}`;
    // What each process's start-up does before it serves (main.ts).
    const passwords = { app: TEST_APP_PASSWORD, admin: TEST_ADMIN_PASSWORD };
    await Promise.all([prepareRegistryDatabase(url.toString(), passwords), prepareRegistryDatabase(url.toString(), passwords)]);
    const applied = new Client({ connectionString: url.toString() });
    await applied.connect();
    const { rows } = await applied.query('SELECT count(*)::int AS applied FROM schema_migrations').finally(() => applied.end());
    expect(rows).toEqual([{ applied: migrations.length }]);
  } finally {
    await server.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await server.end();
  }
});
