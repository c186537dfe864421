import { Client } from 'pg';
import { hashPassword } from '../../server/src/common/crypto';

/** How much data the bench builds. Per tenant, except allocations, which spread over all networks. */
export interface Scale {
  tenants: number;
  networksPerTenant: number;
  partnersPerTenant: number;
  companiesPerTenant: number;
  membersPerNetwork: number;
  companiesPerNetwork: number;
  allocations: number;
}

/** `full` is the dataset of the performance issue: 5,004 networks, 50,004 partners, 150,120 members, 10,008 companies, 100,000 allocations. */
export const SCALES: Record<'small' | 'full', Scale> = {
  small: { tenants: 12, networksPerTenant: 100, partnersPerTenant: 1000, companiesPerTenant: 200, membersPerNetwork: 30, companiesPerNetwork: 2, allocations: 20_000 },
  full: { tenants: 12, networksPerTenant: 417, partnersPerTenant: 4167, companiesPerTenant: 834, membersPerNetwork: 30, companiesPerNetwork: 2, allocations: 100_000 },
};

export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_USERS = { editor: 'editor@bench.reti.local', regionalAnalyst: 'analyst@bench.reti.local' };

export interface Dataset {
  /** The tenant the editor works in (the first one). */
  tenantId: string;
  /** A network of that tenant, for the one-network query. */
  networkId: string;
  counts: Record<string, number>;
}

/**
 * Builds the bench data as the schema owner, one set-based INSERT per table, with every
 * constraint, foreign key and audit trigger in force. Deterministic: every value and every id
 * derives from the row's number (ids are the md5 of a label), so two runs build the same database.
 */
