import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { BrowserContext, Page } from 'playwright-core';
import { createLogger } from '../../server/src/common/logger';
import { ANONYMOUS } from '../../server/src/common/request';
import { SsoSettings } from '../../server/src/config';
import { userFiscalCodeHash } from '../../server/src/common/crypto';
import { personCheckCharacter } from '../../server/src/common/tax-code';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { seriousViolations, withScreenshotOnFailure } from '../helpers/browser';
import { TEST_RECIPIENT_KEY } from '../helpers/env';
import { LOGIN, loopbackAddress, send } from '../helpers/http';
import { freePort, SPID_L1, SPID_L2, startOidcProvider, TestClient, TestIdentity, TestProvider } from '../helpers/oidc-provider';
import { BROWSER_TEST_TIMEOUT, useConsole } from './support/console';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, in this process, with keys
 * of its own): the browser signs in and out through it; the refusals are driven over HTTP, where
 * the test can hand Reti tokens the provider really issued, but for another client or another flow.
 */

let provider: TestProvider;
let t: TestApp;
let publicUrl: string;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let sso: SsoSettings;
const logLines: string[] = [];

const reti = useConsole({
  start: async () => {
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(publicUrl);
    const logs = new PassThrough();
    logs.on('data', (chunk: Buffer) => logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    sso = {
      issuer: new URL(provider.issuer),
      clientId: provider.reti.id,
      clientSecret: provider.reti.secret,
      scopes: 'openid profile email',
      identityClaim: 'fiscal_number',
      matchBy: 'fiscal_code',
      acrValues: [SPID_L2, 'https://www.spid.gov.it/SpidL3'],
      passwordForAdminsOnly: true,
      publicUrl,
    };
    t = await startTestApp(3, { logger: createLogger({ level: 'warn' }, logs), sso });
    await new Promise<void>((resolve) => t.app.httpServer.listen(port, '127.0.0.1', resolve));
    return { app: t, url: publicUrl };
  },
  seed: async (app) => void (tenant = await newTenant(app)),
});

afterAll(() => provider?.close());

/** A valid personal codice fiscale nobody else in the test database has. */
function newFiscalCode(): string {
  const letters = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
  const first15 = `${letters}80A01F${String(randomInt(1000)).padStart(3, '0')}`;
  return first15 + personCheckCharacter(first15);
}

/** A user an administrator invited for single sign-on, and the identity the provider knows them by. */
async function invite(input: Record<string, unknown> = {}): Promise<{ id: string; fiscalCode: string; identity: TestIdentity }> {
  const fiscalCode = newFiscalCode();
  const result = await t.gql(admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id ssoOnly hasFiscalCode } }`, {
    input: { email: `sso.${randomUUID().slice(0, 8)}@example.it`, displayName: 'Utente SPID', role: 'EDITOR', tenantId: tenant.id, ssoOnly: true, fiscalCode, ...input },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  expect(result.data!.createUser).toMatchObject({ ssoOnly: true, hasFiscalCode: true });
  return { id: result.data!.createUser.id, fiscalCode, identity: { sub: randomUUID(), fiscalNumber: `TINIT-${fiscalCode}`, acr: SPID_L2 } };
}

type Jar = Map<string, string>;

/** One GET with the cookies of the jar, which keeps what the answer sets. */
async function get(url: string, jar: Jar, headers: Record<string, string> = {}) {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '), ...headers } });
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    if (!value || /expires=Thu, 01 Jan 1970/i.test(header)) jar.delete(name);
    else jar.set(name, value);
  }
  const location = response.headers.get('location');
  return { status: response.status, location: location ? new URL(location, url).toString() : undefined, text: await response.text(), setCookie: response.headers.getSetCookie() };
}

/** Follows redirects until one points at `stop`, and answers that address. */
async function followUntil(url: string, jar: Jar, stop: string): Promise<string> {
  for (let hop = 0; hop < 10; hop++) {
    const { status, location, text } = await get(url, jar);
    if (!location) throw new Error(`No redirect from ${url}: ${status} ${text.slice(0, 300)}`);
    if (location.startsWith(stop)) return location;
    url = location;
  }
  throw new Error('Too many redirects');
}

/** Starts a sign-in at Reti and lets the provider sign `identity` in: Reti's authorization request and the callback address the provider answered. */
async function throughProvider(identity: TestIdentity, jar: Jar = new Map()): Promise<{ authorize: URL; callback: string; jar: Jar }> {
  provider.signInAs(identity);
  const start = await get(`${publicUrl}/auth/oidc/login`, jar);
  expect(start.status).toBe(303);
  const authorize = new URL(start.location!);
  return { authorize, callback: await followUntil(authorize.toString(), jar, provider.reti.redirectUri), jar };
}

/** Tokens the provider issues to `client` for a flow of the test's own, with the nonce given. */
async function tokensFor(client: TestClient, identity: TestIdentity, nonce: string): Promise<Record<string, unknown>> {
  provider.signInAs(identity);
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL('/auth', provider.issuer);
  authorize.search = new URLSearchParams({
    client_id: client.id,
    response_type: 'code',
    scope: 'openid profile email',
    redirect_uri: client.redirectUri,
    nonce,
    state: randomUUID(),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  const back = new URL(await followUntil(authorize.toString(), new Map(), client.redirectUri));
  const response = await fetch(new URL('/token', provider.issuer), {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: client.redirectUri, code_verifier: verifier }),
  });
  const tokens = (await response.json()) as Record<string, unknown>;
  if (!tokens.id_token) throw new Error(`No ID token: ${JSON.stringify(tokens)}`);
  return tokens;
}

/** The callback refused the sign-in with this status and page, set no refresh cookie, and logged why. */
async function expectRefused(result: Awaited<ReturnType<typeof get>>, status: number, text: string | RegExp, logged?: RegExp) {
  expect(result.status).toBe(status);
  expect(result.text).toMatch(text);
  expect(result.setCookie.filter((cookie) => cookie.startsWith('reti_refresh='))).toEqual([]);
  // Why, as the library said it: the last refusal logged, which is this one.
  if (logged) expect(logLines.filter((line) => line.includes('Single sign-on refused')).at(-1)).toMatch(logged);
}

describe('refusals (HTTP)', () => {
  test('a sign-in completes once: the same callback again is refused (replayed state)', async () => {
    const { identity } = await invite();
    const { callback, jar } = await throughProvider(identity);
    const flowCookie = jar.get('reti_sso_flow')!;
    const first = await get(callback, jar);
    expect([first.status, first.location]).toEqual([303, `${publicUrl}/admin/`]);
    expect(first.setCookie.some((cookie) => cookie.startsWith('reti_refresh='))).toBe(true);
    // The same answer of the provider, with the flow cookie the browser had: the flow is gone.
    await expectRefused(await get(callback, new Map([['reti_sso_flow', flowCookie]])), 400, 'Accesso non riuscito');
  });

  test('a callback after the flow expired is refused (expired state)', async () => {
    const { identity } = await invite();
    const { callback, jar } = await throughProvider(identity);
    await t.owner.query(`UPDATE reti_private.sso_flows SET created_at = now() - interval '11 minutes'`);
    await expectRefused(await get(callback, jar), 400, 'Accesso non riuscito');
  });

  test('a callback whose state is not the flow’s is refused', async () => {
    const { identity } = await invite();
    const { callback, jar } = await throughProvider(identity);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'someone-elses-state');
    await expectRefused(await get(tampered.toString(), jar), 400, 'Accesso non riuscito', /unexpected .{1,3}state.{1,3} response parameter value/);
  });

  test('an ID token the provider issued to another client is refused (wrong audience)', async () => {
    const { identity } = await invite();
    const { authorize, callback, jar } = await throughProvider(identity);
    // Same person, same nonce as Reti asked for: only the audience differs.
    provider.answerNextTokenRequestWith(await tokensFor(provider.other, identity, authorize.searchParams.get('nonce')!));
    await expectRefused(await get(callback, jar), 400, 'Accesso non riuscito', /unexpected JWT .{1,3}aud.{1,3} \(audience\) claim value/);
  });

  test('an ID token with another nonce is refused (nonce mismatch)', async () => {
    const { identity } = await invite();
    const { callback, jar } = await throughProvider(identity);
    // Issued to Reti's own client for the same person, in another flow.
    provider.answerNextTokenRequestWith(await tokensFor(provider.reti, identity, 'another-flows-nonce'));
    await expectRefused(await get(callback, jar), 400, 'Accesso non riuscito', /unexpected ID Token .{1,3}nonce.{1,3} claim value/);
  });

  test('an authentication level outside the allow-list is refused', async () => {
    const { identity } = await invite();
    const { callback, jar } = await throughProvider({ ...identity, acr: SPID_L1 });
    await expectRefused(await get(callback, jar), 403, 'Livello di autenticazione non sufficiente');
  });

  test('an identity no administrator invited gets the clear page, in English too, and no account', async () => {
    const fiscalCode = newFiscalCode();
    const identity = { sub: randomUUID(), fiscalNumber: `TINIT-${fiscalCode}`, acr: SPID_L2 };
    // Other test files add users meanwhile: an account made for an identity would hold a codice fiscale or be for single sign-on only.
    const since = (await t.owner.query('SELECT now() AS at'))[0].at;
    const users = async () => Number((await t.owner.query('SELECT count(*) AS n FROM users WHERE created_at >= $1 AND (fiscal_code_hash IS NOT NULL OR sso_only)', [since]))[0].n);
    const before = await users();
    const { callback, jar } = await throughProvider(identity);
    await expectRefused(await get(callback, jar), 403, 'Chiedi all’amministratore del tuo ufficio di invitarti');
    const english = await throughProvider(identity);
    await expectRefused(await get(english.callback, english.jar, { 'accept-language': 'en-GB,en;q=0.9' }), 403, 'Ask your office’s administrator to invite you');
    expect(await users()).toBe(before);
  });
});

test('starting sign-ins spends the client address’s request allowance', async () => {
  const limited = await startTestApp(1, { sso, rateLimits: { requestsPerUser: 100, requestsPerAddress: 2, windowSeconds: 600, loginFailuresPerAddress: 100 } });
  try {
    await new Promise<void>((resolve) => limited.app.httpServer.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(limited.app.httpServer.address() as AddressInfo).port}/`);
    const from = loopbackAddress();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(url, { method: 'GET', path: '/auth/oidc/login', localAddress: from })).status);
    expect(statuses).toEqual([303, 303, 429]);
  } finally {
    await limited.close();
  }
});

