import { Client } from 'pg';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { actAs } from '../helpers/identity';
import { createNetwork, must, orgTaxCode, referenceIds, ReferenceIds } from '../helpers/factories';
import { testUrls } from '../helpers/env';
import { Principal } from '../../server/src/common/request';
import { ALLOCATION_TOTALS_FROM_BASE } from '../../migrations/1763700000200-allocation-totals';

/*
 * allocationTotals reads a rollup kept by triggers. Whatever the writes, every grouping, filter and
 * HAVING the API allows must answer exactly what a plain SUM over the allocations answers.
 */
let t: TestApp;
let ref: ReferenceIds;
let sources: string[];
let tenants: Awaited<ReturnType<typeof newTenant>>[];
let networks: { id: string; version: number; tenant: number }[];
let allocations: { id: string; version: number; tenant: number }[];
const regional: Principal = { userId: null, role: 'ANALYST', tenantId: null };

const DIMENSIONS = ['MEASURE', 'FUND_SOURCE', 'PROVINCE', 'TENANT', 'KIND', 'STATUS', 'YEAR'] as const;
type Dimension = (typeof DIMENSIONS)[number];
type Filter = Record<string, unknown>;
type Having = { minTotal?: string; minCount?: number };

/** The grouped totals straight from the allocations, as the owner sees them (no rollup, no row-level security). */
const REFERENCE: Record<Dimension, [sql: string, field: string]> = {
  MEASURE: ['m.code', 'measure'],
  FUND_SOURCE: ['f.code', 'fundSource'],
  PROVINCE: ['tp.name', 'province'],
  TENANT: ['t.code', 'tenant'],
  KIND: ['a.kind', 'kind'],
  STATUS: ['a.status', 'status'],
  YEAR: ['extract(year FROM a.allocated_on)::int', 'year'],
};
const REFERENCE_FILTERS: Record<string, string> = {
  ids: 'a.id = ANY($n::uuid[])',
  fundSourceId: 'a.fund_source_id = $n',
  networkId: 'a.network_id = $n',
  kind: 'a.kind = $n',
  status: 'a.status = $n',
  allocatedFrom: 'a.allocated_on >= $n',
  allocatedTo: 'a.allocated_on <= $n',
};

async function reference(principal: Principal, groupBy: Dimension[], filter: Filter, having: Having) {
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where = ['true'];
  if (principal.tenantId) where.push(`a.tenant_id = ${bind(principal.tenantId)}`);
  for (const [key, value] of Object.entries(filter)) where.push(REFERENCE_FILTERS[key].replace('$n', bind(value)));
  const conditions = [];
  if (having.minTotal) conditions.push(`sum(a.amount) >= ${bind(having.minTotal)}`);
  if (having.minCount) conditions.push(`count(*) >= ${bind(having.minCount)}`);
  const rows: Record<string, unknown>[] = await t.owner.query(
    `SELECT ${[...groupBy.map((d, i) => `${REFERENCE[d][0]} AS k${i}`), 'sum(a.amount)::text AS total', 'count(*)::int AS count'].join(', ')}
     FROM allocations a
     JOIN networks n ON n.tenant_id = a.tenant_id AND n.id = a.network_id
     JOIN measures m ON m.id = n.measure_id
     JOIN fund_sources f ON f.id = a.fund_source_id
     JOIN tenants t ON t.id = a.tenant_id
     LEFT JOIN municipalities tm ON tm.istat_code = t.istat_code
     LEFT JOIN provinces tp ON tp.istat_code = t.istat_code OR tp.id = tm.province_id
     WHERE ${where.join(' AND ')}
     ${groupBy.length ? `GROUP BY ${groupBy.map((_, i) => i + 1).join(', ')}` : ''}
     ${conditions.length ? `HAVING ${conditions.join(' AND ')}` : ''}`,
    params,
  );
  return rows.map((row) => {
    const total: Record<string, unknown> = { measure: null, fundSource: null, province: null, tenant: null, kind: null, status: null, year: null, total: row.total, count: row.count };
    groupBy.forEach((d, i) => (total[REFERENCE[d][1]] = row[`k${i}`]));
    return total;
  });
}

