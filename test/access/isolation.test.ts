import { admin, GqlResult, newTenant } from '../helpers/app';
import { addMember, createCrisisCompany, createNetwork, createPartner, must, orgTaxCode, ReferenceIds, referenceIds } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';
import { Principal } from '../../server/src/common/request';

/**
 * Tenant B's records, seen (or rather not seen) by tenant A. Every id below is real and correct:
 * only the tenant is wrong, so any leak would show.
 */
let t: HttpTestApp;
let ref: ReferenceIds;
let A: Awaited<ReturnType<typeof newTenant>>;
let B: Awaited<ReturnType<typeof newTenant>>;

interface TenantRecords {
  partner: { id: string; version: number; legalName: string };
  network: { id: string; version: number };
  member: { id: string; version: number };
  crisisCompany: { id: string; version: number };
  networkCompany: { id: string };
  allocation: { id: string; version: number };
  pact: { id: string; version: number };
  signatory: { id: string };
}
let ofA: TenantRecords;
let ofB: TenantRecords;

async function seed(editor: Principal): Promise<TenantRecords> {
  const partner = await createPartner(t, editor, ref);
  const pact = await must(t, editor, `mutation($input: CreateCompetencePactInput!) { createCompetencePact(input: $input) { id version } }`, {
    input: { name: `Patto ${orgTaxCode()}`, territory: 'Provincia di prova', signedOn: '2022-11-07' },
  });
  const signatory = await must(t, editor, `mutation($input: CreatePactSignatoryInput!) { createPactSignatory(input: $input) { id } }`, {
    input: { pactId: pact.id, partnerId: partner.id },
  });
  const network = await createNetwork(t, editor, ref, { pactId: pact.id });
  const member = await addMember(t, editor, network.id, partner.id, 'LEAD');
  const crisisCompany = await createCrisisCompany(t, editor, ref);
  const networkCompany = await must(t, editor, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, {
    input: { networkId: network.id, crisisCompanyId: crisisCompany.id },
  });
  const allocation = await must(t, editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id version } }`, {
    input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '1500.00', allocatedOn: '2021-04-01', kind: 'PROCESS' },
  });
  return { partner, network, member, crisisCompany, networkCompany, allocation, pact, signatory };
}

/** Owner's view of a row, to show a refused write changed nothing. */
async function snapshot(table: string, id: string): Promise<Record<string, unknown> | undefined> {
  return (await t.owner.query(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0];
}

function codeOf(result: GqlResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

beforeAll(async () => {
  t = await startHttpApp();
  ref = await referenceIds(t);
  A = await newTenant(t);
  B = await newTenant(t);
  ofA = await seed(A.editor);
  ofB = await seed(B.editor);
});
afterAll(() => t.close());

const LOOKUPS: [field: string, key: keyof TenantRecords][] = [
  ['partner', 'partner'],
  ['network', 'network'],
  ['networkMember', 'member'],
  ['crisisCompany', 'crisisCompany'],
  ['networkCompany', 'networkCompany'],
  ['allocation', 'allocation'],
  ['competencePact', 'pact'],
  ['pactSignatory', 'signatory'],
];

test.each(LOOKUPS)("%s(id) with tenant B's id is NOT_FOUND for tenant A's editor and analyst", async (field, key) => {
  for (const principal of [A.editor, A.analyst]) {
    const result = await t.gql(principal, `query($id: ID!) { ${field}(id: $id) { id tenantId } }`, { id: ofB[key].id });
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.data?.[field] ?? null).toBeNull();
  }
  // The same lookup answers for B, so the id is a real one.
  const own = await t.gql(B.editor, `query($id: ID!) { ${field}(id: $id) { id tenantId } }`, { id: ofB[key].id });
  expect(own.data?.[field]).toEqual({ id: ofB[key].id, tenantId: B.id });
});

const LISTS: [field: string, key: keyof TenantRecords][] = [
  ['partners', 'partner'],
  ['networks', 'network'],
  ['networkMembers', 'member'],
  ['crisisCompanies', 'crisisCompany'],
  ['networkCompanies', 'networkCompany'],
  ['allocations', 'allocation'],
  ['competencePacts', 'pact'],
  ['pactSignatories', 'signatory'],
];

test.each(LISTS)("%s(filter: { ids }) with tenant B's ids finds nothing for tenant A", async (field, key) => {
  const query = `query($ids: [ID!]) { ${field}(filter: { ids: $ids }) { total items { id tenantId } } }`;
  const forA = await t.gql(A.editor, query, { ids: [ofB[key].id, ofA[key].id] });
  expect(forA.errors).toBeUndefined();
  expect(forA.data![field]).toEqual({ total: 1, items: [{ id: ofA[key].id, tenantId: A.id }] });
});

test.each(LISTS)("%s lists and totals of tenant A never include tenant B's rows", async (field) => {
  const table = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const result = await t.gql(A.analyst, `{ ${field}(perPage: 500) { total items { tenantId } } }`);
  expect(result.errors).toBeUndefined();
  const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [A.id]);
  expect(result.data![field].total).toBe(n);
  expect(new Set(result.data![field].items.map((r: { tenantId: string }) => r.tenantId))).toEqual(new Set([A.id]));
});

test("tenant B's audit trail is invisible to tenant A", async () => {
  const [{ id: eventOfB }] = await t.owner.query(`SELECT id FROM audit_events WHERE entity = 'partners' AND entity_id = $1`, [ofB.partner.id]);
  const one = await t.gql(A.editor, `query($id: ID!) { auditEvent(id: $id) { id } }`, { id: eventOfB });
  expect(codeOf(one)).toBe('NOT_FOUND');
  const history = await t.gql(A.editor, `query($id: ID!) { auditEvents(filter: { entityId: $id }) { total } }`, { id: ofB.partner.id });
  expect(history.data!.auditEvents).toEqual({ total: 0 });
  const all = await t.gql(A.analyst, `{ auditEvents(perPage: 500) { total items { tenantId } } }`);
  expect(all.errors).toBeUndefined();
  const [{ n }] = await t.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND entity <> 'users'`, [A.id]);
  expect(all.data!.auditEvents.total).toBe(n);
  expect(new Set(all.data!.auditEvents.items.map((e: { tenantId: string }) => e.tenantId))).toEqual(new Set([A.id]));
});

