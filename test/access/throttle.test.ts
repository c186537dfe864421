import { randomUUID } from 'node:crypto';
import { newTenant } from '../helpers/app';
import { HttpResult, HttpTestApp, LOGIN, loopbackAddress, SignedInUser, startHttpApp } from '../helpers/http';

/**
 * The login throttle: 10 failed sign-ins in 15 minutes, for one email or from one client address,
 * and the next attempt is refused whatever the password. Every request leaves from a loopback
 * address of its own choosing, so the throttle on 127.0.0.1 (or on any other test file's address)
 * is never touched; the rows written here are deleted at the end all the same.
 */
let t: HttpTestApp;
let tenantId: string;
const emails = new Set<string>();
const addresses = new Set<string>();

beforeAll(async () => {
  t = await startHttpApp();
  tenantId = (await newTenant(t)).id;
});
afterAll(async () => {
  // login_attempts is global: leave nothing that could throttle anyone else.
  await t.owner.query('DELETE FROM reti_private.login_attempts WHERE email = ANY($1) OR client_address = ANY($2)', [[...emails], [...addresses]]);
  await t.close();
});

function address(): string {
  const chosen = loopbackAddress();
  addresses.add(chosen);
  return chosen;
}

async function user(): Promise<SignedInUser> {
  const signed = await t.signUp('EDITOR', tenantId);
  emails.add(signed.email);
  return signed;
}

function attempt(email: string, password: string, from: string): Promise<HttpResult> {
  emails.add(email.trim().toLowerCase());
  addresses.add(from);
  return t.post(LOGIN, { email, password }, { clientAddress: from });
}

const codeOf = (result: HttpResult) => result.body.errors?.[0]?.extensions?.code ?? 'OK';

function expectThrottled(result: HttpResult): void {
  expect(result.status).toBe(429);
  expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 900 });
  expect(result.body.data ?? null).toBeNull();
  expect(result.setCookie.filter((c) => c.startsWith('reti_refresh='))).toEqual([]);
}

test('after 10 failed logins for an email, the 11th is refused even with the right password, from anywhere', async () => {
  const victim = await user();
  for (let i = 0; i < 10; i++) {
    // Each guess from a different address: only the per-email count can stop them.
    expect(codeOf(await attempt(victim.email, `guess-${i}-wrong`, address()))).toBe('UNAUTHENTICATED');
  }
  expectThrottled(await attempt(victim.email, victim.password, address()));
  // The email is matched however it is spelt.
  expectThrottled(await attempt(` ${victim.email.toUpperCase()}`, victim.password, address()));

  // Everyone else signs in as usual, from the same kind of address.
  const bystander = await user();
  expect(codeOf(await attempt(bystander.email, bystander.password, address()))).toBe('OK');

  // The lockout lasts 15 minutes: once the failures are older, the right password works again.
  await t.owner.query(`UPDATE reti_private.login_attempts SET at = now() - interval '16 minutes' WHERE email = $1`, [victim.email]);
  expect(codeOf(await attempt(victim.email, victim.password, address()))).toBe('OK');
});

test('after 10 failed logins from one client address, that address is refused for every email', async () => {
  const from = address();
  for (let i = 0; i < 10; i++) {
    expect(codeOf(await attempt(`sconosciuto.${randomUUID().slice(0, 8)}@example.it`, 'whatever-password', from))).toBe('UNAUTHENTICATED');
  }
  const someone = await user();
  expectThrottled(await attempt(someone.email, someone.password, from));
  // The same user from another address is not affected.
  expect(codeOf(await attempt(someone.email, someone.password, address()))).toBe('OK');
});

test('nine failures are still allowed a tenth try, and the right password then works', async () => {
  const person = await user();
  const from = address();
  for (let i = 0; i < 9; i++) expect(codeOf(await attempt(person.email, `typo-${i}-password`, from))).toBe('UNAUTHENTICATED');
  expect(codeOf(await attempt(person.email, person.password, from))).toBe('OK');
});

test('guesses sent all at once are throttled too: no more than 10 passwords are ever tried', async () => {
  const victim = await user();
  const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(victim.email, `parallel-${i}-guess`, address())));
  const codes = burst.map(codeOf);
  expect(codes.every((c) => c === 'UNAUTHENTICATED' || c === 'TOO_MANY_REQUESTS')).toBe(true);
  let tried = codes.filter((c) => c === 'UNAUTHENTICATED').length;
  expect(tried).toBeLessThanOrEqual(10);
  // Guesses one after another are let through up to 10 in all, then refused.
  for (let i = 0; i < 20; i++) {
    const result = await attempt(victim.email, `serial-${i}-guess`, address());
    if (codeOf(result) === 'TOO_MANY_REQUESTS') break;
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    tried += 1;
  }
  expect(tried).toBe(10);
  expectThrottled(await attempt(victim.email, victim.password, address()));
});
