import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { createPartner, referenceIds } from '../helpers/factories';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(() => t.close());

test('explore', async () => {
  const tenant = await newTenant(t);
  const ref = await referenceIds(t);
  const p = await createPartner(t, tenant.editor, ref);
  const show = (label: string, r: unknown) => console.log(label, JSON.stringify(r, null, 1));
  show('q on members', await t.gql(tenant.editor, `{ networkMembers(filter: {q: "x"}) { total } }`));
  show('bad date', await t.gql(tenant.editor, `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`, { i: { code: 'X1', title: 't', measureId: ref.measure('AZIONI_RETE_FASE_II'), startDate: '2021-02-30', endDate: '2021-03-01' } }));
  show('end before start', await t.gql(tenant.editor, `mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { id } }`, { i: { code: 'X1', title: 't', measureId: ref.measure('AZIONI_RETE_FASE_II'), startDate: '2021-03-30', endDate: '2021-03-01' } }));
  show('nul', await t.gql(tenant.editor, `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }`, { i: { legalName: 'a\u0000b', taxCode: '08911820960', partnerTypeId: ref.partnerType('CPI') } }));
  show('bad fk', await t.gql(tenant.editor, `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }`, { i: { legalName: 'ab', taxCode: '08911820960', partnerTypeId: '6f0d9a52-4f8e-4a43-9d6b-2b1f0a8f7c11' } }));
  show('dup', await t.gql(tenant.editor, `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }`, { i: { legalName: 'ab', taxCode: p.taxCode, partnerTypeId: ref.partnerType('CPI') } }));
  show('amount', await t.gql(tenant.editor, `mutation($i: CreateAllocationInput!) { createAllocation(input: $i) { id } }`, { i: { networkId: p.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '10.005', allocatedOn: '2021-01-01', kind: 'PROCESS' } }));
  show('update measure', await t.gql(admin, `mutation($id: ID!) { updateMeasure(id: $id, version: 99, input: { rules: ONE_LEAD }) { id } }`, { id: ref.measure('COPROGETTAZIONE_ART55') }));
  show('sort pw', await t.gql(admin, `{ users(sort: [{field: passwordHash}]) { total } }`));
  show('admin tenants', await t.gql(admin, `{ tenants(perPage: 1) { total } partners(perPage: 1) { total } }`));
  show('pg', await t.gql(tenant.editor, `{ partners(perPage: 501) { total } }`));
  show('audit', await t.gql(tenant.editor, `query($id: ID!) { auditEvents(filter: {entityId: $id}) { total items { action actorId tenantId entity before after } } }`, { id: p.id }));
});
