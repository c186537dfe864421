import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, GraphQLInputObjectType, GraphQLObjectType, isListType, isNonNullType } from 'graphql';
import { App, createApp } from '../../server/src/app';
import { Principal } from '../../server/src/common/request';
import { stringifyResponse } from '../../server/src/graphql/compiled-reads';
import { admin, GqlResult, newTenant } from '../helpers/app';
import { TEST_JWT_SECRET, TEST_RECIPIENT_KEY } from '../helpers/env';
import { seedNetworks } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

/**
 * An empty list in a filter selects nothing, for every list field of every filter in the API:
 * on compiled reads, on field-by-field execution and in the exports, never an error.
 */
let t: HttpTestApp;
let ordinary: App;
let tenant: Awaited<ReturnType<typeof newTenant>>;
beforeAll(async () => {
  t = await startHttpApp();
  ordinary = await createApp({ dataSource: t.dataSource, adminDataSource: t.app.adminDataSource, jwtSecret: TEST_JWT_SECRET, keys: { recipientHash: TEST_RECIPIENT_KEY }, compiledReads: false });
  tenant = await newTenant(t);
  await seedNetworks(t, tenant.editor, 2);
});
afterAll(async () => {
  await ordinary.apollo.stop();
  await t.close();
});

async function ordinaryGql(principal: Principal, query: string): Promise<GqlResult> {
  const response = await ordinary.apollo.executeOperation({ query }, { contextValue: ordinary.contextFor(principal) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return JSON.parse(stringifyResponse(response.body.singleResult));
}

const schema = buildSchema(readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8'));

/** Every root list whose filter has list fields, with those fields. */
const LIST_FILTERS = Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
  const filterArg = field.args.find((a) => a.name === 'filter');
  if (!filterArg) return [];
  const filter = getNamedType(filterArg.type) as GraphQLInputObjectType;
  const lists = Object.values(filter.getFields()).filter((f) => isListType(isNonNullType(f.type) ? f.type.ofType : f.type)).map((f) => f.name);
  return lists.map((list) => ({ query: field.name, list, paged: getNamedType(field.type) instanceof GraphQLObjectType && 'items' in (getNamedType(field.type) as GraphQLObjectType).getFields() }));
});

test('the API has list filters to check: statuses of networks and calls, partner types, ids of every list', () => {
  const names = LIST_FILTERS.map((f) => `${f.query}.${f.list}`);
  expect(names).toEqual(expect.arrayContaining(['networks.statuses', 'codesignCalls.statuses', 'codesignProposals.statuses', 'partners.partnerTypeIds', 'networks.ids', 'allocationTotals.ids']));
  expect(LIST_FILTERS.length).toBeGreaterThan(30);
});

test('an empty list in any filter selects nothing, compiled and field by field', async () => {
  const principal: Principal = { ...admin, tenantId: tenant.id };
  // Without the filter there is something to leave out.
  expect((await t.gql(principal, '{ networks { total } }')).data!.networks.total).toBeGreaterThan(0);
  const failures: string[] = [];
  for (const { query, list, paged } of LIST_FILTERS) {
    const document = paged
      ? `{ ${query}(filter: { ${list}: [] }) { total items { id } } }`
      : `{ ${query}(filter: { ${list}: [] }, groupBy: [FUND_SOURCE]) { count } }`;
    for (const [way, result] of [['compiled', await t.gql(principal, document)], ['field by field', await ordinaryGql(principal, document)]] as const) {
      const expected = paged ? { [query]: { total: 0, items: [] } } : { [query]: [] };
      if (result.errors || JSON.stringify(result.data) !== JSON.stringify(expected)) failures.push(`${way} ${document}: ${JSON.stringify(result)}`);
    }
  }
  expect(failures).toEqual([]);
});

test('an export with an empty list in its filter is the header alone', async () => {
  const editor = await t.signUp('EDITOR', tenant.id);
  for (const [resource, filter] of [['networks', { statuses: [] }], ['partners', { partnerTypeIds: [] }], ['allocations', { ids: [] }]] as const) {
    const response = await fetch(new URL(`/export/${resource}.csv?filter=${encodeURIComponent(JSON.stringify(filter))}`, t.url), { headers: { authorization: `Bearer ${editor.token}` } });
    expect(response.status).toBe(200);
    expect((await response.text()).trim().split('\r\n')).toHaveLength(1);
  }
});