const TOTALS = `query($groupBy: [AllocationDimension!]!, $filter: AllocationFilter, $having: AllocationTotalsHaving) {
  allocationTotals(groupBy: $groupBy, filter: $filter, having: $having) { measure fundSource province tenant kind status year total count } }`;

const cents = (amount: string) => BigInt(amount.replace('.', ''));
const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

/**
 * Every one of the 128 groupings, each with a different filter and HAVING in turn and for the
 * editors of two tenants and a regional analyst, against the plain SUM. The regional analyst's
 * filter always names one of this file's fund sources: other files add allocations meanwhile.
 */
async function expectTotalsMatchTheAllocations() {
  const A = allocations.filter((a) => a.tenant === 0).map((a) => a.id);
  const filters: Filter[] = [
    {},
    { kind: 'PROCESS' },
    { status: 'REVOKED' },
    { fundSourceId: sources[1] },
    { allocatedFrom: '2023-01-01' },
    { allocatedTo: '2023-06-30', status: 'COMMITTED' },
    { networkId: networks[1].id },
    { ids: [...A.slice(0, 3), allocations[allocations.length - 1].id] },
    { fundSourceId: sources[0], kind: 'RESULT', allocatedFrom: '2022-03-01', allocatedTo: '2024-12-31' },
  ];
  const havings: Having[] = [{}, { minTotal: '700.00' }, { minCount: 2 }, { minTotal: '0.01', minCount: 1 }];
  const principals = [tenants[0].editor, regional, tenants[1].editor, tenants[2].analyst];
  let compared = 0;
  for (let i = 0; i < 2 ** DIMENSIONS.length; i++) {
    const groupBy = DIMENSIONS.filter((_, bit) => i & (1 << bit));
    const principal = principals[i % principals.length];
    const filter = { ...filters[i % filters.length] };
    if (principal === regional) filter.fundSourceId ??= sources[i % 2];
    const having = havings[i % havings.length];
    const result = await t.gql(principal, TOTALS, { groupBy, filter, having });
    expect(result.errors).toBeUndefined();
    const totals: { total: string }[] = result.data!.allocationTotals;
    const expected = await reference(principal, groupBy, filter, having);
    expect({ groupBy, filter, having, totals: sorted(totals) }).toEqual({ groupBy, filter, having, totals: sorted(expected) });
    totals.slice(1).forEach((row, k) => expect(cents(row.total)).toBeLessThanOrEqual(cents(totals[k].total)));
    compared += totals.length;
  }
  expect(compared).toBeGreaterThan(200);

  // The rollup itself holds exactly the sums of the allocations of these tenants, as a rebuild would.
  const ids = tenants.map((tenant) => tenant.id);
  await expectRollupRebuilt(ids);
  await expectFundCommittedExact();
}

/** Each fund source's committed total, as the budget check reads it, equals the sum of its committed allocations across tenants. */
async function expectFundCommittedExact() {
  for (const source of sources) {
    const [{ fromFunction, fromAllocations }] = await t.owner.query(
      `SELECT fund_source_committed($1)::text AS "fromFunction",
              (SELECT coalesce(sum(amount), 0)::text FROM allocations WHERE fund_source_id = $1 AND status = 'COMMITTED') AS "fromAllocations"`,
      [source],
    );
    expect({ source, committed: fromFunction }).toEqual({ source, committed: fromAllocations });
  }
}

