import { randomUUID } from 'node:crypto';
import { admin, newTenant } from '../helpers/app';
import { createPartner, orgTaxCode, ReferenceIds, referenceIds } from '../helpers/factories';
import { HttpResult, HttpTestApp, PostOptions, SignedInUser, startHttpApp } from '../helpers/http';

/**
 * Who may do what, asked over HTTP with tokens from a real login. Every refusal is also checked
 * in the database as the owner: a refused operation must leave nothing behind.
 */
let t: HttpTestApp;
let ref: ReferenceIds;
let tenantA: Awaited<ReturnType<typeof newTenant>>;
let tenantB: Awaited<ReturnType<typeof newTenant>>;
let users: Record<'admin' | 'editor' | 'analyst' | 'regional', SignedInUser>;
let partnerOfA: { id: string };
let partnerOfB: { id: string };

type Caller = 'admin' | 'editor' | 'analyst' | 'regional' | 'anonymous';
const CALLERS: Caller[] = ['admin', 'editor', 'analyst', 'regional', 'anonymous'];

/** Headers for a caller. Administrators name the tenant they act in with X-Tenant-Id. */
function as(caller: Caller, { inTenant = false } = {}): PostOptions {
  if (caller === 'anonymous') return {};
  return { token: users[caller].token, tenantHeader: caller === 'admin' && inTenant ? tenantA.id : undefined };
}

function expectAllowed(result: HttpResult): void {
  expect(result.body.errors).toBeUndefined();
  expect(result.status).toBe(200);
}

/** Refused with `code`, and no data came back (a nullable root field answers null). */
function expectRefused(result: HttpResult, code: string): void {
  expect(result.body.errors?.[0]?.extensions?.code).toBe(code);
  const data = result.body.data ?? {};
  expect(Object.values(data).filter((value) => value !== null)).toEqual([]);
}

