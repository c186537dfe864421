import { admin } from '../helpers/app';
import { HttpResult, HttpTestApp, LOGIN, loopbackAddress, RawResult, send, startHttpApp } from '../helpers/http';
import { randomUUID } from 'node:crypto';
import { AllowanceLedger, counterKey, counterOf } from '../../server/src/db/rate-limits';

/**
 * Requests to /graphql and /opendata per user and per client address, with limits set low here
 * (the defaults are far above what the console or the test suite sends). Each case uses fresh
 * loopback addresses and users, so the counters of one case never reach another.
 */
const PER_USER = 4;
const PER_ADDRESS = 6;
let t: HttpTestApp;

beforeAll(async () => {
  t = await startHttpApp(2, { rateLimits: { requestsPerUser: PER_USER, requestsPerAddress: PER_ADDRESS, windowSeconds: 600, loginFailuresPerAddress: 100 } });
});
afterAll(() => t.close());

/** A user signed in from an address of its own; the sign-in spends that address's allowance, not the user's. */
async function newUser(): Promise<string> {
  const email = `analyst.${randomUUID().slice(0, 12)}@example.it`;
  const password = `pw-${randomUUID()}`;
  const created = await t.gql(admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
    input: { email, displayName: 'Analista regionale', role: 'ANALYST', tenantId: null, password },
  });
  expect(created.errors).toBeUndefined();
  const signedIn = await t.post(LOGIN, { email, password }, { clientAddress: loopbackAddress() });
  return signedIn.body.data!.login.token;
}

const ME = '{ me { email } }';

function expectLimited(result: HttpResult | RawResult): void {
  expect(result.status).toBe(429);
  const body = 'body' in result ? result.body : JSON.parse(result.text);
  expect(body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
  expect(Number(result.headers['retry-after'])).toBe(body.errors[0].extensions.retryAfterSeconds);
  expect(Number(result.headers['retry-after'])).toBeGreaterThan(0);
}

const download = (token: string, from: string) =>
  send(new URL(t.url), { method: 'GET', path: '/opendata/progetti.csv', headers: { authorization: `Bearer ${token}` }, localAddress: from });

test('a user spends one allowance wherever the requests come from, on /graphql and /opendata alike', async () => {
  const token = await newUser();
  for (let i = 0; i < PER_USER - 1; i++) expect((await t.post(ME, {}, { token, clientAddress: loopbackAddress() })).status).toBe(200);
  expect((await download(token, loopbackAddress())).status).toBe(200);
  expectLimited(await t.post(ME, {}, { token, clientAddress: loopbackAddress() }));
  expectLimited(await download(token, loopbackAddress()));
  // Another user is not affected.
  const other = await newUser();
  expect((await t.post(ME, {}, { token: other, clientAddress: loopbackAddress() })).status).toBe(200);
});

test('an address spends one allowance whoever sends, signed in or not', async () => {
  const from = loopbackAddress();
  for (let i = 0; i < PER_ADDRESS; i++) {
    const result = await t.post('{ __typename }', {}, { clientAddress: from });
    expect([i, result.status]).toEqual([i, 200]);
  }
  expectLimited(await t.post('{ __typename }', {}, { clientAddress: from }));
  expectLimited(await t.post(ME, {}, { token: await newUser(), clientAddress: from }));
  // Another address is not affected.
  expect((await t.post('{ __typename }', {}, { clientAddress: loopbackAddress() })).status).toBe(200);
});

test('the console and the health check are not counted', async () => {
  const from = loopbackAddress();
  for (let i = 0; i < PER_ADDRESS + 1; i++) {
    expect((await send(new URL(t.url), { method: 'GET', path: '/healthz', localAddress: from })).status).toBe(200);
    expect((await send(new URL(t.url), { method: 'GET', path: '/admin/', localAddress: from })).status).toBeLessThan(500);
  }
  expect((await t.post('{ __typename }', {}, { clientAddress: from })).status).toBe(200);
});

test('spends that arrive together cost one statement, and each is counted as if it came alone, in arrival order', async () => {
  const ledger = new AllowanceLedger(t.dataSource, 600);
  const before = t.statements.count;
  const user = { keyPrefix: 'requests_user', key: counterKey(randomUUID()), limit: 6 };
  const address = { keyPrefix: 'requests_address', key: counterKey(randomUUID()), limit: 8 };
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.spend(i % 2 ? [address, user] : [user])));
  expect(t.statements.count - before).toBe(1);
  // The user's 7th to 10th spends are over its 6; the address's 5 stay within its 8.
  expect(answers.map((seconds) => seconds === undefined)).toEqual([true, true, true, true, true, true, false, false, false, false]);
  for (const seconds of answers.slice(6)) expect(seconds).toEqual(expect.any(Number));
  const stored = await t.owner.query(`SELECT key, points FROM rate_limits WHERE key = ANY($1) ORDER BY key`, [[counterOf(address), counterOf(user)]]);
  expect(stored.map((row: { points: number }) => row.points)).toEqual([5, 10]);
});