async function expectRollupRebuilt(tenantIds: string[]) {
  const columns = 'tenant_id, measure_id, fund_source_id, kind, status, year, amount::text, count';
  const rollup = await t.owner.query(`SELECT ${columns} FROM allocation_totals WHERE tenant_id = ANY($1)`, [tenantIds]);
  const rebuilt = await t.owner.query(`SELECT ${columns} FROM (${ALLOCATION_TOTALS_FROM_BASE}) x WHERE tenant_id = ANY($1)`, [tenantIds]);
  expect(rollup.length).toBeGreaterThan(0);
  expect(sorted(rollup)).toEqual(sorted(rebuilt));
}

const ALLOCATION = `id version`;
async function allocate(tenant: number, network: number, input: Record<string, unknown>) {
  const created = await must(t, tenants[tenant].editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { ${ALLOCATION} } }`, {
    input: { networkId: networks[network].id, ...input },
  });
  allocations.push({ ...created, tenant });
}

async function updateAllocation(index: number, input: Record<string, unknown>) {
  const allocation = allocations[index];
  const updated = await must(t, tenants[allocation.tenant].editor, `mutation($id: ID!, $version: Int!, $input: UpdateAllocationInput!) {
    updateAllocation(id: $id, version: $version, input: $input) { ${ALLOCATION} } }`, { id: allocation.id, version: allocation.version, input });
  allocations[index] = { ...updated, tenant: allocation.tenant };
}

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  sources = [];
  for (const name of ['primo', 'secondo']) {
    const source = await must(t, admin, `mutation($input: CreateFundSourceInput!) { createFundSource(input: $input) { id } }`, {
      input: { code: `ROLLUP_${orgTaxCode()}`, name: `Fondo ${name}`, budget: '100000000.00' },
    });
    sources.push(source.id);
  }
  // A province, an ambito (its province through its municipality) and a tenant with no ISTAT code.
  tenants = [await newTenant(t), await newTenant(t, 'AMBITO'), await newTenant(t)];
  await t.owner.query(`UPDATE tenants SET istat_code = '016' WHERE id = $1`, [tenants[0].id]);
  await t.owner.query(`UPDATE tenants SET istat_code = '015182' WHERE id = $1`, [tenants[1].id]);
  networks = [];
  const measures = ['AZIONI_RETE_LAVORO', 'COPROGETTAZIONE_ART55', 'RETE_RICOLLOCAZIONE_GOL_P5'];
  for (const [tenant, count] of [[0, 3], [1, 2], [2, 1]]) {
    for (let k = 0; k < count; k++) {
      const network = await createNetwork(t, tenants[tenant].editor, ref, { measureId: ref.measure(measures[(tenant + k) % measures.length]) });
      networks.push({ ...network, tenant });
    }
  }
  allocations = [];
  const kinds = ['PROCESS', 'RESULT', 'VOUCHER'];
  const days = ['2022-02-14', '2022-11-30', '2023-01-01', '2023-06-30', '2023-07-01', '2024-03-15'];
  for (let i = 0; i < 40; i++) {
    const network = i % networks.length;
    await allocate(networks[network].tenant, network, {
      fundSourceId: sources[(i >> 1) % 2],
      amount: `${(i * 137) % 1500 + 1}.${String((i * 37) % 100).padStart(2, '0')}`,
      allocatedOn: days[(i * 5) % days.length],
      kind: kinds[i % kinds.length],
      status: i % 7 === 3 ? 'REVOKED' : 'COMMITTED',
    });
  }
});
afterAll(() => t.close());

test('totals equal a plain sum over the allocations after inserts, updates, deletes and a change of measure', async () => {
  await expectTotalsMatchTheAllocations();

  // Updates that move an allocation to another key, or change only its amount.
  await updateAllocation(0, { amount: '0.01' });
  await updateAllocation(1, { status: 'REVOKED' });
  await updateAllocation(2, { fundSourceId: sources[1] });
  await updateAllocation(3, { networkId: networks[4].id }); // same tenant, another measure
  await updateAllocation(4, { allocatedOn: '2021-12-31', kind: 'VOUCHER' });
  await updateAllocation(5, { amount: '999.99', status: 'COMMITTED', fundSourceId: sources[0] });
  await updateAllocation(6, { note: 'nothing the totals see' });
  await expectTotalsMatchTheAllocations();

  // Deletes, down to keys that no allocation is left in.
  for (const index of [7, 8, 9, 19, 25]) {
    const { id, version, tenant } = allocations[index];
    await must(t, tenants[tenant].editor, `mutation($id: ID!, $version: Int!) { deleteAllocation(id: $id, version: $version) { id } }`, { id, version });
  }
  allocations = allocations.filter((_, index) => ![7, 8, 9, 19, 25].includes(index));
  await expectTotalsMatchTheAllocations();

  // A network with allocations changes measure: its allocations move with it.
  const network = networks[0];
  await must(t, tenants[0].editor, `mutation($id: ID!, $version: Int!, $input: UpdateNetworkInput!) { updateNetwork(id: $id, version: $version, input: $input) { id } }`, {
    id: network.id, version: network.version, input: { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5') },
  });
  await expectTotalsMatchTheAllocations();
});

test("a fund's committed total is read from the rollup, whatever the number of allocations", async () => {
  // Shifting one rollup key shifts the total the budget check reads: it sums the rollup's few rows, not the allocations.
  const before = (await t.owner.query(`SELECT fund_source_committed($1)::text AS total`, [sources[0]]))[0].total;
  const owner = t.owner.createQueryRunner();
  await owner.startTransaction();
  try {
    const shifted = await owner.query(
      `UPDATE allocation_totals SET amount = amount + 1 WHERE ctid = (SELECT ctid FROM allocation_totals WHERE fund_source_id = $1 AND status = 'COMMITTED' LIMIT 1)`,
      [sources[0]],
    );
    expect(shifted[1]).toBe(1);
    const [{ total }] = await owner.query(`SELECT fund_source_committed($1)::text AS total`, [sources[0]]);
    expect(cents(total) - cents(before)).toBe(100n);
  } finally {
    await owner.rollbackTransaction();
    await owner.release();
  }
  await expectFundCommittedExact();
});

test('concurrent writers on one key lose no update', async () => {
  const editor = tenants[2].editor;
  const key = { fundSourceId: sources[0], allocatedOn: '2025-05-05', kind: 'RESULT', status: 'REVOKED' };
  const TOTAL = `query($filter: AllocationFilter) { allocationTotals(groupBy: [YEAR], filter: $filter) { year total count } }`;
  const amounts = Array.from({ length: 12 }, (_, i) => `${i + 1}.0${i % 10}`);
  // Revoked allocations take no fund-source lock, so nothing but the rollup's upsert orders these writers.
  const created = await Promise.all(amounts.map((amount) => must(t, editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id version } }`, {
    input: { networkId: networks[5].id, amount, ...key },
  })));
  const byYear = async () => (await must(t, editor, TOTAL, { filter: { kind: 'RESULT', status: 'REVOKED', fundSourceId: sources[0] } })).find((row: { year: number }) => row.year === 2025);
  expect(await byYear()).toEqual({ year: 2025, total: '78.46', count: 12 });

  await Promise.all(created.slice(0, 6).map(({ id, version }) => must(t, editor, `mutation($id: ID!, $version: Int!) { deleteAllocation(id: $id, version: $version) { id } }`, { id, version })));
  expect(await byYear()).toEqual({ year: 2025, total: '57.31', count: 6 });
  await Promise.all(created.slice(6).map(({ id, version }) => must(t, editor, `mutation($id: ID!, $version: Int!) { deleteAllocation(id: $id, version: $version) { id } }`, { id, version })));
  expect(await byYear()).toBeUndefined();
});