/** Anonymous callers are asked to sign in; signed-in callers without the right are forbidden. */
const refusalFor = (caller: Caller) => (caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');

async function ownerRow(sql: string, params: unknown[]): Promise<Record<string, any> | undefined> {
  return (await t.owner.query(sql, params))[0];
}

beforeAll(async () => {
  t = await startHttpApp();
  ref = await referenceIds(t);
  tenantA = await newTenant(t);
  tenantB = await newTenant(t);
  users = {
    admin: await t.signUp('ADMIN'),
    editor: await t.signUp('EDITOR', tenantA.id),
    analyst: await t.signUp('ANALYST', tenantA.id),
    regional: await t.signUp('ANALYST', null),
  };
  partnerOfA = await createPartner(t, tenantA.editor, ref);
  partnerOfB = await createPartner(t, tenantB.editor, ref);
});
afterAll(() => t.close());

describe('tenant records (partners)', () => {
  const LIST = `query($ids: [ID!]) { partners(filter: { ids: $ids }) { total items { id tenantId } } }`;

  test.each([
    ['admin', [true, true]],
    ['editor', [true, false]],
    ['analyst', [true, false]],
    ['regional', [true, true]],
  ] as const)('%s reads partners: sees A %s, B %s', async (caller, [seesA, seesB]) => {
    const result = await t.post(LIST, { ids: [partnerOfA.id, partnerOfB.id] }, as(caller));
    expectAllowed(result);
    const ids = result.body.data!.partners.items.map((p: { id: string }) => p.id);
    expect(ids.includes(partnerOfA.id)).toBe(seesA);
    expect(ids.includes(partnerOfB.id)).toBe(seesB);
    expect(result.body.data!.partners.total).toBe(ids.length);
  });

  test('anonymous callers cannot read partners', async () => {
    expectRefused(await t.post(LIST, { ids: [partnerOfA.id] }, as('anonymous')), 'UNAUTHENTICATED');
  });

  const CREATE = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id tenantId } }`;
  const created = { admin: true, editor: true, analyst: false, regional: false, anonymous: false };

  test.each(CALLERS)('%s creating a partner', async (caller) => {
    const taxCode = orgTaxCode();
    const input = { legalName: `Creato da ${caller}`, taxCode, partnerTypeId: ref.partnerType('CPI') };
    const result = await t.post(CREATE, { input }, as(caller, { inTenant: true }));
    const row = await ownerRow('SELECT tenant_id FROM partners WHERE tax_code = $1', [taxCode]);
    if (created[caller]) {
      expectAllowed(result);
      expect(result.body.data!.createPartner.tenantId).toBe(tenantA.id);
      expect(row).toEqual({ tenant_id: tenantA.id });
    } else {
      expectRefused(result, refusalFor(caller));
      expect(row).toBeUndefined();
    }
  });

  test('an administrator must name a tenant (X-Tenant-Id) before creating tenant records', async () => {
    const taxCode = orgTaxCode();
    const input = { legalName: 'Senza ente', taxCode, partnerTypeId: ref.partnerType('CPI') };
    expectRefused(await t.post(CREATE, { input }, as('admin', { inTenant: false })), 'FORBIDDEN');
    expect(await ownerRow('SELECT id FROM partners WHERE tax_code = $1', [taxCode])).toBeUndefined();
  });

  const UPDATE = `mutation($id: ID!, $version: Int!, $name: String!) {
    updatePartner(id: $id, version: $version, input: { legalName: $name }) { id legalName version } }`;

  test.each(CALLERS)('%s updating a partner', async (caller) => {
    const partner = await createPartner(t, tenantA.editor, ref);
    const before = await ownerRow('SELECT legal_name, version FROM partners WHERE id = $1', [partner.id]);
    const result = await t.post(UPDATE, { id: partner.id, version: partner.version, name: `Rinominato da ${caller}` }, as(caller, { inTenant: true }));
    const after = await ownerRow('SELECT legal_name, version FROM partners WHERE id = $1', [partner.id]);
    if (created[caller]) {
      expectAllowed(result);
      expect(after).toEqual({ legal_name: `Rinominato da ${caller}`, version: before!.version + 1 });
    } else {
      expectRefused(result, refusalFor(caller));
      expect(after).toEqual(before);
    }
  });

  const DELETE = `mutation($id: ID!, $version: Int!) { deletePartner(id: $id, version: $version) { id } }`;

  test.each(CALLERS)('%s deleting a partner', async (caller) => {
    const partner = await createPartner(t, tenantA.editor, ref);
    const result = await t.post(DELETE, { id: partner.id, version: partner.version }, as(caller, { inTenant: true }));
    const row = await ownerRow('SELECT id FROM partners WHERE id = $1', [partner.id]);
    if (created[caller]) {
      expectAllowed(result);
      expect(row).toBeUndefined();
    } else {
      expectRefused(result, refusalFor(caller));
      expect(row).toEqual({ id: partner.id });
    }
  });
});

describe('reference data', () => {
  const MEASURES = `query($ids: [ID!]) { measures(filter: { ids: $ids }) { total items { id code } } }`;
  const LOADED = ['AZIONI_RETE_FASE_II', 'AZIONI_RETE_LAVORO', 'COPROGETTAZIONE_ART55', 'RETE_RICOLLOCAZIONE_GOL_P5'];

  test.each(['admin', 'editor', 'analyst', 'regional'] as const)('%s reads measures', async (caller) => {
    const result = await t.post(MEASURES, { ids: LOADED.map((code) => ref.measure(code)) }, as(caller));
    expectAllowed(result);
    expect(result.body.data!.measures.items.map((m: { code: string }) => m.code).sort()).toEqual(LOADED);
  });

  test('anonymous callers cannot read measures', async () => {
    expectRefused(await t.post(MEASURES, { ids: [ref.measure('AZIONI_RETE_FASE_II')] }, as('anonymous')), 'UNAUTHENTICATED');
  });

  test('only an administrator creates and updates reference data', async () => {
    const code = `TIPO_${randomUUID().slice(0, 8).toUpperCase()}`;
    const created = await t.post(`mutation($input: CreatePartnerTypeInput!) { createPartnerType(input: $input) { id version } }`, { input: { code, name: 'Tipo di prova' } }, as('admin'));
    expectAllowed(created);
    const { id, version } = created.body.data!.createPartnerType;
    const updated = await t.post(
      `mutation($id: ID!, $version: Int!) { updatePartnerType(id: $id, version: $version, input: { name: "Rinominato" }) { name } }`,
      { id, version },
      as('admin'),
    );
    expectAllowed(updated);
    expect(await ownerRow('SELECT code, name FROM partner_types WHERE id = $1', [id])).toEqual({ code, name: 'Rinominato' });
    await t.owner.query('DELETE FROM partner_types WHERE id = $1', [id]);
  });

  test.each(['editor', 'analyst', 'regional', 'anonymous'] as const)('%s cannot write reference data', async (caller) => {
    const measureId = ref.measure('AZIONI_RETE_FASE_II');
    const before = await ownerRow('SELECT name, version FROM measures WHERE id = $1', [measureId]);
    const update = await t.post(
      `mutation($id: ID!, $version: Int!) { updateMeasure(id: $id, version: $version, input: { name: "Manomessa" }) { id } }`,
      { id: measureId, version: before!.version },
      as(caller),
    );
    expectRefused(update, refusalFor(caller));
    expect(await ownerRow('SELECT name, version FROM measures WHERE id = $1', [measureId])).toEqual(before);

    const code = `TIPO_${randomUUID().slice(0, 8).toUpperCase()}`;
    const create = await t.post(`mutation($input: CreatePartnerTypeInput!) { createPartnerType(input: $input) { id } }`, { input: { code, name: 'Intruso' } }, as(caller));
    expectRefused(create, refusalFor(caller));
    expect(await ownerRow('SELECT id FROM partner_types WHERE code = $1', [code])).toBeUndefined();
  });
});

describe('tenants', () => {
  const CREATE = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id code } }`;

  test.each(CALLERS)('%s creating a tenant', async (caller) => {
    const code = `T_${randomUUID().slice(0, 8).toUpperCase()}`;
    const result = await t.post(CREATE, { input: { code, name: `Ente ${code}`, kind: 'AMBITO' } }, as(caller));
    const row = await ownerRow('SELECT code FROM tenants WHERE code = $1', [code]);
    if (caller === 'admin') {
      expectAllowed(result);
      expect(row).toEqual({ code });
    } else {
      expectRefused(result, refusalFor(caller));
      expect(row).toBeUndefined();
    }
  });
});

