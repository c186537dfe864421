import { randomUUID } from 'node:crypto';
import { admin, startTestApp, TestApp } from '../helpers/app';
import { createNetwork, must, orgTaxCode, referenceIds, ReferenceIds } from '../helpers/factories';
import { Principal } from '../../server/src/common/request';

let t: TestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
});
afterAll(() => t.close());

async function tenantIn(kind: string, istatCode: string): Promise<Principal> {
  const code = `A_${randomUUID().slice(0, 8).toUpperCase()}`;
  const { id } = await must(t, admin, `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`, { input: { code, name: code, kind, istatCode } });
  return { userId: null, role: 'EDITOR', tenantId: id };
}

async function allocate(editor: Principal, fundSourceId: string, measure: string, amounts: [string, string][]) {
  const network = await createNetwork(t, editor, ref, { measureId: ref.measure(measure) });
  for (const [amount, allocatedOn] of amounts) {
    await must(t, editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
      input: { networkId: network.id, fundSourceId, amount, allocatedOn, kind: 'PROCESS' },
    });
  }
}

const TOTALS = `query($groupBy: [AllocationDimension!]!, $filter: AllocationFilter, $having: AllocationTotalsHaving) {
  allocationTotals(groupBy: $groupBy, filter: $filter, having: $having) { measure province tenant year total count } }`;

test('allocation totals by province and measure, with HAVING, for regional analysts and tenants alike', async () => {
  // A fund source of its own keeps other test files' allocations out of these totals.
  const source = await must(t, admin, `mutation($input: CreateFundSourceInput!) { createFundSource(input: $input) { id } }`, {
    input: { code: `TOT_${orgTaxCode()}`, name: 'Fondo per i totali', budget: '1000000.00' },
  });
  const bergamo = await tenantIn('PROVINCE', '016');
  const rhodense = await tenantIn('AMBITO', '015182');
  await allocate(bergamo, source.id, 'COPROGETTAZIONE_ART55', [['1000.10', '2022-05-01'], ['2000.20', '2023-01-10']]);
  await allocate(rhodense, source.id, 'COPROGETTAZIONE_ART55', [['500.05', '2023-03-01']]);
  await allocate(rhodense, source.id, 'RETE_RICOLLOCAZIONE_GOL_P5', [['0.01', '2023-03-02']]);

  const regional: Principal = { userId: null, role: 'ANALYST', tenantId: null };
  const filter = { fundSourceId: source.id };
  const byProvince = await must(t, regional, TOTALS, { groupBy: ['PROVINCE', 'MEASURE'], filter });
  expect(byProvince).toEqual([
    { province: 'Bergamo', measure: 'COPROGETTAZIONE_ART55', tenant: null, year: null, total: '3000.30', count: 2 },
    { province: 'Città metropolitana di Milano', measure: 'COPROGETTAZIONE_ART55', tenant: null, year: null, total: '500.05', count: 1 },
    { province: 'Città metropolitana di Milano', measure: 'RETE_RICOLLOCAZIONE_GOL_P5', tenant: null, year: null, total: '0.01', count: 1 },
  ]);

  const big = await must(t, regional, TOTALS, { groupBy: ['YEAR'], filter, having: { minTotal: '1500.00' } });
  expect(big).toEqual([{ year: 2023, measure: null, province: null, tenant: null, total: '2500.26', count: 3 }]);

  // An editor's totals cover their own tenant only, and cost one statement.
  const before = t.statements.count;
  const own = await must(t, rhodense, TOTALS, { groupBy: [], filter });
  expect(own).toEqual([{ measure: null, province: null, tenant: null, year: null, total: '500.06', count: 2 }]);
  expect(t.statements.count - before).toBeLessThanOrEqual(4);
});

test('a text search is refused for totals', async () => {
  const regional: Principal = { userId: null, role: 'ANALYST', tenantId: null };
  const result = await t.gql(regional, TOTALS, { groupBy: ['MEASURE'], filter: { q: 'rete' } });
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q' });
});
