import { Client } from 'pg';
import { testUrls } from '../helpers/env';
import { tenantOwnedTables } from '../../server/src/registry';

/*
 * Every key of a tenant-owned table carries tenant_id, so that the schema can be distributed by
 * tenant (Citus, docs/scaling.md): a distributed table's primary key, unique constraints and unique
 * indexes must include the distribution column, and a foreign key between two distributed tables
 * must join on it. It also keeps one tenant's rows from ever pointing at another's.
 *
 * A table is tenant-owned when its tenant_id is NOT NULL. users and audit_events have a nullable
 * tenant_id (administrators, regional analysts and reference-data changes belong to no tenant).
 */
const VIOLATIONS = `
WITH owned AS (
  SELECT c.oid, a.attnum
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull AND NOT a.attisdropped
  WHERE n.nspname IN ('public', 'reti_private') AND c.relkind IN ('r', 'p')
)
SELECT c.oid::regclass::text || ': no primary key' AS violation
FROM owned c
WHERE NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')
UNION ALL
SELECT i.indrelid::regclass::text || ': ' || i.indexrelid::regclass::text || ' (' || CASE WHEN i.indisprimary THEN 'primary key' ELSE 'unique' END || ') lacks tenant_id'
FROM pg_index i
JOIN owned c ON c.oid = i.indrelid
WHERE i.indisunique AND NOT c.attnum = ANY (i.indkey::int2[])
UNION ALL
SELECT f.conrelid::regclass::text || ': foreign key ' || f.conname || ' to ' || f.confrelid::regclass::text || ' does not join on tenant_id'
FROM pg_constraint f
JOIN owned c ON c.oid = f.conrelid
JOIN owned r ON r.oid = f.confrelid
WHERE f.contype = 'f'
  AND NOT EXISTS (SELECT FROM unnest(f.conkey, f.confkey) AS pair(mine, theirs) WHERE pair.mine = c.attnum AND pair.theirs = r.attnum)
UNION ALL
SELECT f.conrelid::regclass::text || ': foreign key ' || f.conname || ' points into the tenant-owned ' || f.confrelid::regclass::text
FROM pg_constraint f
JOIN owned r ON r.oid = f.confrelid
WHERE f.contype = 'f' AND f.conrelid NOT IN (SELECT oid FROM owned)
ORDER BY 1`;

/**
 * Co-design crosses tenants by design (seed 004): a third-sector body's proposal answers an ambito's
 * call, and the ambito's evaluators score it. docs/scaling.md says how these tables distribute.
 */
const CROSS_TENANT_BY_DESIGN = [
  'codesign_proposals: foreign key fk_codesign_proposals__call_id to codesign_calls does not join on tenant_id',
  'codesign_scores: foreign key fk_codesign_scores__proposal_id to codesign_proposals does not join on tenant_id',
];

const OWNED = `
SELECT c.relname AS name FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull AND NOT a.attisdropped
WHERE n.nspname IN ('public', 'reti_private') AND c.relkind IN ('r', 'p')`;

let owner: Client;

beforeAll(async () => {
  owner = new Client({ connectionString: testUrls.owner() });
  await owner.connect();
});
afterAll(() => owner.end());

const violations = async () => (await owner.query(VIOLATIONS)).rows.map((row) => row.violation as string).filter((v) => !CROSS_TENANT_BY_DESIGN.includes(v));

test('the catalog finds every table the entities call tenant-owned', async () => {
  const owned = (await owner.query(OWNED)).rows.map((row) => row.name as string);
  expect(owned).toEqual(expect.arrayContaining(tenantOwnedTables()));
});

test('every primary key, unique constraint, unique index and foreign key between tenant-owned tables includes tenant_id', async () => {
  expect(await violations()).toEqual([]);
});

test('a table added without tenant_id in its keys is flagged', async () => {
  await owner.query('BEGIN');
  try {
    await owner.query(`
      CREATE TABLE bad_parents (tenant_id uuid NOT NULL, id uuid PRIMARY KEY, code text UNIQUE);
      CREATE UNIQUE INDEX bad_parents_by_name ON bad_parents (lower(code)) WHERE code IS NOT NULL;
      CREATE TABLE bad_children (tenant_id uuid NOT NULL, id uuid, parent_id uuid REFERENCES bad_parents (id), PRIMARY KEY (tenant_id, id));
      CREATE TABLE bad_keyless (tenant_id uuid NOT NULL, id uuid);
      CREATE TABLE bad_reference (id uuid PRIMARY KEY, tenant_id uuid, partner_id uuid, FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id));
    `);
    expect(await violations()).toEqual([
      'bad_children: foreign key bad_children_parent_id_fkey to bad_parents does not join on tenant_id',
      'bad_keyless: no primary key',
      'bad_parents: bad_parents_by_name (unique) lacks tenant_id',
      'bad_parents: bad_parents_code_key (unique) lacks tenant_id',
      'bad_parents: bad_parents_pkey (primary key) lacks tenant_id',
      'bad_reference: foreign key bad_reference_tenant_id_partner_id_fkey points into the tenant-owned partners',
    ]);
  } finally {
    await owner.query('ROLLBACK');
  }
});