describe('back-channel logout', () => {
  const refreshWith = async (cookie: string) => {
    const response = await fetch(`${publicUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `reti_refresh=${cookie}` },
      body: JSON.stringify({ query: 'mutation { refreshSession { token } }' }),
    });
    return (await response.json()) as { data?: { refreshSession: { token: string } } | null; errors?: { extensions: { code: string } }[] };
  };
  const sendLogoutToken = (token: string) =>
    fetch(`${publicUrl}/auth/oidc/backchannel-logout`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ logout_token: token }) });

  test('signing out at the provider ends the Reti session it opened', async () => {
    const { identity } = await invite();
    const { callback, jar } = await throughProvider(identity);
    expect((await get(callback, jar)).status).toBe(303);
    // The provider's own logout page, as a user who signs out of another application there would.
    const page = await get(`${provider.issuer}/session/end?client_id=${provider.reti.id}`, jar);
    const form = /action="([^"]+)"[\s\S]*?name="xsrf" value="([^"]+)"/.exec(page.text)!;
    const confirm = await fetch(new URL(form[1], provider.issuer), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
      body: new URLSearchParams({ xsrf: form[2], logout: 'yes' }),
    });
    expect(confirm.status).toBe(303);
    expect((await refreshWith(jar.get('reti_refresh')!)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('a token that is not the provider’s logout token for Reti ends nothing', async () => {
    const { identity } = await invite();
    const { callback, jar } = await throughProvider(identity);
    expect((await get(callback, jar)).status).toBe(303);
    const idToken = (await tokensFor(provider.reti, identity, 'n')).id_token as string;
    // An ID token of the same person (no logout event), and one issued to another client.
    expect((await sendLogoutToken(idToken)).status).toBe(400);
    expect((await sendLogoutToken((await tokensFor(provider.other, identity, 'n')).id_token as string)).status).toBe(400);
    expect((await refreshWith(jar.get('reti_refresh')!)).data?.refreshSession.token).toEqual(expect.any(String));
  });
});

describe('passwords', () => {
  test('no password is stored for a single-sign-on-only user, and none can be set', async () => {
    const { id } = await invite();
    const secrets = () => t.owner.query('SELECT count(*)::int AS n FROM reti_private.user_secrets WHERE user_id = $1', [id]);
    expect(await secrets()).toEqual([{ n: 0 }]);
    const version = (await t.gql(admin, `query($id: ID!) { user(id: $id) { version } }`, { id })).data!.user.version;
    const update = await t.gql(admin, `mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { password: "a-long-password-123" }) { id } }`, { id, version });
    expect(update.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await secrets()).toEqual([{ n: 0 }]);
  });

  test('marking a user single-sign-on-only deletes the password they had', async () => {
    const created = await t.gql(admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id version } }`, {
      input: { email: `pw.${randomUUID().slice(0, 8)}@example.it`, displayName: 'Con password', role: 'EDITOR', tenantId: tenant.id, password: 'a-long-password-123' },
    });
    const { id, version } = created.data!.createUser;
    const secrets = () => t.owner.query('SELECT count(*)::int AS n FROM reti_private.user_secrets WHERE user_id = $1', [id]);
    expect(await secrets()).toEqual([{ n: 1 }]);
    const update = await t.gql(admin, `mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { ssoOnly: true }) { ssoOnly } }`, { id, version });
    expect(update.errors).toBeUndefined();
    expect(await secrets()).toEqual([{ n: 0 }]);
  });

  test('with passwords kept for administrators, an editor’s right password is refused and an administrator’s accepted', async () => {
    const password = 'a-long-password-123';
    const login = (email: string) => t.app.apollo.executeOperation({ query: LOGIN, variables: { email, password } }, { contextValue: t.app.contextFor(ANONYMOUS) });
    const make = async (role: string) => {
      const email = `${role.toLowerCase()}.${randomUUID().slice(0, 8)}@example.it`;
      const result = await t.gql(admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: { email, displayName: role, role, tenantId: role === 'EDITOR' ? tenant.id : null, password },
      });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return email;
    };
    const editor = await login(await make('EDITOR'));
    const editorResult = editor.body.kind === 'single' ? editor.body.singleResult : null;
    expect(editorResult?.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SSO_REQUIRED' });
    const administrator = await login(await make('ADMIN'));
    const adminResult = administrator.body.kind === 'single' ? administrator.body.singleResult : null;
    expect(adminResult?.errors).toBeUndefined();
  });
});

