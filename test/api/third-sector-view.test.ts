import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { expectError, must, seedNetworks } from '../helpers/factories';

/** A third-sector body's user works on co-design: the regional fund totals, other tenants' commitments among them, are not theirs to read. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const FUNDS = `query { fundSources(perPage: 50) { items { code budget committed available } } }`;

test("a body's user reads the fund sources' budgets but not what the public bodies committed", async () => {
  const province = await newTenant(t);
  await seedNetworks(t, province.editor, 1);
  const body = await newTenant(t, 'THIRD_SECTOR_BODY');

  const seen = await must(t, province.editor, FUNDS);
  expect(seen.items.some((s: { committed: string }) => Number(s.committed) > 0)).toBe(true);

  for (const field of ['committed', 'available']) {
    expectError(await t.gql(body.editor, `query { fundSources(perPage: 50) { items { code ${field} } } }`), 'FORBIDDEN');
  }
  const budgets = await must(t, body.editor, `query { fundSources(perPage: 50) { items { code budget } } }`);
  expect(budgets.items.length).toBeGreaterThan(0);
  // Grouped totals are the tenant's own: none for a body.
  expect(await must(t, body.editor, `query { allocationTotals(groupBy: [FUND_SOURCE]) { fundSource total } }`)).toEqual([]);
});
