import { SignJWT } from 'jose';
import { admin, newTenant } from '../helpers/app';
import { seedNetworks } from '../helpers/factories';
import { TEST_JWT_SECRET } from '../helpers/env';
import { cookiePair, HttpResult, HttpTestApp, LOGIN, SignedInUser, startHttpApp } from '../helpers/http';

/** Access tokens, API tokens and the refresh cookie, over HTTP against the real app. */
let t: HttpTestApp;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let editor: SignedInUser;

beforeAll(async () => {
  t = await startHttpApp();
  tenant = await newTenant(t);
  editor = await t.signUp('EDITOR', tenant.id);
});
afterAll(() => t.close());

const ME = `{ me { id role tenantId } }`;
const REFRESH = `mutation { refreshSession { token user { id } } }`;

function expectUnauthenticated(result: HttpResult): void {
  expect(result.status).toBe(401);
  expect(result.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  expect(result.body.data ?? null).toBeNull();
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** The session an access token belongs to (its sid claim). */
const sessionOf = (token: string): string => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;
const now = () => Math.floor(Date.now() / 1000);

interface Forged {
  claims?: Record<string, unknown>;
  issuer?: string;
  audience?: string;
  expiresAt?: number | null;
  issuedAt?: number;
  alg?: string;
  secret?: Uint8Array;
}

/** A token built like the server's own, with one thing changed. */
function forge({ claims = {}, issuer = 'reti', audience = 'reti-api', expiresAt = now() + 600, issuedAt = now(), alg = 'HS256', secret = TEST_JWT_SECRET }: Forged = {}): Promise<string> {
  const jwt = new SignJWT({ role: 'EDITOR', tid: tenant.id, ep: 1, sid: sessionOf(editor.token), ...claims })
    .setProtectedHeader({ alg })
    .setSubject(editor.id)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(issuedAt);
  if (expiresAt !== null) jwt.setExpirationTime(expiresAt);
  return jwt.sign(secret);
}

describe('access tokens', () => {
  test('a token made like the server makes them is accepted (the forgeries below differ only where they say)', async () => {
    const result = await t.post(ME, {}, { token: await forge() });
    expect(result.status).toBe(200);
    expect(result.body.data!.me).toEqual({ id: editor.id, role: 'EDITOR', tenantId: tenant.id });
  });

  test('the token from login identifies the user', async () => {
    const result = await t.post(ME, {}, { token: editor.token });
    expect(result.body.data!.me).toEqual({ id: editor.id, role: 'EDITOR', tenantId: tenant.id });
  });

  const REJECTED: [string, () => Promise<string>][] = [
    ['expired', () => forge({ issuedAt: now() - 3600, expiresAt: now() - 60 })],
    ['without an expiry', () => forge({ expiresAt: null })],
    ['for another audience', () => forge({ audience: 'some-other-api' })],
    ['from another issuer', () => forge({ issuer: 'not-reti' })],
    ['signed with another secret', () => forge({ secret: new TextEncoder().encode('another-secret-of-the-same-length-0123456789ab') })],
    ['signed with another HMAC algorithm (HS512)', () => forge({ alg: 'HS512' })],
    ['with an unknown role', () => forge({ claims: { role: 'SUPERUSER' } })],
    ['without a session', () => forge({ claims: { sid: undefined } })],
    ['of a session that never was', () => forge({ claims: { sid: '00000000-0000-4000-8000-000000000000' } })],
    [
      'with alg none',
      async () => {
        const payload = { sub: editor.id, role: 'ADMIN', tid: null, iss: 'reti', aud: 'reti-api', iat: now(), exp: now() + 600 };
        return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`;
      },
    ],
    [
      'whose payload was edited to make the user an administrator',
      async () => {
        const [header, payload, signature] = editor.token.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
        return `${header}.${b64({ ...claims, role: 'ADMIN', tid: null })}.${signature}`;
      },
    ],
    [
      'with one character of the payload flipped',
      async () => {
        const [header, payload, signature] = editor.token.split('.');
        const i = Math.floor(payload.length / 2);
        const flipped = payload[i] === 'A' ? 'B' : 'A';
        return `${header}.${payload.slice(0, i)}${flipped}${payload.slice(i + 1)}.${signature}`;
      },
    ],
    ['that is not a JWT at all', async () => 'not-a-token'],
  ];

  test.each(REJECTED)('a token %s is UNAUTHENTICATED with HTTP 401 and no data', async (_, make) => {
    const token = await make();
    expectUnauthenticated(await t.post(`{ me { id } partners { total } }`, {}, { token }));
    // Not even the public sign-in fields answer with a bad token: the request is refused as a whole.
    expectUnauthenticated(await t.post(REFRESH, {}, { token, cookie: editor.cookie }));
  });

  test.each([
    ['Basic dXNlcjpwYXNz', 'another scheme'],
    ['Bearer', 'Bearer without a token'],
    ['bearer ' + 'x', 'a malformed bearer'],
  ])('Authorization: %s (%s) is UNAUTHENTICATED with HTTP 401', async (authorization) => {
    expectUnauthenticated(await t.post(ME, {}, { authorization }));
  });
});

describe('API tokens', () => {
  const CREATE = `mutation($name: String!, $expiresAt: DateTimeISO!) {
    createApiToken(name: $name, expiresAt: $expiresAt) { secret apiToken { id name expiresAt revokedAt lastUsedAt } } }`;
  const LIST = `{ apiTokens { id name expiresAt revokedAt lastUsedAt } }`;
  const REVOKE = `mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

  async function newToken(user: SignedInUser, name = 'script di esportazione'): Promise<{ id: string; secret: string }> {
    const result = await t.post(CREATE, { name, expiresAt: inDays(30) }, { token: user.token });
    expect(result.body.errors).toBeUndefined();
    return { id: result.body.data!.createApiToken.apiToken.id, secret: result.body.data!.createApiToken.secret };
  }

  test('the secret is shown once, works as a Bearer token, and is never listed or stored', async () => {
    const created = await t.post(CREATE, { name: 'script notturno', expiresAt: inDays(30) }, { token: editor.token });
    expect(created.body.errors).toBeUndefined();
    const { secret, apiToken } = created.body.data!.createApiToken;
    expect(secret).toMatch(/^reti_pat_.{40,}$/);
    expect(apiToken).toMatchObject({ name: 'script notturno', revokedAt: null, lastUsedAt: null });

    const used = await t.post(`{ me { id role tenantId } partners { total } }`, {}, { token: secret });
    expect(used.status).toBe(200);
    expect(used.body.errors).toBeUndefined();
    expect(used.body.data!.me).toEqual({ id: editor.id, role: 'EDITOR', tenantId: tenant.id });

    const listed = await t.post(LIST, {}, { token: editor.token });
    expect(listed.body.errors).toBeUndefined();
    const mine = listed.body.data!.apiTokens.find((token: { id: string }) => token.id === apiToken.id);
    expect(mine).toMatchObject({ name: 'script notturno', revokedAt: null });
    expect(mine.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    // Only a hash is kept.
    const [row] = await t.owner.query('SELECT * FROM reti_private.api_tokens WHERE id = $1', [apiToken.id]);
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(JSON.stringify(row)).not.toContain(secret.slice('reti_pat_'.length));
  });

  test('a revoked token is refused at once', async () => {
    const { id, secret } = await newToken(editor);
    expect((await t.post(ME, {}, { token: secret })).body.data!.me.id).toBe(editor.id);
    const revoked = await t.post(REVOKE, { id }, { token: editor.token });
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data!.revokeApiToken.revokedAt).not.toBeNull();
    expectUnauthenticated(await t.post(ME, {}, { token: secret }));
  });

  test("nobody can see or revoke another user's token", async () => {
    const { id, secret } = await newToken(editor);
    const other = await t.signUp('EDITOR', tenant.id);
    const revoke = await t.post(REVOKE, { id }, { token: other.token });
    expect(revoke.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed = await t.post(LIST, {}, { token: other.token });
    expect(listed.body.data!.apiTokens).toEqual([]);
    expect((await t.post(ME, {}, { token: secret })).body.data!.me.id).toBe(editor.id);
  });

  test('an expired token is refused', async () => {
    const { id, secret } = await newToken(editor);
    await t.owner.query(`UPDATE reti_private.api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expectUnauthenticated(await t.post(ME, {}, { token: secret }));
  });

  test("deactivating a user stops their API tokens at once", async () => {
    const user = await t.signUp('ANALYST', tenant.id);
    const { secret } = await newToken(user);
    expect((await t.post(ME, {}, { token: secret })).body.data!.me.id).toBe(user.id);
    const [{ version }] = await t.owner.query('SELECT version FROM users WHERE id = $1', [user.id]);
    const update = await t.gql(admin, `mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { active: false }) { active } }`, { id: user.id, version });
    expect(update.errors).toBeUndefined();
    expectUnauthenticated(await t.post(ME, {}, { token: secret }));
  });

  test.each([
    ['in the past', -1],
    ['more than a year ahead', 400],
  ])('a token expiring %s cannot be created', async (_, days) => {
    const before = (await t.owner.query('SELECT count(*)::int AS n FROM reti_private.api_tokens WHERE user_id = $1', [editor.id]))[0].n;
    const result = await t.post(CREATE, { name: 'fuori tempo', expiresAt: inDays(days) }, { token: editor.token });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    expect((await t.owner.query('SELECT count(*)::int AS n FROM reti_private.api_tokens WHERE user_id = $1', [editor.id]))[0].n).toBe(before);
  });

  test('anonymous callers cannot create or list API tokens', async () => {
    const created = await t.post(CREATE, { name: 'anonimo', expiresAt: inDays(30) });
    expect(created.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.post(LIST)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('refresh cookie', () => {
  test('login sets an httpOnly, SameSite=Strict refresh cookie scoped to /graphql', async () => {
    const result = await t.post(LOGIN, { email: editor.email, password: editor.password });
    expect(result.body.errors).toBeUndefined();
    const header = result.setCookie.find((c) => c.startsWith('reti_refresh='));
    expect(header).toBeDefined();
    const attributes = header!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/graphql']));
    // The refresh secret is only in the cookie, never in the body.
    expect(JSON.stringify(result.body)).not.toContain(cookiePair(result.setCookie, 'reti_refresh')!.split('=')[1]);
  });

  test('refreshSession rotates the cookie; reusing the old one ends the whole session', async () => {
    const session = await t.login(editor.email, editor.password);

    const first = await t.post(REFRESH, {}, { cookie: session.cookie });
    expect(first.body.errors).toBeUndefined();
    const rotated = cookiePair(first.setCookie, 'reti_refresh')!;
    expect(rotated).toBeDefined();
    expect(rotated).not.toBe(session.cookie);
    const fresh = await t.post(ME, {}, { token: first.body.data!.refreshSession.token });
    expect(fresh.body.data!.me.id).toBe(editor.id);

    // The old cookie, replayed (stolen, say): refused, and the rotated one dies with it.
    expectUnauthenticated(await t.post(REFRESH, {}, { cookie: session.cookie }));
    expectUnauthenticated(await t.post(REFRESH, {}, { cookie: rotated }));
  });

  test('a rotated cookie can be used once, in a chain', async () => {
    let { cookie } = await t.login(editor.email, editor.password);
    for (let i = 0; i < 3; i++) {
      const result = await t.post(REFRESH, {}, { cookie });
      expect(result.body.errors).toBeUndefined();
      cookie = cookiePair(result.setCookie, 'reti_refresh')!;
    }
    expect((await t.post(REFRESH, {}, { cookie })).body.errors).toBeUndefined();
  });

  test('refreshSession without a cookie, or with a made-up one, is UNAUTHENTICATED', async () => {
    expectUnauthenticated(await t.post(REFRESH));
    expectUnauthenticated(await t.post(REFRESH, {}, { cookie: 'reti_refresh=made-up' }));
  });

  test('logout ends the session kept by the cookie', async () => {
    const session = await t.login(editor.email, editor.password);
    const out = await t.post(`mutation { logout }`, {}, { cookie: session.cookie });
    expect(out.body.data).toEqual({ logout: true });
    // The browser is told to drop the cookie...
    expect(out.setCookie.find((c) => c.startsWith('reti_refresh='))).toMatch(/Expires=Thu, 01 Jan 1970/);
    // ...and a copy kept elsewhere is useless.
    expectUnauthenticated(await t.post(REFRESH, {}, { cookie: session.cookie }));
  });

  test('a deactivated user cannot refresh their session', async () => {
    const user = await t.signUp('EDITOR', tenant.id);
    const [{ version }] = await t.owner.query('SELECT version FROM users WHERE id = $1', [user.id]);
    const update = await t.gql(admin, `mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { active: false }) { active } }`, { id: user.id, version });
    expect(update.errors).toBeUndefined();
    expectUnauthenticated(await t.post(REFRESH, {}, { cookie: user.cookie }));
  });
});

describe('login', () => {
  test('a wrong password and an unknown user get the same answer', async () => {
    const wrongPassword = await t.post(LOGIN, { email: editor.email, password: 'not-the-password' });
    const unknownUser = await t.post(LOGIN, { email: `nessuno.${Date.now()}@example.it`, password: 'not-the-password' });
    for (const result of [wrongPassword, unknownUser]) {
      expectUnauthenticated(result);
      expect(result.setCookie.filter((c) => c.startsWith('reti_refresh='))).toEqual([]);
    }
    expect(unknownUser.body.errors![0].message).toBe(wrongPassword.body.errors![0].message);
  });

  test('a deactivated user cannot sign in, and is told no more than a wrong password would say', async () => {
    const user = await t.signUp('ANALYST', tenant.id);
    const [{ version }] = await t.owner.query('SELECT version FROM users WHERE id = $1', [user.id]);
    const update = await t.gql(admin, `mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { active: false }) { active } }`, { id: user.id, version });
    expect(update.errors).toBeUndefined();
    const refused = await t.post(LOGIN, { email: user.email, password: user.password });
    expectUnauthenticated(refused);
    const wrong = await t.post(LOGIN, { email: editor.email, password: 'not-the-password' });
    expect(refused.body.errors![0].message).toBe(wrong.body.errors![0].message);
  });

  test('the email is matched whatever its case and surrounding spaces', async () => {
    const result = await t.post(LOGIN, { email: `  ${editor.email.toUpperCase()} `, password: editor.password });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.login.user.id).toBe(editor.id);
  });
});

describe('sessions end when the right ends', () => {
  const CREATE = `mutation($name: String!, $expiresAt: DateTimeISO!) { createApiToken(name: $name, expiresAt: $expiresAt) { secret } }`;
  const UPDATE_USER = `mutation($id: ID!, $version: Int!, $input: UpdateUserInput!) { updateUser(id: $id, version: $version, input: $input) { id } }`;
  const DELETE_USER = `mutation($id: ID!, $version: Int!) { deleteUser(id: $id, version: $version) { id } }`;

  /** A signed-in editor with all three credentials: access token, refresh cookie and API token. */
  async function signedIn(): Promise<SignedInUser & { apiToken: string }> {
    const user = await t.signUp('EDITOR', tenant.id);
    const created = await t.post(CREATE, { name: 'script', expiresAt: new Date(Date.now() + 86_400_000).toISOString() }, { token: user.token });
    expect(created.body.errors).toBeUndefined();
    return { ...user, apiToken: created.body.data!.createApiToken.secret };
  }

  async function adminChanges(userId: string, change: 'displayName' | 'active' | 'role' | 'tenant' | 'delete'): Promise<void> {
    const [{ version }] = await t.owner.query('SELECT version FROM users WHERE id = $1', [userId]);
    const other = change === 'tenant' ? await newTenant(t) : undefined;
    const input = { displayName: { displayName: 'Nome nuovo' }, active: { active: false }, role: { role: 'ANALYST' }, tenant: { tenantId: other?.id }, delete: {} }[change];
    const result = change === 'delete'
      ? await t.gql(admin, DELETE_USER, { id: userId, version })
      : await t.gql(admin, UPDATE_USER, { id: userId, version, input });
    expect(result.errors).toBeUndefined();
  }

  async function refresh(cookie: string): Promise<HttpResult> {
    return t.post(REFRESH, {}, { cookie });
  }

  test('checking that the session still stands costs one statement per request', async () => {
    const user = await signedIn();
    const statementsFor = async (token?: string) => {
      const before = t.statements.count;
      expect((await t.post(`{ __typename }`, {}, { token })).body.data).toEqual({ __typename: 'Query' });
      return t.statements.count - before;
    };
    // Without a credential a request spends only its address's allowance (one statement for the rate limits).
    const anonymous = await statementsFor();
    for (const token of [user.token, user.apiToken]) expect(await statementsFor(token)).toBe(anonymous + 1);
  });

  // On a connection that has prepared the read already, the opening, the answer and COMMIT go in one round trip (compiled-reads.test.ts).
  test('a signed-in read is four statements the first time: the allowances, the transaction opened with its session check and identity, the answer, COMMIT', async () => {
    const user = await signedIn();
    const [networkId] = await seedNetworks(t, { userId: user.id, role: 'EDITOR', tenantId: tenant.id }, 1);
    const counted = t.statements.count;
    const read = await t.post(`query($id: ID!) { network(id: $id) { code } }`, { id: networkId }, { token: user.token });
    expect(read.body.data?.network.code).toEqual(expect.any(String));
    expect(t.statements.count - counted).toBe(4);
    const sent = t.sql.slice(-4);
    expect(sent[0]).toMatch(/INSERT INTO rate_limits/);
    // One round trip opens the transaction, checks the session and sets the signed identity.
    // A compiled read's statements all read one snapshot.
    expect(sent[1]).toMatch(/^START TRANSACTION ISOLATION LEVEL REPEATABLE READ; SELECT app_open\(/);
    expect(sent[3]).toBe('COMMIT');
    expect(sent.join('\n')).not.toMatch(/auth_session_live|app_begin|set_config/);
  });

  test('a signed-in write has its session checked in the round trip that opens its transaction, before it runs', async () => {
    const user = await signedIn();
    const counted = t.statements.count;
    const write = await t.post(`mutation { createCompetencePact(input: { name: "Patto", territory: "Provincia" }) { id } }`, {}, { token: user.token });
    expect(write.body.errors).toBeUndefined();
    const sent = t.sql.slice(-(t.statements.count - counted));
    expect(sent[0]).toMatch(/INSERT INTO rate_limits/);
    // app_open with the session's epoch and id: the check, where a separate auth_session_live() round trip used to go first.
    expect(sent[1]).toMatch(/^START TRANSACTION; SELECT app_open\(.*, \d+, '[0-9a-f-]{36}'\)$/);
    expect(sent.join('\n')).not.toMatch(/auth_session_live/);
  });

  test('a GraphQL answer carries no ETag: nothing revalidates a POST, and hashing every body cost CPU', async () => {
    const read = await t.post(`{ __typename }`, {}, { token: editor.token });
    expect(read.body.data).toEqual({ __typename: 'Query' });
    expect(read.headers.etag).toBeUndefined();
  });

  test('a change that takes no right away ends nothing', async () => {
    const user = await signedIn();
    await adminChanges(user.id, 'displayName');
    expect((await t.post(ME, {}, { token: user.token })).body.data!.me.id).toBe(user.id);
    expect((await t.post(ME, {}, { token: user.apiToken })).body.data!.me.id).toBe(user.id);
    expect((await refresh(user.cookie)).body.errors).toBeUndefined();
  });

  test.each([
    ['deactivated', 'active'],
    ['demoted to analyst', 'role'],
    ['moved to another tenant', 'tenant'],
    ['deleted', 'delete'],
  ] as const)('a user %s is refused at the very next request, with any credential', async (_, change) => {
    const user = await signedIn();
    const write = `mutation { createCompetencePact(input: { name: "Patto", territory: "Provincia" }) { id } }`;
    expect((await t.post(write, {}, { token: user.token })).body.errors).toBeUndefined();
    await adminChanges(user.id, change);
    expectUnauthenticated(await t.post(ME, {}, { token: user.token }));
    expectUnauthenticated(await t.post(write, {}, { token: user.token }));
    expectUnauthenticated(await t.post(ME, {}, { token: user.apiToken }));
    expectUnauthenticated(await refresh(user.cookie));
  });

  test('a new sign-in after a demotion carries the new role', async () => {
    const user = await signedIn();
    await adminChanges(user.id, 'role');
    const session = await t.login(user.email, user.password);
    expect((await t.post(ME, {}, { token: session.token })).body.data!.me.role).toBe('ANALYST');
  });

  test('me answers nothing for a deactivated user', async () => {
    const user = await signedIn();
    await adminChanges(user.id, 'active');
    const result = await t.gql({ userId: user.id, role: 'EDITOR', tenantId: tenant.id }, ME);
    expect(result.errors).toBeUndefined();
    expect(result.data!.me).toBeNull();
  });

  const CHANGE = `mutation($current: String!, $next: String!, $keep: Boolean) {
    changePassword(currentPassword: $current, newPassword: $next, keepApiTokens: $keep) }`;

  test('a password change ends the console sessions and revokes the API tokens', async () => {
    const user = await signedIn();
    const changed = await t.post(CHANGE, { current: user.password, next: 'una-password-nuova' }, { token: user.token });
    expect(changed.body.errors).toBeUndefined();
    expectUnauthenticated(await refresh(user.cookie));
    expectUnauthenticated(await t.post(ME, {}, { token: user.apiToken }));
    // Every session ends, the one that changed the password included: its access token with it.
    expectUnauthenticated(await t.post(ME, {}, { token: user.token }));
    const session = await t.login(user.email, 'una-password-nuova');
    const listed = await t.post(`{ apiTokens { revokedAt } }`, {}, { token: session.token });
    expect(listed.body.data!.apiTokens).toEqual([{ revokedAt: expect.any(String) }]);
  });

  test('keepApiTokens: true keeps the API tokens working', async () => {
    const user = await signedIn();
    const changed = await t.post(CHANGE, { current: user.password, next: 'una-password-nuova', keep: true }, { token: user.token });
    expect(changed.body.errors).toBeUndefined();
    expectUnauthenticated(await refresh(user.cookie));
    expect((await t.post(ME, {}, { token: user.apiToken })).body.data!.me.id).toBe(user.id);
  });

  test("a password changed in another session ends this session's access token at the next request", async () => {
    const user = await signedIn();
    const elsewhere = await t.login(user.email, user.password);
    expect((await t.post(ME, {}, { token: user.token })).body.data!.me.id).toBe(user.id);
    const changed = await t.post(CHANGE, { current: user.password, next: 'una-password-nuova', keep: true }, { token: elsewhere.token });
    expect(changed.body.errors).toBeUndefined();
    expectUnauthenticated(await t.post(ME, {}, { token: user.token }));
    expectUnauthenticated(await t.post(ME, {}, { token: elsewhere.token }));
  });

  test('logging out ends the access token of the session at the next request; other sessions go on', async () => {
    const user = await signedIn();
    const other = await t.login(user.email, user.password);
    expect((await t.post(ME, {}, { token: user.token })).body.data!.me.id).toBe(user.id);
    expect((await t.post(`mutation { logout }`, {}, { cookie: user.cookie })).body.data).toEqual({ logout: true });
    expectUnauthenticated(await t.post(ME, {}, { token: user.token }));
    expect((await t.post(ME, {}, { token: other.token })).body.data!.me.id).toBe(user.id);
  });

  test("replaying a rotated refresh cookie ends the access tokens of the whole session, the newest included", async () => {
    const user = await signedIn();
    const rotated = await refresh(user.cookie);
    expect(rotated.body.errors).toBeUndefined();
    const newest = rotated.body.data!.refreshSession.token as string;
    expect((await t.post(ME, {}, { token: newest })).body.data!.me.id).toBe(user.id);
    expectUnauthenticated(await refresh(user.cookie));
    expectUnauthenticated(await t.post(ME, {}, { token: user.token }));
    expectUnauthenticated(await t.post(ME, {}, { token: newest }));
  });

  test('a wrong current password changes nothing', async () => {
    const user = await signedIn();
    const refused = await t.post(CHANGE, { current: 'non-è-questa', next: 'una-password-nuova' }, { token: user.token });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    expect((await t.post(ME, {}, { token: user.apiToken })).body.data!.me.id).toBe(user.id);
    await t.login(user.email, user.password);
  });
});