describe('users', () => {
  const LIST = `{ users(perPage: 500) { total items { id email } } }`;
  const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }`;

  test('an administrator lists users', async () => {
    const result = await t.post(LIST, {}, as('admin'));
    expectAllowed(result);
    const emails = result.body.data!.users.items.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining([users.editor.email, users.analyst.email, users.regional.email]));
  });

  test.each(['editor', 'analyst', 'regional', 'anonymous'] as const)('%s cannot list or read users', async (caller) => {
    expectRefused(await t.post(LIST, {}, as(caller)), refusalFor(caller));
    // Not even their own record through user(id); `me` is for that.
    const own = caller === 'anonymous' ? users.editor.id : users[caller].id;
    expectRefused(await t.post(`query($id: ID!) { user(id: $id) { email } }`, { id: own }, as(caller)), refusalFor(caller));
  });

  test.each(CALLERS)('%s creating a user', async (caller) => {
    const email = `nuovo.${randomUUID().slice(0, 8)}@example.it`;
    const input = { email, displayName: 'Nuovo utente', role: 'EDITOR', tenantId: tenantA.id, password: 'una-password-lunga' };
    const result = await t.post(CREATE, { input }, as(caller));
    const row = await ownerRow('SELECT role, tenant_id FROM users WHERE email = $1', [email]);
    if (caller === 'admin') {
      expectAllowed(result);
      expect(row).toEqual({ role: 'EDITOR', tenant_id: tenantA.id });
    } else {
      expectRefused(result, refusalFor(caller));
      expect(row).toBeUndefined();
    }
  });

  test("users' history in the audit trail is for administrators only, like the users themselves", async () => {
    const HISTORY = `query($id: ID!) { auditEvents(filter: { entity: "users", entityId: $id }) { total items { after } } }`;
    // The editor's own user record carries tenant A, so the trail would otherwise file it under A.
    expect(await t.owner.query(`SELECT DISTINCT tenant_id FROM audit_events WHERE entity = 'users' AND entity_id = $1`, [users.editor.id])).toEqual([
      { tenant_id: tenantA.id },
    ]);
    for (const caller of ['editor', 'analyst', 'regional'] as const) {
      const result = await t.post(HISTORY, { id: users.editor.id }, as(caller));
      expectAllowed(result);
      expect([caller, result.body.data!.auditEvents]).toEqual([caller, { total: 0, items: [] }]);
    }
    const forAdmin = await t.post(HISTORY, { id: users.editor.id }, as('admin'));
    expectAllowed(forAdmin);
    // The user's creation, and the password set with it (a credential event: what happened, never the hash).
    const afters = forAdmin.body.data!.auditEvents.items.map((item: { after: Record<string, unknown> }) => item.after);
    expect(afters).toHaveLength(2);
    expect(afters).toEqual(expect.arrayContaining([expect.objectContaining({ email: users.editor.email }), { credential: { password: 'set' } }]));
    for (const after of afters) expect(after).not.toHaveProperty('password_hash');
  });

  test('an editor cannot make themselves an administrator', async () => {
    const { version } = (await ownerRow('SELECT version FROM users WHERE id = $1', [users.editor.id]))!;
    const result = await t.post(
      `mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { role: ADMIN, tenantId: null }) { role } }`,
      { id: users.editor.id, version },
      as('editor'),
    );
    expectRefused(result, 'FORBIDDEN');
    expect(await ownerRow('SELECT role, tenant_id FROM users WHERE id = $1', [users.editor.id])).toEqual({ role: 'EDITOR', tenant_id: tenantA.id });
  });

  test.each(['admin', 'editor', 'analyst', 'regional'] as const)('%s sees their own account with me', async (caller) => {
    const result = await t.post(`{ me { id email role tenantId } }`, {}, as(caller));
    expectAllowed(result);
    expect(result.body.data!.me).toMatchObject({ id: users[caller].id, email: users[caller].email });
  });
});

describe('passwords', () => {
  const CHANGE = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
  const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;
  const REFRESH = `mutation { refreshSession { token } }`;

  test.each([
    ['ADMIN', null],
    ['EDITOR', 'A'],
    ['ANALYST', 'A'],
    ['ANALYST', null],
  ] as const)('a %s (tenant %s) changes their own password', async (role, tenant) => {
    const user = await t.signUp(role, tenant ? tenantA.id : null);
    const next = `nuova-${randomUUID()}`;

    // The current password must be right, and the new one long enough.
    expectRefused(await t.post(CHANGE, { current: 'not-the-password', next }, { token: user.token }), 'BAD_USER_INPUT');
    expectRefused(await t.post(CHANGE, { current: user.password, next: 'short' }, { token: user.token }), 'BAD_USER_INPUT');

    const changed = await t.post(CHANGE, { current: user.password, next }, { token: user.token });
    expectAllowed(changed);
    expect(changed.body.data!.changePassword).toBe(true);

    expectRefused(await t.post(LOGIN, { email: user.email, password: user.password }), 'UNAUTHENTICATED');
    expectAllowed(await t.post(LOGIN, { email: user.email, password: next }));
    // The sessions opened with the old password end.
    expectRefused(await t.post(REFRESH, {}, { cookie: user.cookie }), 'UNAUTHENTICATED');
  });

  test('anonymous callers cannot change a password', async () => {
    expectRefused(await t.post(CHANGE, { current: 'whatever-it-is', next: 'whatever-it-will-be' }), 'UNAUTHENTICATED');
  });

  test('an administrator resets a password with updateUser; nobody else can', async () => {
    const user = await t.signUp('EDITOR', tenantA.id);
    const version = async () => (await ownerRow('SELECT version FROM users WHERE id = $1', [user.id]))!.version as number;
    const RESET = `mutation($id: ID!, $version: Int!, $password: String!) { updateUser(id: $id, version: $version, input: { password: $password }) { id } }`;

    // The user themselves (or any other non-admin) cannot reset it.
    for (const caller of ['editor', 'analyst', 'regional'] as const) {
      expectRefused(await t.post(RESET, { id: user.id, version: await version(), password: 'presa-di-controllo' }, as(caller)), 'FORBIDDEN');
    }
    expectRefused(await t.post(RESET, { id: user.id, version: await version(), password: 'presa-di-controllo' }, { token: user.token }), 'FORBIDDEN');
    await t.login(user.email, user.password); // still the old password

    const reset = `reimpostata-${randomUUID()}`;
    expectAllowed(await t.post(RESET, { id: user.id, version: await version(), password: reset }, as('admin')));
    expectRefused(await t.post(REFRESH, {}, { cookie: user.cookie }), 'UNAUTHENTICATED');
    expectRefused(await t.post(LOGIN, { email: user.email, password: user.password }), 'UNAUTHENTICATED');
    await t.login(user.email, reset);
    // The hash is argon2id; the password itself is never stored.
    const { password_hash } = (await ownerRow('SELECT password_hash FROM reti_private.user_secrets WHERE user_id = $1', [user.id]))!;
    expect(password_hash).toMatch(/^\$argon2id\$/);
    expect(password_hash).not.toContain(reset);
  });

  test('an administrator cannot set a password shorter than 10 characters', async () => {
    const user = await t.signUp('ANALYST', tenantA.id);
    const { version } = (await ownerRow('SELECT version FROM users WHERE id = $1', [user.id]))!;
    const result = await t.gql(admin, `mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { password: "corta" }) { id } }`, { id: user.id, version });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await t.login(user.email, user.password);
  });
});
