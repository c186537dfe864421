import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { addMember, createCrisisCompany, createNetwork, createPartner, must, orgTaxCode, referenceIds, ReferenceIds } from '../helpers/factories';
import { Principal } from '../../server/src/common/request';

let t: TestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startTestApp(10);
  ref = await referenceIds(t);
});
afterAll(() => t.close());

const SET_STATUS = `mutation($id: ID!, $version: Int!, $status: NetworkStatus!) {
  setNetworkStatus(id: $id, version: $version, status: $status) { id version status } }`;
const COMPLIANCE = `query($id: ID!) { network(id: $id) { version status compliance { ok violations { rule message messageEn ids } } } }`;

async function compliance(principal: Principal, id: string) {
  return (await must(t, principal, COMPLIANCE, { id })) as { version: number; status: string; compliance: { ok: boolean; violations: { rule: string; message: string }[] } };
}

/** A Fase II network with a lead, one partner and its company in crisis: one partner short of compliance. */
async function draftFaseII(principal: Principal) {
  const network = await createNetwork(t, principal, ref);
  const company = await createCrisisCompany(t, principal, ref);
  await must(t, principal, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, { input: { networkId: network.id, crisisCompanyId: company.id } });
  const lead = await createPartner(t, principal, ref, 'LABOUR_OPERATOR');
  const second = await createPartner(t, principal, ref, 'TRAINING_OPERATOR');
  await addMember(t, principal, network.id, lead.id, 'LEAD');
  await addMember(t, principal, network.id, second.id);
  return network;
}

test('activation requires compliance: RULE_VIOLATION with the violations, then ACTIVE once the roster is complete', async () => {
  const { editor } = await newTenant(t);
  const network = await draftFaseII(editor);
  const before = await compliance(editor, network.id);
  expect(before.compliance.ok).toBe(false);
  expect(before.compliance.violations.map((v) => v.rule)).toEqual(['MIN_PARTNERS']);

  const refused = await t.gql(editor, SET_STATUS, { id: network.id, version: before.version, status: 'ACTIVE' });
  expect(refused.errors?.[0].extensions?.code).toBe('RULE_VIOLATION');
  expect(refused.errors?.[0].extensions?.violations.map((v: { rule: string }) => v.rule)).toEqual(['MIN_PARTNERS']);
  expect(refused.errors?.[0]).toMatchObject({ message: 'La rete non rispetta ancora le regole della misura.', extensions: { messageEn: "The network does not keep its measure's rules yet." } });
  expect((await compliance(editor, network.id)).status).toBe('DRAFT');

  const third = await createPartner(t, editor, ref, 'TRADE_UNION');
  await addMember(t, editor, network.id, third.id);
  expect((await compliance(editor, network.id)).compliance.ok).toBe(true);
  const active = await must(t, editor, SET_STATUS, { id: network.id, version: before.version, status: 'ACTIVE' });
  expect(active).toMatchObject({ status: 'ACTIVE', version: before.version + 1 });
});

test('an ACTIVE network refuses changes that break a rule, and nothing changes; CLOSED is read-only', async () => {
  const { editor } = await newTenant(t);
  const network = await draftFaseII(editor);
  const third = await createPartner(t, editor, ref, 'TRADE_UNION');
  const member = await addMember(t, editor, network.id, third.id);
  let { version } = await must(t, editor, SET_STATUS, { id: network.id, version: 1, status: 'ACTIVE' });

  const removal = await t.gql(editor, `mutation($id: ID!) { deleteNetworkMember(id: $id, version: 1) { id } }`, { id: member.id });
  expect(removal.errors?.[0].extensions?.code).toBe('RULE_VIOLATION');
  expect(removal.errors?.[0].extensions?.messageEn).toBe(`The change would make active network ${network.code} break its measure's rules.`);
  const [{ count }] = await t.owner.query('SELECT count(*)::int AS count FROM network_members WHERE network_id = $1', [network.id]);
  expect(count).toBe(3);

  const tooLong = await t.gql(editor, `mutation($id: ID!, $v: Int!) { updateNetwork(id: $id, version: $v, input: { endDate: "2022-03-02" }) { id } }`, { id: network.id, v: version });
  expect(tooLong.errors?.[0].extensions?.code).toBe('RULE_VIOLATION');
  expect(tooLong.errors?.[0].extensions?.violations.map((v: { rule: string }) => v.rule)).toEqual(['DURATION']);
  const [row] = await t.owner.query('SELECT end_date::text, version FROM networks WHERE id = $1', [network.id]);
  expect(row).toEqual({ end_date: '2022-02-28', version });

  ({ version } = await must(t, editor, SET_STATUS, { id: network.id, version, status: 'CLOSED' }));
  const edit = await t.gql(editor, `mutation($id: ID!, $v: Int!) { updateNetwork(id: $id, version: $v, input: { title: "Nuovo titolo" }) { id } }`, { id: network.id, v: version });
  expect(edit.errors?.[0].extensions?.code).toBe('RULE_VIOLATION');
  expect(edit.errors?.[0].extensions?.messageEn).toBe(`Network ${network.code} is closed and can no longer change.`);
  const reopen = await t.gql(editor, SET_STATUS, { id: network.id, version, status: 'ACTIVE' });
  expect(reopen.errors?.[0].extensions?.code).toBe('RULE_VIOLATION');
  expect(reopen.errors?.[0].extensions?.messageEn).toBe('A network in status CLOSED cannot move to ACTIVE.');
});