export async function generateData(ownerUrl: string, scale: Scale): Promise<Dataset> {
  const { tenants, networksPerTenant: N, partnersPerTenant: P, companiesPerTenant: C, membersPerNetwork: M, companiesPerNetwork: K, allocations: A } = scale;
  if (M > P || K > C) throw new Error('A network cannot have more members or companies than its tenant has partners or companies');
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    await db.query(`SET synchronous_commit = off`);
    await db.query(`
      -- A pseudo-random fraction in [0, 1) from a row number and a salt (multiplicative hashing): no seed to keep, same every run.
      CREATE FUNCTION pg_temp.u(n bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE AS
        $$ SELECT ((n * 2654435761 + salt * 40503) % 4294967296) / 4294967296.0 $$;
      -- A version-4-shaped uuid from a label (Reti accepts RFC 4122 ids only).
      CREATE FUNCTION pg_temp.id(label text) RETURNS uuid LANGUAGE sql IMMUTABLE AS
        $$ SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid FROM md5(label) h $$;
      -- An organisation's codice fiscale: ten digits and the check digit (tax-code.ts, organisationCheckDigit).
      CREATE FUNCTION pg_temp.tax_code(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT body || ((10 - sum(CASE WHEN i % 2 = 1 THEN d WHEN d * 2 > 9 THEN d * 2 - 9 ELSE d * 2 END) % 10) % 10)::text
        FROM (SELECT lpad(n::text, 10, '0') AS body) b, LATERAL (SELECT i, substr(body, i, 1)::int AS d FROM generate_series(1, 10) i) x
        GROUP BY body $$`);
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO tenants (id, code, name, kind, istat_code)
       SELECT pg_temp.id('tenant-' || t), 'BENCH_' || lpad(t::text, 2, '0'), 'Bench ' || name, kind, istat_code
       FROM (SELECT p.*, row_number() OVER (ORDER BY istat_code) AS t FROM provinces p) p WHERE t <= $1`,
      [tenants],
    );
    await db.query(
      `CREATE TEMP TABLE bench_tenant AS
       SELECT t, pg_temp.id('tenant-' || t) AS id, p.id AS province_id,
              (SELECT count(*) FROM municipalities m WHERE m.province_id = p.id)::int AS municipalities
       FROM generate_series(1, $1::int) t JOIN tenants x ON x.id = pg_temp.id('tenant-' || t) JOIN provinces p ON p.istat_code = x.istat_code`,
      [tenants],
    );
    await db.query(`CREATE TEMP TABLE bench_municipality AS SELECT province_id, row_number() OVER (PARTITION BY province_id ORDER BY istat_code) AS k, id FROM municipalities`);
    await db.query(`CREATE TEMP TABLE bench_partner_type AS SELECT row_number() OVER (ORDER BY code) - 1 AS k, id FROM partner_types`);
    await db.query(`CREATE TEMP TABLE bench_measure AS SELECT row_number() OVER (ORDER BY code) - 1 AS k, id FROM measures`);
    await db.query(`CREATE TEMP TABLE bench_fund AS SELECT row_number() OVER (ORDER BY code) - 1 AS k, id, budget FROM fund_sources`);

    // Partner n belongs to tenant (n - 1) / P + 1; its number inside the tenant is (n - 1) % P.
    await db.query(
      `INSERT INTO partners (tenant_id, id, legal_name, tax_code, partner_type_id, labour_accredited, training_accredited, municipality_id, email, created_at, updated_at)
       SELECT bt.id, pg_temp.id('partner-' || n), 'Soggetto ' || n || ' S.r.l.', pg_temp.tax_code(1000000000 + n), pt.id,
              pg_temp.u(n, 1) < 0.4, pg_temp.u(n, 2) < 0.3, bm.id, 'soggetto' || n || '@example.it',
              timestamptz '2023-01-01' + n * interval '1 minute', timestamptz '2023-01-01' + n * interval '1 minute'
       FROM generate_series(1, $1::int * $2::int) n
       JOIN bench_tenant bt ON bt.t = (n - 1) / $2 + 1
       JOIN bench_partner_type pt ON pt.k = n % (SELECT count(*) FROM bench_partner_type)
       JOIN bench_municipality bm ON bm.province_id = bt.province_id AND bm.k = n % bt.municipalities + 1`,
      [tenants, P],
    );
    await db.query(
      `INSERT INTO networks (tenant_id, id, code, title, measure_id, status, start_date, end_date, planned_suspended, planned_unemployed, supply_chain, created_at, updated_at)
       SELECT bt.id, pg_temp.id('network-' || n), 'RB-' || lpad(((n - 1) % $2 + 1)::text, 5, '0'), 'Rete ' || n || ' per la ricollocazione', bm.id,
              (ARRAY['DRAFT', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'CLOSED', 'WITHDRAWN'])[n % 6 + 1],
              date '2021-01-01' + n % 1400, date '2021-01-01' + n % 1400 + 365, 10 + n % 40, n % 25,
              (ARRAY['Meccanica', 'Tessile', 'Logistica', NULL])[n % 4 + 1],
              timestamptz '2023-06-01' + n * interval '1 minute', timestamptz '2023-06-01' + n * interval '1 minute'
       FROM generate_series(1, $1::int * $2::int) n
       JOIN bench_tenant bt ON bt.t = (n - 1) / $2 + 1
       JOIN bench_measure bm ON bm.k = n % (SELECT count(*) FROM bench_measure)`,
      [tenants, N],
    );
    // Member k of network n (local number j in its tenant) is the tenant's partner (7j + k) mod P: M distinct partners, the first one leads.
    await db.query(
      `INSERT INTO network_members (tenant_id, id, network_id, partner_id, role, joined_on)
       SELECT bt.id, pg_temp.id('member-' || n || '-' || k), pg_temp.id('network-' || n),
              pg_temp.id('partner-' || ((bt.t - 1) * $3 + (((n - 1) % $2) * 7 + k) % $3 + 1)),
              CASE WHEN k = 0 THEN 'LEAD' ELSE 'PARTNER' END, date '2021-01-01' + n % 1400
       FROM generate_series(1, $1::int * $2::int) n
       JOIN bench_tenant bt ON bt.t = (n - 1) / $2 + 1
       CROSS JOIN generate_series(0, $4::int - 1) k`,
      [tenants, N, P, M],
    );
    await db.query(
      `INSERT INTO crisis_companies (tenant_id, id, name, tax_code, municipality_id, crisis_instrument, workers_involved, expected_redundancies, created_at, updated_at)
       SELECT bt.id, pg_temp.id('company-' || n), 'Impresa in crisi ' || n || ' S.p.A.', pg_temp.tax_code(2000000000 + n), bm.id,
              (ARRAY['CIGS', 'CIGD', 'COLLECTIVE_DISMISSAL', 'INSOLVENCY', 'OTHER'])[n % 5 + 1], 20 + n % 300, n % 50,
              timestamptz '2023-03-01' + n * interval '1 minute', timestamptz '2023-03-01' + n * interval '1 minute'
       FROM generate_series(1, $1::int * $2::int) n
       JOIN bench_tenant bt ON bt.t = (n - 1) / $2 + 1
       JOIN bench_municipality bm ON bm.province_id = bt.province_id AND bm.k = n % bt.municipalities + 1`,
      [tenants, C],
    );
    await db.query(
      `INSERT INTO network_companies (tenant_id, id, network_id, crisis_company_id)
       SELECT bt.id, pg_temp.id('network-company-' || n || '-' || k), pg_temp.id('network-' || n),
              pg_temp.id('company-' || ((bt.t - 1) * $3 + (((n - 1) % $2) * 3 + k) % $3 + 1))
       FROM generate_series(1, $1::int * $2::int) n
       JOIN bench_tenant bt ON bt.t = (n - 1) / $2 + 1
       CROSS JOIN generate_series(0, $4::int - 1) k`,
      [tenants, N, C, K],
    );
    // Allocation i goes to network (i - 1) mod (tenants × N) + 1. Amounts average 80 % of each fund's budget over its share of the rows,
    // so the committed totals stay within the budgets at every scale.
    await db.query(
      `INSERT INTO allocations (tenant_id, id, network_id, fund_source_id, amount, allocated_on, kind, status, created_at, updated_at)
       SELECT bt.id, pg_temp.id('allocation-' || i), pg_temp.id('network-' || net), bf.id,
              greatest(0.01, round((bf.budget * 0.8 / ceil($3::numeric / (SELECT count(*) FROM bench_fund)) * (0.25 + 1.5 * pg_temp.u(i, 3)))::numeric, 2)),
              date '2021-03-01' + (i % 1700), (ARRAY['PROCESS', 'RESULT', 'VOUCHER'])[i % 3 + 1],
              CASE WHEN i % 20 = 0 THEN 'REVOKED' ELSE 'COMMITTED' END,
              timestamptz '2024-01-01' + i * interval '1 second', timestamptz '2024-01-01' + i * interval '1 second'
       FROM generate_series(1, $3::int) i
       CROSS JOIN LATERAL (SELECT (i - 1) % ($1::int * $2::int) + 1 AS net) x
       JOIN bench_tenant bt ON bt.t = (x.net - 1) / $2 + 1
       JOIN bench_fund bf ON bf.k = i % (SELECT count(*) FROM bench_fund)`,
      [tenants, N, A],
    );
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    // Passwords live in reti_private, set through the function administrators' requests use.
    await db.query(
      `WITH u AS (INSERT INTO users (email, display_name, role, tenant_id)
                  VALUES ($1, 'Bench editor', 'EDITOR', pg_temp.id('tenant-1')), ($2, 'Bench regional analyst', 'ANALYST', NULL) RETURNING id)
       SELECT auth_set_password(u.id, $3) FROM u`,
      [BENCH_USERS.editor, BENCH_USERS.regionalAnalyst, passwordHash],
    );
    await db.query('COMMIT');
    await db.query('VACUUM ANALYZE');
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM tenants WHERE code LIKE 'BENCH\\_%')::int AS tenants, (SELECT count(*) FROM networks)::int AS networks,
              (SELECT count(*) FROM partners)::int AS partners, (SELECT count(*) FROM network_members)::int AS members,
              (SELECT count(*) FROM crisis_companies)::int AS companies, (SELECT count(*) FROM network_companies)::int AS "network companies",
              (SELECT count(*) FROM allocations)::int AS allocations, (SELECT count(*) FROM audit_events)::int AS "audit events"`,
    );
    const [{ id: networkId }] = (await db.query(`SELECT pg_temp.id('network-' || ($1::int / 2)) AS id`, [N])).rows;
    return { tenantId: (await db.query(`SELECT pg_temp.id('tenant-1') AS id`)).rows[0].id, networkId, counts: rows[0] };
  } finally {
    await db.end();
  }
}
