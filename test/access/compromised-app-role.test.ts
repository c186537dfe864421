import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { newTenant } from '../helpers/app';
import { testUrls } from '../helpers/env';
import { HttpTestApp, SignedInUser, startHttpApp } from '../helpers/http';
import { createPartner, referenceIds } from '../helpers/factories';
import { actAs, requestKey } from '../helpers/identity';
import { appOpen, signedIdentity } from '../../server/src/db/request-scope';
import { tenantOwnedTables } from '../../server/src/registry';

/**
 * Whoever runs SQL as reti_app (an injection in some resolver, or the app role's password) with any
 * settings they choose: they cannot become reti_admin, read or write another tenant's rows, or mint
 * or reset a credential that works. Every claim is checked against the owner's view or over HTTP.
 */
let t: HttpTestApp;
let A: Awaited<ReturnType<typeof newTenant>>;
let B: Awaited<ReturnType<typeof newTenant>>;
let administrator: SignedInUser;
let editorOfA: SignedInUser;
let app: Client;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ME = `{ me { id role } }`;

beforeAll(async () => {
  t = await startHttpApp();
  const ref = await referenceIds(t);
  A = await newTenant(t);
  B = await newTenant(t);
  await createPartner(t, A.editor, ref);
  await createPartner(t, B.editor, ref);
  administrator = await t.signUp('ADMIN');
  editorOfA = await t.signUp('EDITOR', A.id);
  app = new Client({ connectionString: testUrls.app() });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await t.close();
});

async function rolledBack<T>(work: () => Promise<T>): Promise<T> {
  await app.query('BEGIN');
  try {
    return await work();
  } finally {
    await app.query('ROLLBACK');
  }
}

/** The SQLSTATE a statement fails with, inside a savepoint so the transaction goes on. */
async function sqlState(sql: string, params: unknown[] = []): Promise<string | undefined> {
  await app.query('SAVEPOINT attempt');
  try {
    await app.query(sql, params);
    await app.query('RELEASE SAVEPOINT attempt');
    return undefined;
  } catch (error) {
    await app.query('ROLLBACK TO SAVEPOINT attempt');
    return (error as { code?: string }).code;
  }
}

/** Rows of B the session sees, over every tenant-owned table. */
async function rowsOfB(): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (const table of tenantOwnedTables()) {
    const { rows: [{ n }] } = await app.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [B.id]);
    if (n > 0) seen[table] = n;
  }
  return seen;
}

/** Every setting an attacker would try: B's tenant, all tenants, the administrator's id, and a stamp. */
async function forgeSettings(stamp = 'f'.repeat(64)): Promise<void> {
  await app.query(
    `SELECT set_config('app.tenant_id', $1, true), set_config('app.all_tenants', 'on', true), set_config('app.user_id', $2, true),
            set_config('app.stamp', $3, true)`,
    [B.id, administrator.id, stamp],
  );
}

describe('the administrators’ role', () => {
  test('reti_app is a member of no role, and cannot switch to reti_admin by any setting', async () => {
    const { rows } = await app.query(`SELECT pg_has_role('reti_app', 'reti_admin', 'MEMBER') AS member`);
    expect(rows).toEqual([{ member: false }]);
    await rolledBack(async () => {
      expect(await sqlState(`SELECT set_config('role', 'reti_admin', false)`)).toBe('42501');
      expect(await sqlState('SET ROLE reti_admin')).toBe('42501');
      expect(await sqlState('SET SESSION AUTHORIZATION reti_admin')).toBe('42501');
      expect((await app.query('SELECT current_user AS role')).rows).toEqual([{ role: 'reti_app' }]);
    });
  });

  test('nor read the request key the server signs with', async () => {
    await rolledBack(async () => {
      expect(await sqlState('SELECT request_key()')).toBe('42501');
      expect(await sqlState('SELECT * FROM reti_private.request_key')).toBe('42501');
    });
  });
});

