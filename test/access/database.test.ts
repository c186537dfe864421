import { Client } from 'pg';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { must, orgTaxCode, ReferenceIds, referenceIds, seedNetworks } from '../helpers/factories';
import { testUrls } from '../helpers/env';
import { actAs } from '../helpers/identity';
import { tenantOwnedTables } from '../../server/src/registry';
import { Principal } from '../../server/src/common/request';

/**
 * The database's own defences, asked directly in SQL as the role the app signs in as. They must
 * hold even if the application code forgot a tenant filter or a role check.
 */
// Co-design tables cross tenants by design (the Ambito reads the proposals bodies submit to its
// calls): test/access/codesign.test.ts checks who sees what there. The catalog test covers them all.
const TENANT_TABLES = tenantOwnedTables().filter((table) => !table.startsWith('codesign_'));

let t: TestApp;
let ref: ReferenceIds;
let A: Awaited<ReturnType<typeof newTenant>>;
let B: Awaited<ReturnType<typeof newTenant>>;
let app: Client;
/** Signed in as reti_admin, as administrators' requests are. */
let adminClient: Client;

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  A = await newTenant(t);
  B = await newTenant(t);
  for (const [tenant, networks] of [[A, 2], [B, 1]] as const) {
    const [network] = await seedNetworks(t, tenant.editor, networks);
    const enrolment = await must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
      input: { networkId: network, taxCode: 'VRDGPP80A01F205X', kind: 'SUSPENDED', enrolledOn: '2021-03-01' },
    });
    const pact = await must(t, tenant.editor, `mutation { createCompetencePact(input: { name: "Patto", territory: "Provincia" }) { id } }`);
    const [partner] = (await t.gql(tenant.editor, `{ partners(perPage: 1) { items { id } } }`)).data!.partners.items;
    const [coaching] = await t.owner.query(`SELECT t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_FASE_II' AND t.code = 'COACHING'`);
    await must(t, tenant.editor, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id } }`, {
      input: { enrolmentId: enrolment.id, serviceTypeId: coaching.id, partnerId: partner.id, serviceDate: '2021-04-01', hours: 2, amount: '60.00' },
    });
    await must(t, tenant.editor, `mutation($input: CreateAccountLineInput!) { createAccountLine(input: $input) { id } }`, {
      input: { networkId: network, serviceTypeId: coaching.id, plannedAmount: '1000.00' },
    });
    await must(t, tenant.editor, `mutation($input: CreateProjectSheetInput!) { createProjectSheet(input: $input) { id } }`, {
      input: { networkId: network, applicationDate: '2021-02-25' },
    });
    await must(t, tenant.editor, `mutation($input: CreatePactSignatoryInput!) { createPactSignatory(input: $input) { id } }`, {
      input: { pactId: pact.id, partnerId: partner.id },
    });
  }
  app = new Client({ connectionString: testUrls.app() });
  await app.connect();
  adminClient = new Client({ connectionString: testUrls.admin() });
  await adminClient.connect();
});
afterAll(async () => {
  await app.end();
  await adminClient.end();
  await t.close();
});

/** Runs `work` in a transaction that is always rolled back. */
async function rolledBack<T>(work: () => Promise<T>, client = app): Promise<T> {
  await client.query('BEGIN');
  try {
    return await work();
  } finally {
    await client.query('ROLLBACK');
  }
}

/** The SQLSTATE a statement fails with, inside a savepoint so the transaction goes on. */
async function sqlState(sql: string, params: unknown[] = [], client = app): Promise<string | undefined> {
  await client.query('SAVEPOINT attempt');
  try {
    await client.query(sql, params);
    await client.query('RELEASE SAVEPOINT attempt');
    return undefined;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT attempt');
    return (error as { code?: string }).code;
  }
}

async function ownerCount(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  return (await t.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;
}

const count = async (table: string, client = app) => (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;

function partnerValues(tenantId: string): unknown[] {
  return [tenantId, 'Inserito a mano', orgTaxCode(), ref.partnerType('CPI')];
}
const INSERT_PARTNER = 'INSERT INTO partners (tenant_id, legal_name, tax_code, partner_type_id) VALUES ($1, $2, $3, $4)';

describe('row-level security as reti_app', () => {
  test('fails closed: with no tenant set, no tenant row is visible and none can be written', async () => {
    await rolledBack(async () => {
      for (const table of TENANT_TABLES) {
        expect(await ownerCount(table, 'tenant_id IN ($1, $2)', [A.id, B.id])).toBeGreaterThan(0);
        expect([table, await count(table)]).toEqual([table, 0]);
      }
      expect(await sqlState(INSERT_PARTNER, partnerValues(A.id))).toBe('42501');
      expect((await app.query(`UPDATE partners SET legal_name = 'Manomesso' WHERE tenant_id = $1`, [A.id])).rowCount).toBe(0);
      expect((await app.query('DELETE FROM network_members WHERE tenant_id = $1', [A.id])).rowCount).toBe(0);
    });
    expect(await ownerCount('partners', `tenant_id = $1 AND legal_name = 'Manomesso'`, [A.id])).toBe(0);
  });

  test("with the identity of a request of A, only A's rows are visible and writes stay in A", async () => {
    await rolledBack(async () => {
      await actAs(app, { tenantId: A.id });
      for (const table of TENANT_TABLES) {
        const { rows } = await app.query(`SELECT DISTINCT tenant_id FROM ${table}`);
        expect([table, rows]).toEqual([table, [{ tenant_id: A.id }]]);
        expect([table, await count(table)]).toEqual([table, await ownerCount(table, 'tenant_id = $1', [A.id])]);
      }
      // Writing B's rows: refused on insert, invisible on update and delete.
      expect(await sqlState(INSERT_PARTNER, partnerValues(B.id))).toBe('42501');
      expect((await app.query(`UPDATE partners SET legal_name = 'Manomesso' WHERE tenant_id = $1`, [B.id])).rowCount).toBe(0);
      expect((await app.query('DELETE FROM allocations WHERE tenant_id = $1', [B.id])).rowCount).toBe(0);
      // A row of A cannot be handed over to B.
      expect(await sqlState('UPDATE partners SET tenant_id = $1', [B.id])).toBe('42501');
      // The same insert into A is accepted: the refusals above are about the tenant, nothing else.
      expect(await sqlState(INSERT_PARTNER, partnerValues(A.id))).toBeUndefined();
    });
    expect(await ownerCount('partners', `legal_name IN ('Manomesso', 'Inserito a mano')`)).toBe(0);
  });

  test('a request reading all tenants reads every tenant but writes none', async () => {
    await rolledBack(async () => {
      await actAs(app, { allTenants: true });
      const { rows } = await app.query('SELECT DISTINCT tenant_id FROM partners WHERE tenant_id IN ($1, $2) ORDER BY tenant_id', [A.id, B.id]);
      expect(rows.map((r) => r.tenant_id)).toEqual([A.id, B.id].sort());
      expect(await sqlState(INSERT_PARTNER, partnerValues(A.id))).toBe('42501');
      expect((await app.query(`UPDATE partners SET legal_name = 'Manomesso' WHERE tenant_id = $1`, [A.id])).rowCount).toBe(0);
      expect((await app.query('DELETE FROM network_companies WHERE tenant_id IN ($1, $2)', [A.id, B.id])).rowCount).toBe(0);
    });
  });

  test("a request's identity ends with its transaction", async () => {
    await app.query('BEGIN');
    await actAs(app, { tenantId: A.id, allTenants: true });
    expect(await count('partners')).toBeGreaterThan(0);
    await app.query('COMMIT');
    expect(await count('partners')).toBe(0);
  });
});

describe('grants as reti_app', () => {
  test('reti_app cannot write reference data; reti_admin (administrators’ own pool) can', async () => {
    const measureId = ref.measure('AZIONI_RETE_FASE_II');
    const before = (await t.owner.query('SELECT name, version FROM measures WHERE id = $1', [measureId]))[0];
    await rolledBack(async () => {
      expect(await sqlState(`UPDATE measures SET name = 'Manomessa' WHERE id = $1`, [measureId])).toBe('42501');
      expect(await sqlState(`INSERT INTO partner_types (code, name) VALUES ('INTRUSO', 'Intruso')`)).toBe('42501');
      expect(await sqlState(`INSERT INTO tenants (code, name, kind) VALUES ('T_INTRUSO', 'Intruso', 'AMBITO')`)).toBe('42501');
      expect(await sqlState('DELETE FROM fund_sources')).toBe('42501');
      // Users: no column at all, least of all the role or the tenant.
      expect(await sqlState(`UPDATE users SET role = 'ADMIN', tenant_id = NULL`)).toBe('42501');
      expect(await sqlState(`INSERT INTO users (email, display_name, role) VALUES ('x@example.it', 'X', 'ADMIN')`)).toBe('42501');

    });
    await rolledBack(async () => {
      const updated = await adminClient.query(`UPDATE measures SET name = 'Cambiata dall''admin' WHERE id = $1`, [measureId]);
      expect(updated.rowCount).toBe(1);
    }, adminClient);
    expect((await t.owner.query('SELECT name, version FROM measures WHERE id = $1', [measureId]))[0]).toEqual(before);
  });

  test('reti_admin does not bypass row-level security', async () => {
    await rolledBack(async () => {
      expect(await count('partners', adminClient)).toBe(0);
      expect(await sqlState(INSERT_PARTNER, partnerValues(A.id), adminClient)).toBe('42501');
    }, adminClient);
  });

  test('reti_app cannot become the owner, nor reti_admin', async () => {
    const owner = decodeURIComponent(new URL(testUrls.owner()).username);
    await rolledBack(async () => {
      expect(await sqlState('SET LOCAL ROLE reti_admin')).toBe('42501');
      expect(await sqlState(`SET LOCAL ROLE "${owner}"`)).toBe('42501');
      expect(await sqlState(`SET LOCAL SESSION AUTHORIZATION "${owner}"`)).toBe('42501');
    });
  });

  test('the audit trail is append-only for both app roles', async () => {
    expect(await ownerCount('audit_events', 'tenant_id = $1', [A.id])).toBeGreaterThan(0);
    for (const [role, client] of [['reti_app', app], ['reti_admin', adminClient]] as const) {
      await rolledBack(async () => {
        await actAs(client, { tenantId: A.id });
        expect([role, await sqlState('DELETE FROM audit_events', [], client)]).toEqual([role, '42501']);
        expect([role, await sqlState(`UPDATE audit_events SET action = 'INSERT'`, [], client)]).toEqual([role, '42501']);
        expect([role, await sqlState(`INSERT INTO audit_events (entity, entity_id, action) VALUES ('partners', gen_random_uuid(), 'INSERT')`, [], client)]).toEqual([role, '42501']);
      }, client);
    }
  });
});

describe('catalog', () => {
  test('every table with a tenant_id, except users, has row-level security enabled, forced and with a tenant policy', async () => {
    const tables: { table: string; rls: boolean; forced: boolean; nullable: boolean }[] = await t.owner.query(`
      SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced, NOT a.attnotnull AS nullable
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'p')
      ORDER BY 1`);
    // users.tenant_id is nullable and global: it says where an editor or analyst works, and users
    // are read by administrators only. audit_events.tenant_id is nullable too (changes to global
    // records), but the trail is read per tenant, so it has row-level security like tenant tables.
    expect(tables.filter((r) => r.nullable).map((r) => r.table).sort()).toEqual(['audit_events', 'users']);
    const guarded = tables.filter((r) => r.table !== 'users');
    // Found from the catalog, so a table added later is checked without being listed here.
    const tenantOwned = tables.filter((r) => !r.nullable).map((r) => r.table);
    expect(tenantOwned).toEqual(expect.arrayContaining(TENANT_TABLES));

    const policies: { table: string; cmd: string; qual: string | null; with_check: string | null }[] = await t.owner.query(
      `SELECT tablename AS table, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public'`,
    );
    for (const { table, rls, forced } of guarded) {
      expect({ table, rls, forced }).toEqual({ table, rls: true, forced: true });
      const own = policies.filter((p) => p.table === table);
      expect([table, own.some((p) => p.qual?.includes('app_tenant_id()'))]).toEqual([table, true]);
    }
    // On tenant-owned tables the one policy that lets rows in checks the tenant.
    for (const table of tenantOwned) {
      const writable = policies.filter((p) => p.table === table && ['ALL', 'INSERT', 'UPDATE'].includes(p.cmd));
      // Asked once per statement (an InitPlan) on the tables migration 1763700001201 found; policies written since may ask per row.
      expect([table, writable.map((p) => p.with_check?.replace('( SELECT app_tenant_id() AS app_tenant_id)', 'app_tenant_id()'))]).toEqual([table, ['(tenant_id = app_tenant_id())']]);
    }
  });

  test.each(['reti_app', 'reti_admin'])('%s is no superuser, cannot bypass RLS and owns nothing', async (role) => {
    const [row] = await t.owner.query(
      `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin, rolinherit FROM pg_roles WHERE rolname = $1`,
      [role],
    );
    expect(row).toMatchObject({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    // Both sign in: reti_admin on the administrators' own pool.
    expect(row).toMatchObject({ rolcanlogin: true, rolinherit: false });
    expect(await t.owner.query(`SELECT tablename FROM pg_tables WHERE tableowner = $1`, [role])).toEqual([]);
    const owned = await t.owner.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = $1
       UNION ALL
       SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = $1`,
      [role],
    );
    expect(owned).toEqual([]);
  });

  test('neither app role is a member of any role, nor has any member', async () => {
    const rows = await t.owner.query(
      `SELECT g.rolname AS granted, u.rolname AS member FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
       WHERE u.rolname IN ('reti_app', 'reti_admin') OR g.rolname IN ('reti_app', 'reti_admin')`,
    );
    expect(rows).toEqual([]);
  });
});

describe('connection pool', () => {
  test('200 interleaved requests of two tenants on a pool of 2 never see each other’s rows', async () => {
    const small = await startTestApp(2);
    try {
      // Every partner of the tenant (3), each with its networks' members and allocations: within the query budget.
      const QUERY = `{ partners(perPage: 10) { total items { id tenantId networks { tenantId members { tenantId partner { tenantId } } allocations { tenantId } } } } }`;
      const expected = new Map<string, number>();
      for (const tenant of [A, B]) expected.set(tenant.id, await ownerCount('partners', 'tenant_id = $1', [tenant.id]));
      const regional: Principal = { userId: null, role: 'ANALYST', tenantId: null };

      const requests = Array.from({ length: 200 }, async (_, i) => {
        const tenant = i % 2 === 0 ? A : B;
        // Every tenth request is someone else: an administrator (reti_admin, all tenants), a regional
        // analyst (all tenants, read only) or a failing write; none of it may stick to the connection.
        if (i % 10 === 3) await small.gql(admin, `{ partners(perPage: 1) { total } }`);
        if (i % 10 === 5) await small.gql(regional, `{ networks(perPage: 1) { total } }`);
        if (i % 10 === 7) {
          // A write the database refuses (unknown partner type): the savepoint rolls back, the request goes on.
          const failed = await small.gql(tenant.editor, `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`, {
            input: { legalName: 'Respinto', taxCode: orgTaxCode(), partnerTypeId: '00000000-0000-4000-8000-000000000000' },
          });
          expect(failed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        }
        const result = await small.gql(tenant.editor, QUERY);
        return { tenant: tenant.id, result };
      });
      const responses = await Promise.all(requests);

      for (const { tenant, result } of responses) {
        expect(result.errors).toBeUndefined();
        expect(result.data!.partners.total).toBe(expected.get(tenant));
        expect(result.data!.partners.items).toHaveLength(expected.get(tenant)!);
        const tenantIds = [...JSON.stringify(result.data).matchAll(/"tenantId":"([^"]+)"/g)].map((m) => m[1]);
        expect(new Set(tenantIds)).toEqual(new Set([tenant]));
      }

      // Whatever the requests did, the pooled connections are back to the bare app role.
      const idle = await Promise.all(
        Array.from({ length: 4 }, () =>
          small.dataSource.query(
            `SELECT current_user AS role, coalesce(current_setting('app.tenant_id', true), '') AS tenant,
                    coalesce(current_setting('app.all_tenants', true), '') AS all_tenants, (SELECT count(*)::int FROM partners) AS visible`,
          ),
        ),
      );
      for (const [row] of idle) expect(row).toEqual({ role: 'reti_app', tenant: '', all_tenants: '', visible: 0 });
    } finally {
      await small.close();
    }
  });
});

describe('credentials as reti_app', () => {
  const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email } }`;
  let users: { id: string; email: string }[];

  beforeAll(async () => {
    users = [];
    for (const role of ['EDITOR', 'ANALYST']) {
      const email = `segreti.${role.toLowerCase()}.${Date.now()}@example.it`;
      const created = await t.gql(admin, CREATE_USER, { input: { email, displayName: 'Segreti', role, tenantId: A.id, password: 'una-password-lunga' } });
      expect(created.errors).toBeUndefined();
      users.push(created.data!.createUser);
    }
  });

  test('no column holding a password hash or a token hash is readable by either app role', async () => {
    const readable = await t.owner.query(`
      SELECT n.nspname || '.' || c.relname || '.' || a.attname AS column, r.role
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      CROSS JOIN (VALUES ('reti_app'), ('reti_admin')) AS r(role)
      WHERE a.attname IN ('password_hash', 'token_hash') AND NOT a.attisdropped AND c.relkind = 'r'
        AND has_schema_privilege(r.role, n.oid, 'USAGE') AND has_column_privilege(r.role, c.oid, a.attnum, 'SELECT')`);
    expect(readable).toEqual([]);
    expect(await ownerCount('reti_private.user_secrets', 'user_id = ANY($1)', [users.map((u) => u.id)])).toBe(2);
  });

  test.each(['reti_app', 'reti_admin'])('%s cannot read reti_private, nor find the credentials tables in public', async (role) => {
    const client = role === 'reti_app' ? app : adminClient;
    await rolledBack(async () => {
      for (const table of ['user_secrets', 'api_tokens', 'refresh_tokens', 'login_attempts', 'request_key']) {
        expect([table, await sqlState(`SELECT * FROM reti_private.${table}`, [], client)]).toEqual([table, '42501']);
        expect([table, await sqlState(`SELECT * FROM public.${table}`, [], client)]).toEqual([table, '42P01']);
      }
    }, client);
  });

  test("users: the app role sees only the request's own user, whatever tenant is set; administrators see all", async () => {
    await rolledBack(async () => {
      await actAs(app, { tenantId: A.id, allTenants: true });
      expect(await count('users')).toBe(0);
    });
    await rolledBack(async () => {
      await actAs(app, { tenantId: A.id, userId: users[0].id });
      expect((await app.query('SELECT id FROM users')).rows).toEqual([{ id: users[0].id }]);
      expect(await sqlState(`UPDATE users SET display_name = 'Io' WHERE id = $1`, [users[0].id])).toBe('42501');
    });
    expect(await count('users', adminClient)).toBe(await ownerCount('users'));
  });

  test('the functions the app calls hand out a salt, never the hash, and sign in only with the right candidate', async () => {
    const [{ password_hash: stored }] = await t.owner.query('SELECT password_hash FROM reti_private.user_secrets WHERE user_id = $1', [users[0].id]);
    await rolledBack(async () => {
      const { rows: [{ setting }] } = await app.query('SELECT auth_login_setting($1) AS setting', [users[0].email]);
      expect(stored.startsWith(`${setting}$`)).toBe(true);
      expect(setting).not.toContain(stored.slice(stored.lastIndexOf('$') + 1));
      const signIn = `SELECT * FROM auth_sign_in(NULL, $1, $2, 'h-' || gen_random_uuid(), '1 day')`;
      expect((await app.query(signIn, [users[0].email, `${setting}$AAAA`])).rows).toEqual([]);
      expect((await app.query(signIn, [users[0].email, stored])).rows).toEqual([expect.objectContaining({ user_id: users[0].id })]);
      // Setting a password is for administrators' requests only.
      expect(await sqlState('SELECT auth_set_password($1, $2)', [users[0].id, stored])).toBe('42501');
    });
  });
});

describe('SECURITY DEFINER functions as reti_app', () => {
  test('every one pins search_path to pg_catalog, public, pg_temp', async () => {
    const definers: { name: string; config: string[] | null }[] = await t.owner.query(
      `SELECT p.oid::regprocedure::text AS name, p.proconfig AS config FROM pg_proc p
       WHERE p.prosecdef AND p.pronamespace IN ('public'::regnamespace, (SELECT oid FROM pg_namespace WHERE nspname = 'reti_private'))`,
    );
    expect(definers.map((d) => d.name)).toEqual(expect.arrayContaining(['audit_row()', 'fund_source_committed(uuid,boolean)', 'exclusive_overlaps(uuid[])']));
    for (const { name, config } of definers) expect([name, config]).toEqual([name, ['search_path=pg_catalog, public, pg_temp']]);
  });

  test('the app role cannot create a temporary table to shadow audit_events', async () => {
    await rolledBack(async () => {
      expect(await sqlState('CREATE TEMP TABLE audit_events (LIKE public.audit_events)')).toBe('42501');
    });
  });

  test('even with a temporary audit_events in the session, the audit trigger writes the real one', async () => {
    const session = new Client({ connectionString: testUrls.owner() });
    await session.connect();
    try {
      await session.query('BEGIN');
      await session.query('CREATE TEMP TABLE audit_events (LIKE public.audit_events INCLUDING DEFAULTS) ON COMMIT DROP');
      const before = (await session.query('SELECT count(*)::int AS n FROM public.audit_events WHERE tenant_id = $1', [A.id])).rows[0].n;
      await session.query('SET LOCAL ROLE reti_app');
      await actAs(session, { tenantId: A.id });
      const updated = await session.query(`UPDATE partners SET legal_name = legal_name || ' (audit)' WHERE tenant_id = $1`, [A.id]);
      expect(updated.rowCount).toBeGreaterThan(0);
      await session.query('RESET ROLE');
      expect((await session.query('SELECT count(*)::int AS n FROM pg_temp.audit_events')).rows[0].n).toBe(0);
      const after = (await session.query('SELECT count(*)::int AS n FROM public.audit_events WHERE tenant_id = $1', [A.id])).rows[0].n;
      expect(after - before).toBe(updated.rowCount);
    } finally {
      await session.query('ROLLBACK');
      await session.end();
    }
  });
});

describe('column grants as reti_app', () => {
  test('the key, the tenant of an existing row, the version and created_at cannot be written', async () => {
    await rolledBack(async () => {
      await actAs(app, { tenantId: A.id });
      for (const assignment of ['tenant_id = tenant_id', 'id = gen_random_uuid()', 'version = 1', 'created_at = now()']) {
        expect([assignment, await sqlState(`UPDATE partners SET ${assignment} WHERE tenant_id = $1`, [A.id])]).toEqual([assignment, '42501']);
      }
      for (const [column, value] of [['id', 'gen_random_uuid()'], ['version', '7'], ['created_at', `'2020-01-01'`]]) {
        const sql = `INSERT INTO partners (tenant_id, legal_name, tax_code, partner_type_id, ${column}) VALUES ($1, $2, $3, $4, ${value})`;
        expect([column, await sqlState(sql, partnerValues(A.id))]).toEqual([column, '42501']);
      }
      // What the API does write still works, and the database bumps the version itself.
      const { rows: [inserted] } = await app.query(`${INSERT_PARTNER} RETURNING id, version`, partnerValues(A.id));
      expect(inserted.version).toBe(1);
      const { rows: [updated] } = await app.query(`UPDATE partners SET legal_name = 'Rinominato' WHERE tenant_id = $1 AND id = $2 RETURNING version`, [A.id, inserted.id]);
      expect(updated.version).toBe(2);
    });
  });

  test('administrators write reference data without touching ids or versions', async () => {
    const measureId = ref.measure('AZIONI_RETE_FASE_II');
    await rolledBack(async () => {
      expect(await sqlState('UPDATE measures SET version = 1 WHERE id = $1', [measureId], adminClient)).toBe('42501');
      expect(await sqlState(`INSERT INTO partner_types (id, code, name) VALUES (gen_random_uuid(), 'INTRUSO', 'Intruso')`, [], adminClient)).toBe('42501');
      expect(await sqlState(`UPDATE users SET session_epoch = 1`, [], adminClient)).toBe('42501');
      expect((await adminClient.query(`UPDATE measures SET name = name WHERE id = $1`, [measureId])).rowCount).toBe(1);
    }, adminClient);
  });

  test('catalog: on every versioned table the app roles write only the columns a request may set', async () => {
    const offending = await t.owner.query(`
      SELECT c.relname AS table, r.role, a.attname AS column, p.privilege
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      CROSS JOIN (VALUES ('reti_app'), ('reti_admin')) AS r(role) CROSS JOIN (VALUES ('INSERT'), ('UPDATE')) AS p(privilege)
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
        AND EXISTS (SELECT FROM pg_attribute v WHERE v.attrelid = c.oid AND v.attname = 'version')
        AND has_column_privilege(r.role, c.oid, a.attnum, p.privilege)
        AND (a.attname IN ('id', 'version', 'created_at', 'session_epoch')
          OR (p.privilege = 'UPDATE' AND a.attname = 'tenant_id' AND a.attnotnull))
      ORDER BY 1, 2, 3, 4`);
    expect(offending).toEqual([]);
  });
});
