import { createHash, randomUUID } from 'node:crypto';
import { newTenant } from '../helpers/app';
import { HttpResult, HttpTestApp, LOGIN, loopbackAddress, SignedInUser, startHttpApp } from '../helpers/http';
import { countRows, expectError, orgTaxCode, seedNetworks } from '../helpers/factories';
import { MAX_LIST_LENGTH } from '../../server/src/graphql/input-guard';

/**
 * Input that once reached an internal error. Each case now answers a typed error naming the field
 * (or, for null, is read as absent), over real HTTP with a status below 500, and changes nothing.
 */
let t: HttpTestApp;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let editor: SignedInUser;
let admin: SignedInUser;

beforeAll(async () => {
  t = await startHttpApp();
  tenant = await newTenant(t);
  await seedNetworks(t, tenant.editor, 1);
  editor = await t.signUp('EDITOR', tenant.id);
  admin = await t.signUp('ADMIN');
});
afterAll(() => t.close());

const NUL = '\u0000';

/** A typed client error over HTTP: never a 5xx, never INTERNAL_SERVER_ERROR, no stack trace anywhere. */
function expectClientError(result: HttpResult, code: string, field?: string): void {
  expect(result.status).toBeLessThan(500);
  expect(JSON.stringify(result.body)).not.toMatch(/INTERNAL_SERVER_ERROR|stacktrace|\.ts:\d+|node_modules/);
  expectError(result.body, code, field);
}

test('allocationTotals reads an explicit null filter or having as absent', async () => {
  for (const args of ['groupBy: [TENANT], having: null', 'groupBy: [TENANT], filter: null', 'groupBy: [MEASURE], filter: null, having: null']) {
    const result = await t.post(`{ allocationTotals(${args}) { tenant measure total count } }`, {}, { token: editor.token });
    expect([args, result.status, result.body.errors]).toEqual([args, 200, undefined]);
    expect(result.body.data!.allocationTotals).toEqual([expect.objectContaining({ total: '1000.00', count: 1 })]);
  }
});