test("filters naming tenant B's records find nothing for tenant A", async () => {
  const result = await t.gql(
    A.editor,
    `query($partner: ID!, $network: ID!, $pact: ID!, $company: ID!) {
      byPartner: networks(filter: { partnerId: $partner }) { total }
      byPact: networks(filter: { pactId: $pact }) { total }
      byNetwork: partners(filter: { networkId: $network }) { total }
      members: networkMembers(filter: { networkId: $network }) { total }
      companies: crisisCompanies(filter: { networkId: $network }) { total }
      links: networkCompanies(filter: { crisisCompanyId: $company }) { total }
      allocations: allocations(filter: { networkId: $network }) { total }
      pacts: competencePacts(filter: { partnerId: $partner }) { total }
    }`,
    { partner: ofB.partner.id, network: ofB.network.id, pact: ofB.pact.id, company: ofB.crisisCompany.id },
  );
  expect(result.errors).toBeUndefined();
  for (const [alias, page] of Object.entries(result.data!)) expect([alias, page]).toEqual([alias, { total: 0 }]);
});

test("nested fields of shared reference data show only the caller's tenant rows", async () => {
  // Both tenants allocated from the same fund source; each sees only its own allocation under it.
  const query = `query($id: ID!) { fundSource(id: $id) { allocations { id tenantId network { id tenantId } } } }`;
  const id = ref.fundSource('AZIONI_RETE');
  for (const [tenant, records] of [[A, ofA], [B, ofB]] as const) {
    const result = await t.gql(tenant.editor, query, { id });
    expect(result.errors).toBeUndefined();
    const allocations = result.data!.fundSource.allocations as { id: string; tenantId: string; network: { tenantId: string } }[];
    expect(allocations.map((a) => a.id)).toContain(records.allocation.id);
    expect(allocations.every((a) => a.tenantId === tenant.id && a.network.tenantId === tenant.id)).toBe(true);
  }
});

