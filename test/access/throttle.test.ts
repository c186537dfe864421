import { randomUUID } from 'node:crypto';
import { newTenant } from '../helpers/app';
import { HttpResult, HttpTestApp, LOGIN, loopbackAddress, SignedInUser, startHttpApp } from '../helpers/http';
import { counterKey } from '../../server/src/db/rate-limits';
import { FIRST_LOGIN_WAIT_SECONDS, FREE_LOGIN_FAILURES, loginPairKey } from '../../server/src/modules/auth/login-throttle';

/**
 * The login throttle counts failures per email and address (10 free, then one try per wait, the
 * wait doubling) and per address whatever the email (a higher threshold). Every request leaves
 * from a loopback address of its own choosing, so no other test file's address is touched; the
 * counters written here are deleted at the end all the same.
 */
let t: HttpTestApp;
/** The same server with a low per-address threshold, so that reaching it takes few attempts. */
let strict: HttpTestApp;
const STRICT_ADDRESS_FAILURES = 5;
let tenantId: string;
const pairs = new Set<string>();
const addresses = new Set<string>();

beforeAll(async () => {
  t = await startHttpApp();
  strict = await startHttpApp(2, { rateLimits: { requestsPerUser: 1000, requestsPerAddress: 1000, windowSeconds: 60, loginFailuresPerAddress: STRICT_ADDRESS_FAILURES } });
  tenantId = (await newTenant(t)).id;
});
afterAll(async () => {
  await t.owner.query('DELETE FROM rate_limits WHERE key = ANY($1)', [
    [...pairs].flatMap((pair) => [`login_failures:${pair}`, `login_wait:${pair}`]).concat([...addresses].map((a) => `login_address:${counterKey(a)}`)),
  ]);
  await strict.close();
  await t.close();
});

function address(): string {
  const chosen = loopbackAddress();
  addresses.add(chosen);
  return chosen;
}

const user = (): Promise<SignedInUser> => t.signUp('EDITOR', tenantId);

function attempt(email: string, password: string, from: string, app = t): Promise<HttpResult> {
  pairs.add(loginPairKey(email.trim().toLowerCase(), from));
  addresses.add(from);
  return app.post(LOGIN, { email, password }, { clientAddress: from });
}

const codeOf = (result: HttpResult) => result.body.errors?.[0]?.extensions?.code ?? 'OK';

/** Refused before any password is checked; returns the wait it announces, in seconds. */
function expectThrottled(result: HttpResult): number {
  expect(result.status).toBe(429);
  const extensions = result.body.errors?.[0]?.extensions;
  expect(extensions?.code).toBe('TOO_MANY_REQUESTS');
  expect(result.headers['retry-after']).toBe(String(extensions?.retryAfterSeconds));
  expect(result.body.data ?? null).toBeNull();
  expect(result.setCookie.filter((c) => c.startsWith('reti_refresh='))).toEqual([]);
  return extensions!.retryAfterSeconds;
}

async function failTenTimes(email: string, from: string): Promise<void> {
  for (let i = 0; i < FREE_LOGIN_FAILURES; i++) expect(codeOf(await attempt(email, `guess-${i}-wrong`, from))).toBe('UNAUTHENTICATED');
}

/** Stands for the wait running out: the wait's counter expires, as it would when its time comes. */
async function endWait(email: string, from: string): Promise<void> {
  const [, rows] = await t.owner.query(`UPDATE rate_limits SET expire = 0 WHERE key = $1`, [`login_wait:${loginPairKey(email, from)}`]);
  expect(rows).toBe(1);
}

test('ten failures for one email from one address hold back that email from that address only', async () => {
  const victim = await user();
  const from = address();
  await failTenTimes(victim.email, from);
  expect(expectThrottled(await attempt(victim.email, victim.password, from))).toBeLessThanOrEqual(FIRST_LOGIN_WAIT_SECONDS);
  // However the email is spelt.
  expectThrottled(await attempt(` ${victim.email.toUpperCase()}`, victim.password, from));

  // Another user's right password from the same address works.
  const colleague = await user();
  expect(codeOf(await attempt(colleague.email, colleague.password, from))).toBe('OK');
  // Guessing from elsewhere does not lock the owner out.
  expect(codeOf(await attempt(victim.email, victim.password, address()))).toBe('OK');
});

test('a held-back email recovers with backoff: one try per wait, each wait twice the last', async () => {
  const person = await user();
  const from = address();
  await failTenTimes(person.email, from);
  const first = expectThrottled(await attempt(person.email, person.password, from));

  await endWait(person.email, from);
  expect(codeOf(await attempt(person.email, 'one-more-wrong-guess', from))).toBe('UNAUTHENTICATED');
  const second = expectThrottled(await attempt(person.email, person.password, from));
  expect(second).toBeGreaterThan(first);
  expect(second).toBeLessThanOrEqual(2 * FIRST_LOGIN_WAIT_SECONDS);

  await endWait(person.email, from);
  expect(codeOf(await attempt(person.email, person.password, from))).toBe('OK');
  // A success forgets the failures: a typo now is just a typo.
  expect(codeOf(await attempt(person.email, 'typo-after-success', from))).toBe('UNAUTHENTICATED');
  expect(codeOf(await attempt(person.email, person.password, from))).toBe('OK');
});

test('nine failures are still allowed a tenth try, and the right password then works', async () => {
  const person = await user();
  const from = address();
  for (let i = 0; i < 9; i++) expect(codeOf(await attempt(person.email, `typo-${i}-password`, from))).toBe('UNAUTHENTICATED');
  expect(codeOf(await attempt(person.email, person.password, from))).toBe('OK');
});

test('guesses sent all at once are throttled too: no more than 10 passwords are ever tried', async () => {
  const victim = await user();
  const from = address();
  const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(victim.email, `parallel-${i}-guess`, from)));
  const codes = burst.map(codeOf);
  expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_REQUESTS')).toBe(true);
  let tried = codes.filter((c) => c === 'UNAUTHENTICATED').length;
  expect(tried).toBeLessThanOrEqual(FREE_LOGIN_FAILURES);
  // Guesses one after another are let through up to 10 in all, then refused.
  for (let i = 0; i < 20; i++) {
    const result = await attempt(victim.email, `serial-${i}-guess`, from);
    if (codeOf(result) === 'TOO_MANY_REQUESTS') break;
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    tried += 1;
  }
  expect(tried).toBe(FREE_LOGIN_FAILURES);
  expectThrottled(await attempt(victim.email, victim.password, from));
});

test('an address that fails for many emails waits, whatever the email; successes do not count', async () => {
  const someone = await t.signUp('EDITOR', tenantId);
  const from = address();
  // Successes from an address spend nothing of its allowance.
  for (let i = 0; i < STRICT_ADDRESS_FAILURES + 1; i++) expect(codeOf(await attempt(someone.email, someone.password, from, strict))).toBe('OK');
  for (let i = 0; i < STRICT_ADDRESS_FAILURES; i++) {
    expect(codeOf(await attempt(`sconosciuto.${randomUUID().slice(0, 8)}@example.it`, 'whatever-password', from, strict))).toBe('UNAUTHENTICATED');
  }
  expectThrottled(await attempt(someone.email, someone.password, from, strict));
  // The same user from another address is not affected.
  expect(codeOf(await attempt(someone.email, someone.password, address(), strict))).toBe('OK');
});