describe("another tenant's rows", () => {
  test('the owner sees rows of B (so the counts below could be positive)', async () => {
    const { n } = (await t.owner.query('SELECT count(*)::int AS n FROM partners WHERE tenant_id = $1', [B.id]))[0];
    expect(n).toBeGreaterThan(0);
  });

  test('settings set by hand, a made-up stamp included, show nothing of B and write nothing there', async () => {
    await rolledBack(async () => {
      await forgeSettings();
      expect(await rowsOfB()).toEqual({});
      expect((await app.query('SELECT count(*)::int AS n FROM users')).rows[0].n).toBe(0);
      expect((await app.query(`UPDATE partners SET legal_name = 'Manomesso' WHERE tenant_id = $1`, [B.id])).rowCount).toBe(0);
      const [partnerType] = await t.owner.query(`SELECT id FROM partner_types LIMIT 1`);
      expect(await sqlState('INSERT INTO partners (tenant_id, legal_name, tax_code, partner_type_id) VALUES ($1, $2, $3, $4)', [B.id, 'Intruso', '12345678903', partnerType.id])).toBe('42501');
    });
  });

  test("inside a request of A's editor, rewriting the settings loses even A", async () => {
    await rolledBack(async () => {
      await actAs(app, { tenantId: A.id, userId: editorOfA.id });
      expect((await app.query('SELECT count(*)::int AS n FROM partners')).rows[0].n).toBeGreaterThan(0);
      const { rows: [{ stamp }] } = await app.query(`SELECT current_setting('app.stamp') AS stamp`);
      // The genuine stamp, kept, with B's tenant (or all tenants) set beside it.
      await forgeSettings(stamp);
      expect(await rowsOfB()).toEqual({});
      expect((await app.query('SELECT count(*)::int AS n FROM partners')).rows[0].n).toBe(0);
    });
  });

  test("a stamp copied from an earlier transaction of A's is worth nothing in the next one", async () => {
    const stamp = await rolledBack(async () => {
      await actAs(app, { tenantId: A.id, userId: editorOfA.id });
      return (await app.query(`SELECT current_setting('app.stamp') AS stamp`)).rows[0].stamp as string;
    });
    await rolledBack(async () => {
      await app.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.all_tenants', '', true), set_config('app.stamp', $3, true)`, [A.id, editorOfA.id, stamp]);
      expect((await app.query('SELECT count(*)::int AS n FROM partners')).rows[0].n).toBe(0);
    });
  });

  test('the checks behind every policy and every opening are PL/pgSQL, planned once per connection, and answer alike in every statement', async () => {
    // As SQL functions with a SET clause they were planned again in every statement that called them (migration 1763700003000).
    const { rows } = await app.query(
      `SELECT n.nspname || '.' || p.proname AS name, l.lanname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
       WHERE (n.nspname, p.proname) IN (('public', 'app_tenant_id'), ('public', 'app_user_id'), ('public', 'app_all_tenants'), ('public', 'app_tenant_kind'), ('reti_private', 'request_mac'))
          OR (p.proname = 'auth_session_live' AND p.pronargs = 3) ORDER BY 1`,
    );
    expect(rows).toEqual(
      ['public.app_all_tenants', 'public.app_tenant_id', 'public.app_tenant_kind', 'public.app_user_id', 'public.auth_session_live', 'reti_private.request_mac'].map((name) => ({ name, lanname: 'plpgsql' })),
    );
    await rolledBack(async () => {
      await actAs(app, { tenantId: A.id, userId: editorOfA.id });
      for (let i = 0; i < 3; i++) {
        expect((await app.query('SELECT app_tenant_id() AS tenant, app_user_id() AS "user", app_all_tenants() AS all, app_tenant_kind() AS kind')).rows[0]).toEqual({
          tenant: A.id, user: editorOfA.id, all: false, kind: expect.any(String),
        });
      }
      await app.query(`SELECT set_config('app.all_tenants', 'on', true)`);
      expect((await app.query('SELECT app_tenant_id() AS tenant, app_user_id() AS "user", app_all_tenants() AS all, app_tenant_kind() AS kind')).rows[0]).toEqual({
        tenant: null, user: null, all: false, kind: null,
      });
    });
  });

  test('app_begin refuses an identity the server did not sign, or signed long ago', async () => {
    const key = await requestKey();
    const forged = [B.id, null, true, Date.now(), 'f'.repeat(64)];
    const otherKey = signedIdentity(new TextEncoder().encode('not-the-key'), { tenantId: B.id, userId: null, allTenants: true });
    const stale = signedIdentity(key, { tenantId: B.id, userId: null, allTenants: true }, Date.now() - 10 * 60_000);
    const tampered = signedIdentity(key, { tenantId: A.id, userId: null, allTenants: false });
    tampered[0] = B.id;
    await rolledBack(async () => {
      for (const params of [forged, otherKey, stale, tampered]) {
        expect(await sqlState('SELECT app_begin($1, $2, $3, $4, $5)', params)).toBe('28000');
        expect(await rowsOfB()).toEqual({});
      }
    });
  });

  test('app_open refuses a signature copied from another session (pg_stat_activity shows its values), and an ended session', async () => {
    const key = await requestKey();
    const { rows: [{ pid }] } = await app.query('SELECT pg_backend_pid() AS pid');
    const allOfThem = { tenantId: null, userId: null, allTenants: true };
    await rolledBack(async () => {
      expect(await sqlState(appOpen(key, allOfThem, undefined, pid + 1))).toBe('28000');
      expect(await rowsOfB()).toEqual({});
      const ended = { epoch: 1, id: randomUUID() };
      expect(await sqlState(appOpen(key, { tenantId: A.id, userId: editorOfA.id, allTenants: false }, ended, pid))).toBe('RT401');
      expect((await app.query('SELECT count(*)::int AS n FROM partners')).rows[0].n).toBe(0);
      // Signed for this session, the same values open it: what was refused above was the other backend.
      expect(await sqlState(appOpen(key, allOfThem, undefined, pid))).toBeUndefined();
      expect(Object.keys(await rowsOfB()).length).toBeGreaterThan(0);
    });
  });
});