test("changing a measure's parameter as an admin changes the outcome", async () => {
  const code = `TEST_${orgTaxCode()}`;
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id version } }`, {
    input: { code, name: 'Misura di prova', rules: ['MIN_PARTNERS', 'ONE_LEAD'], minPartners: 3 },
  });
  const { editor } = await newTenant(t);
  const network = await createNetwork(t, editor, ref, { measureId: measure.id });
  await addMember(t, editor, network.id, (await createPartner(t, editor, ref)).id, 'LEAD');
  await addMember(t, editor, network.id, (await createPartner(t, editor, ref, 'CPI')).id);
  expect((await compliance(editor, network.id)).compliance.violations.map((v) => v.rule)).toEqual(['MIN_PARTNERS']);

  await must(t, admin, `mutation($id: ID!, $v: Int!) { updateMeasure(id: $id, version: $v, input: { minPartners: 2 }) { id } }`, { id: measure.id, v: measure.version });
  expect((await compliance(editor, network.id)).compliance.ok).toBe(true);
});

test('TIER_CAP: 20 planned recipients allow € 70.000 of committed allocations, not a cent more', async () => {
  const { editor } = await newTenant(t);
  const network = await createNetwork(t, editor, ref, { plannedSuspended: 20, plannedUnemployed: 0 });
  const allocate = (amount: string) =>
    t.gql(editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
      input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount, allocatedOn: '2021-04-01', kind: 'RESULT' },
    });
  expect((await allocate('70000.00')).errors).toBeUndefined();
  const over = await allocate('0.01');
  expect(over.errors?.[0].extensions?.code).toBe('RULE_VIOLATION');
  expect(over.errors?.[0].extensions?.violations[0].rule).toBe('TIER_CAP');
  expect(over.errors?.[0].extensions?.messageEn).toBe('The allocation exceeds the limits of its fund source or network.');
  const [{ total }] = await t.owner.query(`SELECT sum(amount)::text AS total FROM allocations WHERE network_id = $1`, [network.id]);
  expect(total).toBe('70000.00');
});

test('FUND_BUDGET under concurrency: 50 requests from two tenants never commit beyond the budget', async () => {
  const source = await must(t, admin, `mutation($input: CreateFundSourceInput!) { createFundSource(input: $input) { id } }`, {
    input: { code: `FONDO_${orgTaxCode()}`, name: 'Fondo di prova', budget: '1000.00' },
  });
  const tenants = [await newTenant(t), await newTenant(t)];
  const networks = await Promise.all(tenants.map(({ editor }) => createNetwork(t, editor, ref, { measureId: ref.measure('COPROGETTAZIONE_ART55') })));
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      t.gql(tenants[i % 2].editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
        input: { networkId: networks[i % 2].id, fundSourceId: source.id, amount: '30.00', allocatedOn: '2023-02-01', kind: 'PROCESS' },
      }),
    ),
  );
  const succeeded = results.filter((r) => !r.errors);
  const refused = results.filter((r) => r.errors);
  expect(succeeded).toHaveLength(33);
  expect(refused.every((r) => r.errors![0].extensions?.code === 'RULE_VIOLATION')).toBe(true);
  const totals = await must(t, admin, `query($id: ID!) { fundSource(id: $id) { budget committed available } }`, { id: source.id });
  expect(totals).toEqual({ budget: '1000.00', committed: '990.00', available: '10.00' });

  // Revoking frees the amount.
  const index = results.findIndex((r) => !r.errors);
  await must(t, tenants[index % 2].editor, `mutation($id: ID!) { updateAllocation(id: $id, version: 1, input: { status: REVOKED }) { status } }`, {
    id: results[index].data!.createAllocation.id,
  });
  expect(await must(t, admin, `query($id: ID!) { fundSource(id: $id) { available } }`, { id: source.id })).toEqual({ available: '40.00' });
});
