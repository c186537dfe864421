import { randomInt } from 'node:crypto';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { addMember, createNetwork, createPartner, expectError, must, referenceIds, ReferenceIds, uniqueCode } from '../helpers/factories';
import { personCheckCharacter } from '../../server/src/common/tax-code';

let t: TestApp;
let ref: ReferenceIds;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let lead: { id: string };
let measure: { id: string; guidance: string; placement: string };

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  tenant = await newTenant(t);
  lead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR');
  // A measure of its own, with the rule and a 10–20 recipients tier of € 70.000,00 as in seed 000.
  const created = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
    input: { code: uniqueCode('M'), name: 'Misura con piano dei conti', rules: ['PLAN_OF_ACCOUNTS'] },
  });
  await must(t, admin, `mutation($input: CreateFundingTierInput!) { createFundingTier(input: $input) { id } }`, {
    input: { measureId: created.id, minRecipients: 10, maxRecipients: 20, maxContribution: '70000.00' },
  });
  const serviceType = (input: Record<string, unknown>) =>
    must(t, admin, `mutation($input: CreateServiceTypeInput!) { createServiceType(input: $input) { id } }`, { input: { measureId: created.id, ...input } });
  const guidance = await serviceType({ code: 'ORIENTAMENTO', name: 'Orientamento', phase: 1, category: 'GUIDANCE_TRAINING', payment: 'PROCESS' });
  const placement = await serviceType({ code: 'INSERIMENTO', name: 'Inserimento', phase: 2, category: 'INTENSIVE_ASSISTANCE', payment: 'RESULT' });
  measure = { id: created.id, guidance: guidance.id, placement: placement.id };
});
afterAll(() => t.close());

async function network(measureId = measure.id) {
  const created = await createNetwork(t, tenant.editor, ref, { measureId });
  await addMember(t, tenant.editor, created.id, lead.id, 'LEAD');
  return created;
}

const addLine = (networkId: string, serviceTypeId: string, plannedAmount: string) =>
  t.gql(tenant.editor, `mutation($input: CreateAccountLineInput!) { createAccountLine(input: $input) { id version } }`, { input: { networkId, serviceTypeId, plannedAmount } });
const mustLine = async (...args: Parameters<typeof addLine>) => {
  const result = await addLine(...args);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createAccountLine as { id: string; version: number };
};
const setLine = (line: { id: string; version: number }, plannedAmount: string) =>
  t.gql(tenant.editor, `mutation($id: ID!, $version: Int!, $amount: Money!) { updateAccountLine(id: $id, version: $version, input: { plannedAmount: $amount }) { id version } }`, { ...line, amount: plannedAmount });

const accounts = async (id: string) =>
  (await must(t, tenant.editor, `query($id: ID!) { network(id: $id) {
    planOfAccounts { total tierMaximum committed delivered conditionalPending lines { serviceTypeId planned delivered } }
    compliance { violations { rule message messageEn } } } }`, { id }));
const planViolations = async (id: string): Promise<{ message: string; messageEn: string }[]> =>
  (await accounts(id)).compliance.violations.filter((v: { rule: string }) => v.rule === 'PLAN_OF_ACCOUNTS');
const planMessages = async (id: string) => (await planViolations(id)).map((v) => v.message);

const SURNAME = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
let sequence = 0;
const enrol = (networkId: string) => {
  const first15 = `${SURNAME}85T10Z${String(++sequence).padStart(3, '0')}`;
  return must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id version } }`, {
    input: { networkId, taxCode: first15 + personCheckCharacter(first15), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand: 2 },
  });
};
const deliver = (enrolmentId: string, serviceTypeId: string, amount: string) =>
  must(t, tenant.editor, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id } }`, {
    input: { enrolmentId, serviceTypeId, partnerId: lead.id, serviceDate: '2021-05-01', hours: 1, amount, status: 'DELIVERED' },
  });