describe('a NUL character is refused wherever text comes in, and spoils nothing else of the request', () => {
  test.each([
    ['partners(filter: { q })', 'partners(filter: { q: $text }) { total }', 'q'],
    ['partners(filter: { taxCode })', 'partners(filter: { taxCode: $text }) { total }', 'taxCode'],
    ['auditEvents(filter: { entity })', 'auditEvents(filter: { entity: $text }) { total }', 'entity'],
  ])('%s', async (_name, field, name) => {
    const result = await t.post(`query($text: String!) { bad: ${field} good: partners { total } }`, { text: `a${NUL}b` }, { token: editor.token });
    expectClientError(result, 'BAD_USER_INPUT', name);
    // The other field of the same request ran without error: the transaction was not aborted.
    // (Both fields are non-null, so GraphQL answers data: null as soon as one fails.)
    expect(result.body.errors!.map((e) => e.path)).toEqual([['bad']]);
  });

  test('the login email', async () => {
    const result = await t.post(LOGIN, { email: `${editor.email}${NUL}`, password: editor.password }, { clientAddress: loopbackAddress() });
    expectClientError(result, 'BAD_USER_INPUT', 'email');
  });

  test("an API token's name, without failing the rest of the request or creating a token", async () => {
    const tokens = () => countRows(t, 'reti_private.api_tokens', 'user_id = $1', [editor.id]);
    const before = await tokens();
    const result = await t.post(
      `mutation($name: String!, $expiresAt: DateTimeISO!) { createApiToken(name: $name, expiresAt: $expiresAt) { secret } }`,
      { name: `script${NUL}`, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      { token: editor.token },
    );
    expectClientError(result, 'BAD_USER_INPUT', 'name');
    expect(await tokens()).toBe(before);
    // A mutation before it in the same request keeps its effect.
    const both = await t.post(
      `mutation($expiresAt: DateTimeISO!) { good: createApiToken(name: "script", expiresAt: $expiresAt) { secret } bad: createApiToken(name: "a\\u0000b", expiresAt: $expiresAt) { secret } }`,
      { expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      { token: editor.token },
    );
    expectClientError(both, 'BAD_USER_INPUT', 'name');
    expect(both.body.errors!.map((e) => e.path)).toEqual([['bad']]);
    expect(await tokens()).toBe(before + 1);
  });

  test('an imported cell: the same row error in a dry run and a real import, and only the clean rows are written', async () => {
    const clean = orgTaxCode();
    const dirty = orgTaxCode();
    const csv = ['ragione_sociale;codice_fiscale;tipo', `Pulito;${clean};CPI`, `Spo${NUL}rco;${dirty};CPI`].join('\n');
    const IMPORT = `mutation($csv: String!, $dryRun: Boolean!) { importCsv(kind: PARTNERS, csv: $csv, dryRun: $dryRun) { total valid imported errors { line field code } } }`;
    const reports = [];
    for (const dryRun of [true, false]) {
      const result = await t.post(IMPORT, { csv, dryRun }, { token: editor.token });
      expect([dryRun, result.status, result.body.errors]).toEqual([dryRun, 200, undefined]);
      reports.push(result.body.data!.importCsv);
    }
    expect(reports[0]).toEqual({ total: 2, valid: 1, imported: 0, errors: [{ line: 3, field: 'legalName', code: 'noNul' }] });
    expect(reports[1]).toEqual({ ...reports[0], imported: 1 });
    expect(await countRows(t, 'partners', 'tenant_id = $1 AND tax_code = ANY($2)', [tenant.id, [clean, dirty]])).toBe(1);
  });
});

describe('lists are capped', () => {
  const many = (n: number, item: () => string) => Array.from({ length: n }, item);

  test('70,000 ids answer BAD_USER_INPUT naming ids; 1,000 are fine', async () => {
    const query = `query($ids: [ID!]) { partners(filter: { ids: $ids }) { total } }`;
    expectClientError(await t.post(query, { ids: many(70_000, randomUUID) }, { token: editor.token }), 'BAD_USER_INPUT', 'ids');
    const atTheCap = await t.post(query, { ids: many(MAX_LIST_LENGTH, randomUUID) }, { token: editor.token });
    expect(atTheCap.body).toEqual({ data: { partners: { total: 0 } } });
  });

  test('70,000 statuses answer BAD_USER_INPUT naming statuses', async () => {
    const result = await t.post(`query($s: [NetworkStatus!]) { networks(filter: { statuses: $s }) { total } }`, { s: many(70_000, () => 'DRAFT') }, { token: editor.token });
    expectClientError(result, 'BAD_USER_INPUT', 'statuses');
  });
});

test('more invalid variables than graphql-js reports one by one are still BAD_USER_INPUT', async () => {
  const result = await t.post(`query($s: [NetworkStatus!]) { networks(filter: { statuses: $s }) { total } }`, { s: Array.from({ length: 60 }, () => 'NOPE') }, { token: editor.token });
  // A request error under application/json: 200, as the GraphQL over HTTP spec asks.
  expect(result.status).toBe(200);
  expect(JSON.stringify(result.body)).not.toContain('INTERNAL_SERVER_ERROR');
  expect(new Set(result.body.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
});

test('a login email of a megabyte answers BAD_USER_INPUT naming email', async () => {
  const result = await t.post(LOGIN, { email: `${'a'.repeat(1_000_000)}@example.it`, password: 'whatever-password' }, { clientAddress: loopbackAddress() });
  expectClientError(result, 'BAD_USER_INPUT', 'email');
});

test('a persisted query whose hash does not match its text is a client error', async () => {
  const query = '{ me { email } }';
  const wrong = createHash('sha256').update('something else').digest('hex');
  const result = await t.post(query, undefined, { token: editor.token, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } });
  expectClientError(result, 'BAD_USER_INPUT', 'persistedQuery');
});

test("an administrator's X-Tenant-Id that is no tenant id answers 400 BAD_USER_INPUT", async () => {
  const result = await t.post('{ partners { total } }', {}, { token: admin.token, tenantHeader: 'nope' });
  expect(result.status).toBe(400);
  expectClientError(result, 'BAD_USER_INPUT', 'X-Tenant-Id');
});

test('a malformed refresh cookie answers UNAUTHENTICATED', async () => {
  const result = await t.post('mutation { refreshSession { token } }', {}, { cookie: 'reti_refresh=%E0%A4%A' });
  expectClientError(result, 'UNAUTHENTICATED');
  expect(result.status).toBe(401);
});

test('an email with a lone UTF-16 surrogate, which makes the email validator throw, is BAD_USER_INPUT and creates nobody', async () => {
  const before = await countRows(t, 'users');
  const result = await t.post(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email: '\ud800', displayName: 'Surrogato', role: 'ANALYST', password: 'una-password-lunga' } },
    { token: admin.token },
  );
  expectClientError(result, 'BAD_USER_INPUT');
  expect(await countRows(t, 'users')).toBe(before);
});