describe('credentials', () => {
  const secret = () => `reti_pat_${randomUUID()}`;
  const FIFTY_YEARS = `now() + interval '50 years'`;

  async function works(token: string): Promise<boolean> {
    const result = await t.post(ME, {}, { token });
    return result.status === 200 && Boolean(result.body.data?.me);
  }

  test("the administrator's API token, minted with forged settings, is not created and does not work", async () => {
    const token = secret();
    await app.query('BEGIN');
    try {
      await forgeSettings();
      const { rows } = await app.query(`SELECT * FROM auth_create_api_token($1, 'x', $2, ${FIFTY_YEARS})`, [administrator.id, sha256(token)]);
      expect(rows).toEqual([]);
      await app.query('COMMIT');
    } catch (error) {
      await app.query('ROLLBACK');
      throw error;
    }
    expect(await works(token)).toBe(false);
    const { n } = (await t.owner.query('SELECT count(*)::int AS n FROM reti_private.api_tokens WHERE token_hash = $1', [sha256(token)]))[0];
    expect(n).toBe(0);
  });

  test("inside an editor's request: no token for anyone else, none past the API's longest lifetime", async () => {
    await rolledBack(async () => {
      await actAs(app, { tenantId: A.id, userId: editorOfA.id });
      const forAdmin = await app.query(`SELECT * FROM auth_create_api_token($1, 'x', $2, now() + interval '1 day')`, [administrator.id, sha256(secret())]);
      expect(forAdmin.rows).toEqual([]);
      expect(await sqlState(`SELECT * FROM auth_create_api_token($1, 'x', $2, ${FIFTY_YEARS})`, [editorOfA.id, sha256(secret())])).toBe('22023');
      expect((await app.query('SELECT * FROM auth_api_tokens($1)', [administrator.id])).rows).toEqual([]);
    });
  });

  test("passwords: reti_app can set nobody's, and changes only the signed-in user's own", async () => {
    const [{ password_hash: before }] = await t.owner.query('SELECT password_hash FROM reti_private.user_secrets WHERE user_id = $1', [administrator.id]);
    await rolledBack(async () => {
      await forgeSettings();
      expect(await sqlState('SELECT auth_set_password($1, $2)', [administrator.id, before])).toBe('42501');
      const { rows: [{ setting }] } = await app.query('SELECT auth_user_setting($1) AS setting', [administrator.id]);
      expect(setting).toBeNull();
      // Even with the right candidate, a password change for someone else is refused.
      const { rows: [{ changed }] } = await app.query('SELECT auth_change_password($1, $2, $3, false) AS changed', [administrator.id, before, before]);
      expect(changed).toBe(false);
    });
    expect(await works(administrator.token)).toBe(true);
  });

  test('a token the user creates over HTTP is audited, for administrators to read', async () => {
    const created = await t.post(
      `mutation($expiresAt: DateTimeISO!) { createApiToken(name: "script", expiresAt: $expiresAt) { apiToken { id } } }`,
      { expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      { token: editorOfA.token },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data!.createApiToken.apiToken.id;
    const audited = await t.owner.query(`SELECT actor_id, entity, entity_id, after FROM audit_events WHERE entity_id = $1 AND after -> 'credential' ->> 'id' = $2`, [editorOfA.id, id]);
    expect(audited).toEqual([{ actor_id: editorOfA.id, entity: 'users', entity_id: editorOfA.id, after: { credential: expect.objectContaining({ apiToken: 'created', id }) } }]);
  });
});