test('the plan of accounts is required, and its total is the maximum contribution within the funding tier', async () => {
  const { id } = await network();
  expect(await planMessages(id)).toEqual(['Il progetto deve definire il piano dei conti.']);
  await mustLine(id, measure.guidance, '40000.00');
  const result = await mustLine(id, measure.placement, '30000.00');
  expect(await planMessages(id)).toEqual([]);
  expect((await accounts(id)).planOfAccounts).toMatchObject({ total: '70000.00', tierMaximum: '70000.00', committed: '0.00' });

  const over = await setLine(result, '30000.01');
  expect(over.errors).toBeUndefined();
  expect(await planViolations(id)).toEqual([
    { rule: 'PLAN_OF_ACCOUNTS', message: 'Il piano dei conti (€ 70.000,01) supera il contributo massimo della fascia (€ 70.000,00).', messageEn: 'The plan of accounts (€70,000.01) exceeds the tier maximum (€70,000.00).' },
  ]);
  await setLine(over.data!.updateAccountLine, '30000.00');

  await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId: id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '70000.01', allocatedOn: '2021-04-01', kind: 'PROCESS' },
  });
  expect(await planMessages(id)).toEqual(['Le assegnazioni impegnate (€ 70.000,01) superano il piano dei conti (€ 70.000,00).']);
});

test('delivered services are compared with the plan, line by line', async () => {
  const { id } = await network();
  await mustLine(id, measure.guidance, '100.00');
  const enrolment = await enrol(id);
  await deliver(enrolment.id, measure.guidance, '100.00');
  expect((await accounts(id)).planOfAccounts.lines).toEqual([{ serviceTypeId: measure.guidance, planned: '100.00', delivered: '100.00' }]);
  expect(await planMessages(id)).toEqual([]);
  await deliver(enrolment.id, measure.placement, '0.01');
  expect((await accounts(id)).planOfAccounts.lines).toEqual([
    { serviceTypeId: measure.guidance, planned: '100.00', delivered: '100.00' },
    { serviceTypeId: measure.placement, planned: '0.00', delivered: '0.01' },
  ]);
  expect(await planMessages(id)).toEqual(['I servizi erogati (€ 100,01) superano il piano dei conti (€ 100,00).']);
});

test('a line names a service type of the network’s measure, once', async () => {
  const { id } = await network();
  const faseII: { id: string }[] = await t.owner.query(`SELECT t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_FASE_II' LIMIT 1`);
  expectError(await addLine(id, faseII[0].id, '10.00'), 'BAD_USER_INPUT', 'serviceTypeId');
  await mustLine(id, measure.guidance, '10.00');
  expectError(await addLine(id, measure.guidance, '20.00'), 'CONFLICT');
});

test('an active network keeps its plan of accounts within the tier', async () => {
  const created = await network();
  const line = await mustLine(created.id, measure.guidance, '70000.00');
  await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status } }`, created);
  const refused = await setLine(line, '70000.01');
  expectError(refused, 'RULE_VIOLATION');
  expect(refused.errors![0].extensions!.violations.map((v: { rule: string }) => v.rule)).toEqual(['PLAN_OF_ACCOUNTS']);
  expect((await accounts(created.id)).planOfAccounts.total).toBe('70000.00');
});

test('the 30 % of a business start support waits for the result (Fase II)', async () => {
  const { id } = await network(ref.measure('AZIONI_RETE_FASE_II'));
  const [business] = await t.owner.query(`SELECT t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_FASE_II' AND t.code = 'AVVIO_IMPRESA'`);
  const enrolment = await enrol(id);
  await deliver(enrolment.id, business.id, '1000.00');
  await deliver((await enrol(id)).id, business.id, '333.33');
  expect((await accounts(id)).planOfAccounts.conditionalPending).toBe('400.00');
  await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { updateRecipientEnrolment(id: $id, version: $version, input: { outcome: BUSINESS_START, outcomeOn: "2021-09-01" }) { id } }`, enrolment);
  expect((await accounts(id)).planOfAccounts.conditionalPending).toBe('100.00');
});