test("nested fields of tenant A's records never reach tenant B's rows", async () => {
  const result = await t.gql(
    A.editor,
    `query($network: ID!, $partner: ID!, $pact: ID!) {
      network(id: $network) { tenantId lead { id tenantId } members { tenantId partner { id tenantId } } companies { id tenantId } allocations { id tenantId } pact { id tenantId } }
      partner(id: $partner) { networks { id tenantId } memberships { id tenantId } }
      competencePact(id: $pact) { signatories { id tenantId } networks { id tenantId } }
    }`,
    { network: ofA.network.id, partner: ofA.partner.id, pact: ofA.pact.id },
  );
  expect(result.errors).toBeUndefined();
  const ids = JSON.stringify(result.data);
  for (const record of Object.values(ofB)) expect(ids).not.toContain(record.id);
  const tenantIds = [...ids.matchAll(/"tenantId":"([^"]+)"/g)].map((m) => m[1]);
  expect(tenantIds.length).toBeGreaterThan(8);
  expect(new Set(tenantIds)).toEqual(new Set([A.id]));
});

describe("tenant A's editor writing with tenant B's ids", () => {
  test('updatePartner is NOT_FOUND and the partner is unchanged', async () => {
    const before = await snapshot('partners', ofB.partner.id);
    const result = await t.gql(A.editor, `mutation($id: ID!, $version: Int!) { updatePartner(id: $id, version: $version, input: { legalName: "Preso da A" }) { id } }`, {
      id: ofB.partner.id,
      version: ofB.partner.version,
    });
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(await snapshot('partners', ofB.partner.id)).toEqual(before);
  });

  test.each([
    ['deletePartner', 'partners', 'partner'],
    ['deleteNetwork', 'networks', 'network'],
    ['deleteNetworkMember', 'network_members', 'member'],
    ['deleteCrisisCompany', 'crisis_companies', 'crisisCompany'],
    ['deleteAllocation', 'allocations', 'allocation'],
    ['deleteCompetencePact', 'competence_pacts', 'pact'],
  ] as const)('%s is NOT_FOUND and the row is still there', async (mutation, table, key) => {
    const before = await snapshot(table, ofB[key].id);
    expect(before).toBeDefined();
    const result = await t.gql(A.editor, `mutation($id: ID!, $version: Int!) { ${mutation}(id: $id, version: $version) { id } }`, {
      id: ofB[key].id,
      version: (before as { version: number }).version,
    });
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(await snapshot(table, ofB[key].id)).toEqual(before);
  });

  test("createNetworkMember in A's network with B's partner is NOT_FOUND and inserts nothing", async () => {
    const network = await createNetwork(t, A.editor, ref);
    const result = await t.gql(A.editor, `mutation($input: CreateNetworkMemberInput!) { createNetworkMember(input: $input) { id } }`, {
      input: { networkId: network.id, partnerId: ofB.partner.id, role: 'PARTNER' },
    });
    expect(codeOf(result)).toBe('NOT_FOUND');
    const rows = await t.owner.query('SELECT id FROM network_members WHERE network_id = $1 OR partner_id = $2', [network.id, ofB.partner.id]);
    expect(rows).toEqual([{ id: ofB.member.id }]);
  });

  // Each case: the mutation, its input, and the rows it could have added (counted as the owner).
  const LINKS: [string, string, () => Record<string, unknown>, () => [string, unknown[]]][] = [
    [
      'createNetworkMember',
      'CreateNetworkMemberInput',
      () => ({ networkId: ofB.network.id, partnerId: ofA.partner.id, role: 'PARTNER' }),
      () => ['network_members WHERE network_id = $1 OR partner_id = $2', [ofB.network.id, ofA.partner.id]],
    ],
    [
      'createNetworkCompany',
      'CreateNetworkCompanyInput',
      () => ({ networkId: ofA.network.id, crisisCompanyId: ofB.crisisCompany.id }),
      () => ['network_companies WHERE network_id = $1 OR crisis_company_id = $2', [ofA.network.id, ofB.crisisCompany.id]],
    ],
    [
      'createPactSignatory',
      'CreatePactSignatoryInput',
      () => ({ pactId: ofB.pact.id, partnerId: ofA.partner.id }),
      () => ['pact_signatories WHERE pact_id = $1 OR partner_id = $2', [ofB.pact.id, ofA.partner.id]],
    ],
    [
      'createAllocation',
      'CreateAllocationInput',
      () => ({ networkId: ofB.network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '10.00', allocatedOn: '2021-05-01', kind: 'PROCESS' }),
      () => ['allocations WHERE network_id = $1 OR tenant_id = $2', [ofB.network.id, A.id]],
    ],
  ];

  test.each(LINKS)('%s linking to a record of tenant B is NOT_FOUND and inserts nothing', async (mutation, inputType, input, rows) => {
    const [from, params] = rows();
    const count = async () => (await t.owner.query(`SELECT count(*)::int AS n FROM ${from}`, params))[0].n as number;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const result = await t.gql(A.editor, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input: input() });
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });

  test("updateNetwork pointing A's network at B's pact is NOT_FOUND and leaves the network as it was", async () => {
    const network = await createNetwork(t, A.editor, ref);
    const before = await snapshot('networks', network.id);
    const result = await t.gql(A.editor, `mutation($id: ID!, $version: Int!, $pact: ID!) { updateNetwork(id: $id, version: $version, input: { pactId: $pact }) { id } }`, {
      id: network.id,
      version: network.version,
      pact: ofB.pact.id,
    });
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(await snapshot('networks', network.id)).toEqual(before);
  });
});

