import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { addMember, createNetwork, createPartner, linkCrisisCompany, must, referenceIds, ReferenceIds } from '../helpers/factories';
import { Principal } from '../../server/src/common/request';

let t: TestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
});
afterAll(() => t.close());

const MAKE_LEAD = `mutation($id: ID!, $version: Int!) { makeNetworkLead(id: $id, version: $version) { id version role } }`;

/** A compliant Fase II network: a labour operator as lead, a training operator and a trade union. */
async function roster(principal: Principal) {
  const network = await createNetwork(t, principal, ref);
  await linkCrisisCompany(t, principal, ref, network.id);
  const lead = await addMember(t, principal, network.id, (await createPartner(t, principal, ref, 'LABOUR_OPERATOR')).id, 'LEAD');
  const training = await addMember(t, principal, network.id, (await createPartner(t, principal, ref, 'LABOUR_OPERATOR', { legalName: 'Secondo operatore' })).id);
  const union = await addMember(t, principal, network.id, (await createPartner(t, principal, ref, 'TRADE_UNION')).id);
  return { network, lead, training, union };
}

const roles = async (networkId: string) =>
  Object.fromEntries((await t.owner.query('SELECT id, role FROM network_members WHERE network_id = $1', [networkId])).map((r: { id: string; role: string }) => [r.id, r.role]));

test('one step makes a member the lead and the old lead a partner; a stale version changes nothing', async () => {
  const { editor } = await newTenant(t);
  const { network, lead, training } = await roster(editor);

  const stale = await t.gql(editor, MAKE_LEAD, { id: training.id, version: training.version + 1 });
  expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  expect((await roles(network.id))[lead.id]).toBe('LEAD');

  const promoted = await must(t, editor, MAKE_LEAD, { id: training.id, version: training.version });
  expect(promoted).toMatchObject({ id: training.id, role: 'LEAD', version: training.version + 1 });
  expect(await roles(network.id)).toMatchObject({ [lead.id]: 'PARTNER', [training.id]: 'LEAD' });
  const [{ action }] = await t.owner.query(`SELECT count(*)::int AS action FROM audit_events WHERE entity_id = $1 AND action = 'UPDATE'`, [lead.id]);
  expect(action).toBe(1);
});

test('on an active network the swap passes the rules guard: a lead of a type the measure refuses is rolled back whole', async () => {
  const { editor, analyst } = await newTenant(t);
  const { network, lead, training, union } = await roster(editor);
  await must(t, editor, `mutation($id: ID!) { setNetworkStatus(id: $id, version: 1, status: ACTIVE) { id } }`, { id: network.id });

  const refused = await t.gql(editor, MAKE_LEAD, { id: union.id, version: union.version });
  expect(refused.errors?.[0].extensions?.code).toBe('RULE_VIOLATION');
  expect(refused.errors?.[0].extensions?.violations.map((v: { rule: string }) => v.rule)).toContain('LEAD_TYPE');
  expect(await roles(network.id)).toMatchObject({ [lead.id]: 'LEAD', [union.id]: 'PARTNER' });

  expect((await t.gql(analyst, MAKE_LEAD, { id: training.id, version: training.version })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect((await must(t, editor, MAKE_LEAD, { id: training.id, version: training.version })).role).toBe('LEAD');
});

test('a second lead added directly is a CONFLICT on the role field, a repeated tax code one on taxCode', async () => {
  const { editor } = await newTenant(t);
  const { network } = await roster(editor);
  const other = await createPartner(t, editor, ref);
  const second = await t.gql(editor, `mutation($input: CreateNetworkMemberInput!) { createNetworkMember(input: $input) { id } }`, {
    input: { networkId: network.id, partnerId: other.id, role: 'LEAD' },
  });
  expect(second.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'role', reason: 'duplicate' });
  const twin = await t.gql(editor, `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }`, {
    input: { legalName: 'Gemello', taxCode: other.taxCode, partnerTypeId: ref.partnerType('CPI') },
  });
  expect(twin.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'taxCode', reason: 'duplicate' });
});