describe('the rollup in the database', () => {
  let app: Client;
  let other: Client;
  beforeAll(async () => {
    app = new Client({ connectionString: testUrls.app() });
    other = new Client({ connectionString: testUrls.app() });
    await Promise.all([app.connect(), other.connect()]);
  });
  afterAll(() => Promise.all([app.end(), other.end()]));

  /*
   * A network changing measure while another transaction writes its allocations: whichever locks
   * the network first, the other waits for its commit, and the allocations end under the new measure.
   */
  test('a change of measure and concurrent allocation writes keep the rollup exact', async () => {
    const tenant = tenants[2];
    const network = networks.find((n) => n.tenant === 2)!.id;
    const begin = async (client: Client) => {
      await client.query('BEGIN');
      await actAs(client, { tenantId: tenant.id });
    };
    const setMeasure = (code: string) => app.query(`UPDATE networks SET measure_id = $1 WHERE id = $2`, [ref.measure(code), network]);
    const [{ id: allocation }] = await t.owner.query(`SELECT id FROM allocations WHERE network_id = $1 LIMIT 1`, [network]);
    /** Whether `query`, sent on `client`, waits for a lock (rather than finishing first). */
    const waitsForLock = async (client: Client, query: Promise<unknown>) => {
      const finished = query.then(() => 'finished');
      for (;;) {
        const check = t.owner.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [(client as unknown as { processID: number }).processID]);
        const state = await Promise.race([finished, check.then((rows: { wait_event_type: string | null }[]) => rows[0]?.wait_event_type)]);
        if (state === 'finished' || state === 'Lock') return state === 'Lock';
      }
    };

    // The allocation is written first; the change of measure waits for it and then moves it.
    await Promise.all([begin(app), begin(other)]);
    await other.query(`UPDATE allocations SET amount = amount + 10.01 WHERE id = $1`, [allocation]);
    const measureChanged = setMeasure('AZIONI_RETE_LAVORO');
    expect(await waitsForLock(app, measureChanged)).toBe(true);
    await other.query('COMMIT');
    await measureChanged;
    await app.query('COMMIT');
    await expectRollupRebuilt([tenant.id]);

    // The measure changes first; the allocation written meanwhile waits for it and takes the new measure.
    await Promise.all([begin(app), begin(other)]);
    await setMeasure('COPROGETTAZIONE_ART55');
    const written = other.query(
      `INSERT INTO allocations (tenant_id, network_id, fund_source_id, amount, allocated_on, kind) VALUES ($1, $2, $3, 77.77, '2024-02-02', 'VOUCHER')`,
      [tenant.id, network, sources[1]],
    );
    expect(await waitsForLock(other, written)).toBe(true);
    await app.query('COMMIT');
    await written;
    await other.query('COMMIT');
    await expectRollupRebuilt([tenant.id]);
  });

  async function inTransaction<T>(work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  test("a tenant reads only its own totals, a regional reader every tenant's, and nobody writes them", async () => {
    const mine = tenants.map((tenant) => tenant.id);
    const visibleTenants = async () =>
      (await app.query(`SELECT DISTINCT tenant_id FROM allocation_totals WHERE tenant_id = ANY($1) ORDER BY 1`, [mine])).rows.map((r) => r.tenant_id);
    await inTransaction(async () => {
      await actAs(app, { tenantId: tenants[1].id });
      expect(await visibleTenants()).toEqual([tenants[1].id]);
    });
    await inTransaction(async () => {
      await actAs(app, { allTenants: true });
      expect(await visibleTenants()).toEqual([...mine].sort());
    });
    await inTransaction(async () => {
      expect(await visibleTenants()).toEqual([]);
    });
    for (const write of [
      `UPDATE allocation_totals SET amount = amount + 1 WHERE tenant_id = $1`,
      `DELETE FROM allocation_totals WHERE tenant_id = $1`,
      `SELECT allocation_totals_add('{}') WHERE $1::uuid IS NOT NULL`,
    ]) {
      const code = await inTransaction(async () => {
        await actAs(app, { tenantId: tenants[1].id });
        return app.query(write, [tenants[1].id]).then(() => 'allowed', (error: { code: string }) => error.code);
      });
      expect(code).toBe('42501');
    }
  });
});
