import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { seedNetworks } from '../helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const NETWORKS_WITH_RELATIONS = `
  query($perPage: Int!, $ids: [ID!]) {
    networks(perPage: $perPage, filter: { ids: $ids }) {
      total
      items {
        code
        measure { code }
        lead { legalName }
        members { role partner { legalName partnerType { code } } }
        companies { name municipality { name } }
        allocations { amount fundSource { code } }
        pact { name }
      }
    }
  }`;

async function statementsFor(principal: Parameters<TestApp['gql']>[0], ids: string[]): Promise<number> {
  const before = t.statements.count;
  const result = await t.gql(principal, NETWORKS_WITH_RELATIONS, { perPage: ids.length, ids });
  expect(result.errors).toBeUndefined();
  expect(result.data!.networks.items).toHaveLength(ids.length);
  for (const network of result.data!.networks.items) {
    expect(network.members).toHaveLength(3);
    expect(network.companies).toHaveLength(1);
    expect(network.allocations).toHaveLength(1);
  }
  return t.statements.count - before;
}

test('listing 5 or 50 networks with members, partners, companies and allocations issues the same number of statements', async () => {
  const tenant = await newTenant(t);
  const ids = await seedNetworks(t, tenant.editor, 50);
  const forFive = await statementsFor(tenant.editor, ids.slice(0, 5));
  const forFifty = await statementsFor(tenant.editor, ids);
  expect(forFifty).toBe(forFive);
  // One transaction: begin, set_config, page + count, then one batch per relation level.
  expect(forFive).toBeLessThanOrEqual(16);
});