describe('who reads across tenants', () => {
  const BOTH = `query($ids: [ID!]) { partners(filter: { ids: $ids }) { total items { id } } networks { items { tenantId } } }`;

  test('a regional analyst and an administrator see both tenants', async () => {
    for (const principal of [{ userId: null, role: 'ANALYST', tenantId: null } as Principal, admin]) {
      const result = await t.gql(principal, BOTH, { ids: [ofA.partner.id, ofB.partner.id] });
      expect(result.errors).toBeUndefined();
      expect(result.data!.partners.total).toBe(2);
      expect(result.data!.partners.items.map((p: { id: string }) => p.id).sort()).toEqual([ofA.partner.id, ofB.partner.id].sort());
    }
  });

  test("a tenant analyst sees only their tenant's records", async () => {
    const result = await t.gql(B.analyst, BOTH, { ids: [ofA.partner.id, ofB.partner.id] });
    expect(result.errors).toBeUndefined();
    expect(result.data!.partners).toEqual({ total: 1, items: [{ id: ofB.partner.id }] });
    expect(new Set(result.data!.networks.items.map((n: { tenantId: string }) => n.tenantId))).toEqual(new Set([B.id]));
  });

  test('an administrator acting in tenant A (X-Tenant-Id) writes only there', async () => {
    const adminUser = await t.signUp('ADMIN');
    const before = await snapshot('partners', ofB.partner.id);
    const update = await t.post(
      `mutation($id: ID!, $version: Int!) { updatePartner(id: $id, version: $version, input: { legalName: "Preso dall'admin in A" }) { id } }`,
      { id: ofB.partner.id, version: ofB.partner.version },
      { token: adminUser.token, tenantHeader: A.id },
    );
    expect(update.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await snapshot('partners', ofB.partner.id)).toEqual(before);
  });
});

describe('the X-Tenant-Id header', () => {
  test("is ignored for editors: an editor of A cannot switch to B's tenant with it", async () => {
    const editor = await t.signUp('EDITOR', A.id);
    const taxCode = orgTaxCode();
    const created = await t.post(
      `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id tenantId } }`,
      { input: { legalName: 'Intestazione falsa', taxCode, partnerTypeId: ref.partnerType('CPI') } },
      { token: editor.token, tenantHeader: B.id },
    );
    expect(created.body.errors).toBeUndefined();
    expect(await t.owner.query('SELECT tenant_id FROM partners WHERE tax_code = $1', [taxCode])).toEqual([{ tenant_id: A.id }]);

    const read = await t.post(`query($id: ID!) { partner(id: $id) { id } }`, { id: ofB.partner.id }, { token: editor.token, tenantHeader: B.id });
    expect(read.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  test('is ignored for analysts: a tenant analyst of A still reads only A', async () => {
    const analyst = await t.signUp('ANALYST', A.id);
    const result = await t.post(`query($ids: [ID!]) { partners(filter: { ids: $ids }) { total } }`, { ids: [ofA.partner.id, ofB.partner.id] }, { token: analyst.token, tenantHeader: B.id });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.partners.total).toBe(1);
  });
});