describe('in the browser', () => {
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    ({ context, page } = await reti.open());
  });

  /** The user the console's session was restored for (its refreshSession answer). */
  function sessionUsers(): Promise<unknown>[] {
    const users: Promise<unknown>[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/graphql') && response.request().postData()?.includes('refreshSession')) {
        users.push(response.json().then((body) => body.data?.refreshSession?.user ?? null));
      }
    });
    return users;
  }

  test(
    'an invited user signs in through the provider, reaches the console as their role and tenant, and logs out of both',
    async () => {
      const { id, identity } = await invite();
      provider.signInAs(identity);
      const sessions = sessionUsers();
      await withScreenshotOnFailure(page, 'sso-sign-in', async () => {
        await page.goto(`${publicUrl}/admin/`);
        // Passwords are for administrators only here: the form hides behind a link.
        await expect(page.locator('input[name=password]').count()).resolves.toBe(0);
        await page.getByRole('link', { name: 'Accedi con SPID / CIE' }).click();
        await page.getByText('Benvenuto').waitFor();
        expect(page.url()).toMatch(new RegExp(`^${publicUrl}/admin/`));
        expect(await Promise.all(sessions)).toContainEqual({ id, email: expect.any(String), displayName: 'Utente SPID', role: 'EDITOR', tenantId: tenant.id, tenant: { kind: 'PROVINCE' } });
        const refresh = (await context.cookies()).find((cookie) => cookie.name === 'reti_refresh')!;
        expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/graphql' });

        await page.getByRole('button', { name: /profilo|profile|Utente SPID/i }).first().click();
        await page.getByRole('menuitem', { name: /Esci|Logout/i }).click();
        // The provider's RP-initiated logout asks, then sends the browser back to the console.
        await page.waitForURL(new RegExp(`^${provider.issuer}/session/end`));
        await page.getByRole('button', { name: 'Yes, sign me out' }).click();
        await page.waitForURL(`${publicUrl}/admin/**`);
        await page.getByRole('link', { name: 'Accedi con SPID / CIE' }).waitFor();
        const stale = await fetch(`${publicUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: `reti_refresh=${refresh.value}` },
          body: JSON.stringify({ query: 'mutation { refreshSession { token } }' }),
        });
        expect(((await stale.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      });
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'a deactivated user is refused after the provider said yes',
    async () => {
      const { identity } = await invite({ active: false });
      provider.signInAs(identity);
      await withScreenshotOnFailure(page, 'sso-deactivated', async () => {
        await page.goto(`${publicUrl}/admin/`);
        await page.getByRole('link', { name: 'Accedi con SPID / CIE' }).click();
        await page.getByRole('heading', { name: 'Il tuo utente è disattivato' }).waitFor();
        expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('reti_refresh');
      });
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an unknown identity gets the page that says to ask for an invitation',
    async () => {
      provider.signInAs({ sub: randomUUID(), fiscalNumber: `TINIT-${newFiscalCode()}`, acr: SPID_L2 });
      await withScreenshotOnFailure(page, 'sso-unknown', async () => {
        await page.goto(`${publicUrl}/admin/`);
        await page.getByRole('link', { name: 'Accedi con SPID / CIE' }).click();
        await page.getByText('Chiedi all’amministratore del tuo ufficio di invitarti').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain('reti_refresh');
        await page.getByRole('link', { name: 'Torna alla pagina di accesso' }).click();
        await page.getByRole('link', { name: 'Accedi con SPID / CIE' }).waitFor();
      });
    },
    BROWSER_TEST_TIMEOUT,
  );

  /** A break-glass administrator: the password form is behind its link. */
  async function signInAsAdministrator(): Promise<void> {
    const email = `admin.${randomUUID().slice(0, 8)}@example.it`;
    const created = await t.gql(admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { email, displayName: 'Amministratore di emergenza', role: 'ADMIN', password: 'a-long-password-123' },
    });
    expect(created.errors).toBeUndefined();
    await page.goto(`${publicUrl}/admin/`);
    await page.getByRole('button', { name: 'Accesso con password (solo amministratori)' }).click();
    await page.locator('input[name=username]').fill(email);
    await page.locator('input[name=password]').fill('a-long-password-123');
    await page.getByRole('button', { name: 'Accedi', exact: true }).click();
    await page.getByText('Benvenuto').waitFor();
  }

  test(
    'a break-glass administrator opens the password form and signs in with a password',
    async () => {
      await withScreenshotOnFailure(page, 'sso-break-glass', async () => {
        await page.goto(`${publicUrl}/admin/`);
        await page.getByRole('link', { name: 'Accedi con SPID / CIE' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        await signInAsAdministrator();
      });
    },
    BROWSER_TEST_TIMEOUT,
  );

  test(
    'an administrator invites a user for SPID / CIE from the console: no password, the codice fiscale kept only as its hash, and the user gets in',
    async () => {
      const fiscalCode = newFiscalCode();
      const email = `invitato.${randomUUID().slice(0, 8)}@example.it`;
      await withScreenshotOnFailure(page, 'sso-invite', async () => {
        await signInAsAdministrator();
        await page.goto(`${publicUrl}/admin/users/create`);
        await page.locator('input[name=email]').fill(email);
        await page.locator('input[name=displayName]').fill('Analista invitata');
        await page.getByRole('combobox', { name: 'Ruolo' }).click();
        await page.getByRole('option', { name: 'Analista' }).click();
        await expect(page.locator('input[name=password]').count()).resolves.toBe(1);
        await page.getByLabel('Solo accesso con SPID / CIE').check();
        await expect(page.locator('input[name=password]').count()).resolves.toBe(0);
        await page.locator('input[name=fiscalCode]').fill(fiscalCode.toLowerCase());
        await page.getByRole('button', { name: 'Salva' }).click();
        await page.waitForURL(/\/admin\/users\/[0-9a-f-]{36}/);
        // Back in the list (searched: the suite's other files add users of their own), the user is marked for SPID / CIE.
        await page.goto(`${publicUrl}/admin/users?filter=${encodeURIComponent(JSON.stringify({ q: email }))}`);
        const listed = page.getByRole('row').filter({ hasText: email });
        await listed.waitFor();
        await expect(listed.locator('[data-testid="true"]').count()).resolves.toBe(2);
      });
      const [row] = await t.owner.query('SELECT * FROM users WHERE email = $1', [email]);
      expect(row).toMatchObject({ role: 'ANALYST', sso_only: true, fiscal_code_hash: userFiscalCodeHash(TEST_RECIPIENT_KEY, fiscalCode) });
      expect(await t.owner.query('SELECT count(*)::int AS n FROM reti_private.user_secrets WHERE user_id = $1', [row.id])).toEqual([{ n: 0 }]);
      const trail = JSON.stringify(await t.owner.query('SELECT * FROM audit_events WHERE entity_id = $1', [row.id]));
      expect(`${JSON.stringify(row)} ${trail}`).not.toContain(fiscalCode);

      const invited = await reti.open();
      const invitedPage = invited.page;
      provider.signInAs({ sub: randomUUID(), fiscalNumber: `TINIT-${fiscalCode}`, acr: SPID_L2 });
      await withScreenshotOnFailure(invitedPage, 'sso-invited-signs-in', async () => {
        await invitedPage.goto(`${publicUrl}/admin/`);
        await invitedPage.getByRole('link', { name: 'Accedi con SPID / CIE' }).click();
        await invitedPage.getByText('Benvenuto').waitFor();
      });
      await invited.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
