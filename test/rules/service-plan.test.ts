import { randomInt } from 'node:crypto';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { addMember, countRows, createNetwork, createPartner, expectError, linkCrisisCompany, must, referenceIds, ReferenceIds, uniqueCode } from '../helpers/factories';
import { Principal } from '../../server/src/common/request';
import { personCheckCharacter } from '../../server/src/common/tax-code';

let t: TestApp;
let ref: ReferenceIds;
let type: (code: string) => string;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let lead: { id: string };
let outsider: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  const rows: { code: string; id: string }[] = await t.owner.query(
    `SELECT t.code, t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_FASE_II'`,
  );
  type = (code) => rows.find((r) => r.code === code)!.id;
  tenant = await newTenant(t);
  lead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR');
  outsider = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR');
});
afterAll(() => t.close());

let sequence = 0;
const SURNAME = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
/** A valid personal codice fiscale, different at every call and from other test files' ones. */
function personTaxCode(): string {
  sequence += 1;
  const first15 = `${SURNAME}85T10Z${String(sequence).padStart(3, '0')}`;
  return first15 + personCheckCharacter(first15);
}

/** A measure of its own with an hourly-costed guidance service and two phase-2 alternatives. */
async function costedMeasure(extra: Record<string, unknown> = {}) {
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id version } }`, {
    input: { code: uniqueCode('M'), name: 'Misura con costi standard', rules: [], ...extra },
  });
  const serviceType = (input: Record<string, unknown>) =>
    must(t, admin, `mutation($input: CreateServiceTypeInput!) { createServiceType(input: $input) { id } }`, { input: { measureId: measure.id, ...input } });
  const guidance = await serviceType({ code: 'ORIENTAMENTO', name: 'Orientamento', phase: 1, category: 'GUIDANCE_TRAINING', payment: 'PROCESS', hourlyUnitCost: '35.50' });
  const placement = await serviceType({ code: 'INSERIMENTO', name: 'Inserimento', phase: 2, category: 'INTENSIVE_ASSISTANCE', payment: 'RESULT' });
  const traineeship = await serviceType({ code: 'TIROCINIO', name: 'Tirocinio', phase: 2, category: 'INTENSIVE_ASSISTANCE', payment: 'RESULT' });
  return { measureId: measure.id as string, version: measure.version as number, serviceTypeId: guidance.id as string, placement: placement.id as string, traineeship: traineeship.id as string };
}

const ENROLMENT = `id version aidBand relocationAllowance hoursReduction previousContract residenceMunicipality { istatCode } phase2ServiceTypeId outcome outcomeOn`;

async function fase2Network(principal: Principal = tenant.editor) {
  const network = await createNetwork(t, principal, ref);
  await addMember(t, principal, network.id, lead.id, 'LEAD');
  await linkCrisisCompany(t, principal, ref, network.id);
  for (const code of ['CPI', 'TRADE_UNION']) await addMember(t, principal, network.id, (await createPartner(t, principal, ref, code)).id);
  return network;
}

const enrol = (networkId: string, extra: Record<string, unknown> = {}, principal: Principal = tenant.editor) =>
  must(t, principal, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { ${ENROLMENT} } }`, {
    // An unemployed recipient Fase II admits (seed 000): from subordinate employment, living in Lombardy.
    input: { networkId, taxCode: personTaxCode(), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand: 2, previousContract: 'SUBORDINATE', residenceMunicipalityId: ref.municipality('015182'), ...extra },
  });

const addService = (enrolmentId: string, code: string, extra: Record<string, unknown> = {}, principal: Principal = tenant.editor) =>
  t.gql(principal, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id version networkId amount hours status delivery } }`, {
    input: { enrolmentId, serviceTypeId: type(code), partnerId: lead.id, serviceDate: '2021-04-01', hours: 1, amount: '50.00', ...extra },
  });

const mustAdd = async (...args: Parameters<typeof addService>) => {
  const result = await addService(...args);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createRecipientService;
};

const violations = async (networkId: string) =>
  (await must(t, tenant.editor, `query($id: ID!) { network(id: $id) { compliance { violations { rule message messageEn ids } } } }`, { id: networkId })).compliance
    .violations as { rule: string; message: string; messageEn: string; ids: string[] }[];

/** The rules a recipient's plan breaks, from the network's compliance report. */
const brokenBy = async (networkId: string, enrolmentId: string) =>
  (await violations(networkId)).filter((v) => v.ids.includes(enrolmentId)).map((v) => v.rule).sort();

describe('recipients stay pseudonymous, with coarse attributes only', () => {
  test('an enrolment keeps aid band, residence, previous contract, Assegno di Ricollocazione and hours cut; the codice fiscale only as a hash', async () => {
    const network = await fase2Network();
    const taxCode = personTaxCode();
    const created = await must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { ${ENROLMENT} } }`, {
      input: {
        networkId: network.id, taxCode, kind: 'SUSPENDED', enrolledOn: '2021-03-15', aidBand: 3, residenceMunicipalityId: ref.municipality('015182'),
        previousContract: 'SUBORDINATE', relocationAllowance: true, hoursReduction: 'OVER_30',
      },
    });
    expect(created).toMatchObject({ aidBand: 3, relocationAllowance: true, hoursReduction: 'OVER_30', previousContract: 'SUBORDINATE', residenceMunicipality: { istatCode: '015182' } });
    const [row] = await t.owner.query(`SELECT to_jsonb(e) AS row FROM recipient_enrolments e WHERE id = $1`, [created.id]);
    expect(JSON.stringify(row)).not.toContain(taxCode);
    expect(Object.keys(row.row).sort()).toEqual([
      'aid_band', 'created_at', 'ended_on', 'enrolled_on', 'hours_reduction', 'id', 'kind', 'network_id', 'outcome', 'outcome_contract', 'outcome_on', 'outside_policies',
      'phase2_service_type_id', 'previous_contract', 'recipient_hash', 'relocation_allowance', 'residence_municipality_id', 'tenant_id', 'updated_at', 'version',
    ]);
  });

  test('the aid band is 1 to 4', async () => {
    const network = await fase2Network();
    for (const aidBand of [0, 5]) {
      const result = await t.gql(tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
        input: { networkId: network.id, taxCode: personTaxCode(), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand },
      });
      expectError(result, 'BAD_USER_INPUT', 'aidBand');
    }
    expect((await enrol(network.id, { aidBand: 4 })).aidBand).toBe(4);
  });
});

describe('the personal plan and its services', () => {
  test('services are planned and delivered by members of the network, priced at the standard rates', async () => {
    const network = await fase2Network();
    const enrolment = await enrol(network.id);
    const planned = await mustAdd(enrolment.id, 'COACHING', { hours: 4, amount: '120.00', delivery: 'GROUP' });
    expect(planned).toMatchObject({ networkId: network.id, status: 'PLANNED', delivery: 'GROUP', amount: '120.00', hours: 4 });
    // The voucher is worth its value, whatever amount is given.
    expect((await mustAdd(enrolment.id, 'FORMAZIONE_SPECIALIZZATA_VOUCHER', { hours: 40, amount: '1.00', status: 'DELIVERED' })).amount).toBe('2000.00');
    await mustAdd(enrolment.id, 'COACHING', { hours: 3, amount: '90.00', status: 'DELIVERED' });

    expectError(await addService(enrolment.id, 'COACHING', { partnerId: outsider.id }), 'BAD_USER_INPUT', 'partnerId');
    expectError(await addService(enrolment.id, 'COACHING', { amount: undefined }), 'BAD_USER_INPUT', 'amount');
    const elsewhere = await costedMeasure();
    const result = await t.gql(tenant.editor, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id } }`, {
      input: { enrolmentId: enrolment.id, serviceTypeId: elsewhere.serviceTypeId, partnerId: lead.id, serviceDate: '2021-04-01', hours: 1, amount: '1.00' },
    });
    expectError(result, 'BAD_USER_INPUT', 'serviceTypeId');

    const { recipientEnrolment } = (await t.gql(tenant.editor, `query($id: ID!) { recipientEnrolment(id: $id) {
      services { hours status partner { id } serviceType { code } }
      plan { serviceTypeId plannedHours deliveredHours maxHours hoursLeft plannedAmount deliveredAmount } } }`, { id: enrolment.id })).data!;
    expect(recipientEnrolment.services).toHaveLength(3);
    expect(recipientEnrolment.plan).toEqual([
      { serviceTypeId: type('COACHING'), plannedHours: 4, deliveredHours: 3, maxHours: 10, hoursLeft: 6, plannedAmount: '120.00', deliveredAmount: '90.00' },
      { serviceTypeId: type('FORMAZIONE_SPECIALIZZATA_VOUCHER'), plannedHours: 0, deliveredHours: 40, maxHours: null, hoursLeft: null, plannedAmount: '0.00', deliveredAmount: '2000.00' },
    ]);
  });

  test('a service type with a standard hourly cost prices the hours', async () => {
    const { measureId, serviceTypeId } = await costedMeasure();
    const network = await createNetwork(t, tenant.editor, ref, { measureId });
    await addMember(t, tenant.editor, network.id, lead.id, 'LEAD');
    const enrolment = await enrol(network.id);
    const service = await must(t, tenant.editor, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id version amount } }`, {
      input: { enrolmentId: enrolment.id, serviceTypeId, partnerId: lead.id, serviceDate: '2021-04-01', hours: 3 },
    });
    expect(service.amount).toBe('106.50');
    const updated = await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { updateRecipientService(id: $id, version: $version, input: { hours: 5 }) { amount } }`, service);
    expect(updated.amount).toBe('177.50');
  });

  test('another tenant neither sees nor adds to the plan', async () => {
    const network = await fase2Network();
    const enrolment = await enrol(network.id);
    await mustAdd(enrolment.id, 'COACHING');
    const other = await newTenant(t);
    expect((await must(t, other.editor, `query($id: ID!) { recipientServices(filter: { enrolmentId: $id }) { total } }`, { id: enrolment.id })).total).toBe(0);
    const result = await addService(enrolment.id, 'COACHING', {}, other.editor);
    expectError(result, 'BAD_USER_INPUT', 'enrolmentId');
    expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [enrolment.id])).toBe(1);
  });
});

describe('the rules on the plans, at their boundaries', () => {
  let networkId: string;
  beforeAll(async () => {
    networkId = (await fase2Network()).id;
  });

  test('hour caps per service type and the voucher minimum (SERVICE_HOURS)', async () => {
    const atCap = await enrol(networkId);
    await mustAdd(atCap.id, 'BILANCIO_COMPETENZE', { hours: 4 });
    await mustAdd(atCap.id, 'BILANCIO_COMPETENZE', { hours: 2 });
    await mustAdd(atCap.id, 'FORMAZIONE_SPECIALIZZATA_VOUCHER', { hours: 40 });
    await mustAdd(atCap.id, 'INSERIMENTO_LAVORO');
    expect(await brokenBy(networkId, atCap.id)).toEqual([]);

    const over = await enrol(networkId);
    await mustAdd(over.id, 'BILANCIO_COMPETENZE', { hours: 7 });
    await mustAdd(over.id, 'FORMAZIONE_SPECIALIZZATA_VOUCHER', { hours: 39 });
    await mustAdd(over.id, 'INSERIMENTO_LAVORO');
    const found = (await violations(networkId)).filter((v) => v.ids.includes(over.id));
    expect(found.map((v) => v.message).sort()).toEqual([
      '1 destinatario: un percorso a voucher deve durare almeno 40 ore (39).',
      '1 destinatario: un servizio supera il massimo di 6 ore (7).',
    ]);
  });

  test('one phase-2 alternative, chosen among the intensive-assistance services (PHASE2_CHOICE)', async () => {
    const one = await enrol(networkId);
    await mustAdd(one.id, 'COLLOQUIO_SPECIALISTICO');
    await mustAdd(one.id, 'INSERIMENTO_LAVORO', { amount: '1000.00' });
    expect(await brokenBy(networkId, one.id)).toEqual([]);
    await mustAdd(one.id, 'TIROCINIO', { amount: '500.00' });
    expect(await brokenBy(networkId, one.id)).toEqual(['PHASE2_CHOICE']);

    const wrongChoice = await enrol(networkId, { phase2ServiceTypeId: type('COACHING') });
    expect(await brokenBy(networkId, wrongChoice.id)).toContain('PHASE2_CHOICE');
  });

  test('a plan has a guidance and an intensive-assistance service, with its phase-2 choice or without (PLAN_SERVICES)', async () => {
    const enrolment = await enrol(networkId);
    expect(await brokenBy(networkId, enrolment.id)).toEqual([]);
    await mustAdd(enrolment.id, 'AVVIO_IMPRESA', { amount: '1000.00' });
    expect(await brokenBy(networkId, enrolment.id)).toEqual(['PLAN_SERVICES']);
    const chosen = await must(t, tenant.editor, `mutation($id: ID!, $version: Int!, $type: ID!) { updateRecipientEnrolment(id: $id, version: $version, input: { phase2ServiceTypeId: $type }) { id version } }`, {
      ...enrolment, type: type('AVVIO_IMPRESA'),
    });
    expect(await brokenBy(networkId, chosen.id)).toEqual(['PLAN_SERVICES']);
    await mustAdd(enrolment.id, 'COLLOQUIO_SPECIALISTICO');
    expect(await brokenBy(networkId, chosen.id)).toEqual([]);
  });

  test('process services up to € 2.000,00 and result services up to € 1.835,00 / € 3.860,00 per recipient, with an aid band (PER_RECIPIENT_CAPS)', async () => {
    const atCaps = await enrol(networkId);
    await mustAdd(atCaps.id, 'COACHING', { amount: '1500.00' });
    await mustAdd(atCaps.id, 'COLLOQUIO_SPECIALISTICO', { amount: '500.00' });
    await mustAdd(atCaps.id, 'INSERIMENTO_LAVORO', { amount: '1835.00' });
    expect(await brokenBy(networkId, atCaps.id)).toEqual([]);

    const over = await enrol(networkId, { aidBand: null });
    await mustAdd(over.id, 'COACHING', { amount: '1500.00' });
    await mustAdd(over.id, 'COLLOQUIO_SPECIALISTICO', { amount: '500.01' });
    await mustAdd(over.id, 'INSERIMENTO_LAVORO', { amount: '1835.01' });
    const found = (await violations(networkId)).filter((v) => v.ids.includes(over.id)).map((v) => v.message).sort();
    expect(found).toEqual([
      '1 destinatario: i servizi a processo (€ 2.000,01) superano € 2.000,00.',
      '1 destinatario: i servizi a risultato richiedono la fascia di aiuto del destinatario.',
      '1 destinatario: i servizi di inserimento lavorativo (€ 1.835,01) superano € 1.835,00.',
    ]);

    const selfEmployed = await enrol(networkId);
    await mustAdd(selfEmployed.id, 'COLLOQUIO_SPECIALISTICO');
    const business = await mustAdd(selfEmployed.id, 'AVVIO_IMPRESA', { amount: '3860.00' });
    expect(await brokenBy(networkId, selfEmployed.id)).toEqual([]);
    await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { updateRecipientService(id: $id, version: $version, input: { amount: "3860.01" }) { id } }`, business);
    expect(await brokenBy(networkId, selfEmployed.id)).toEqual(['PER_RECIPIENT_CAPS']);
  });

  test('an Assegno di Ricollocazione holder receives training only (RELOCATION_TRAINING_ONLY)', async () => {
    const holder = await enrol(networkId, { relocationAllowance: true, kind: 'SUSPENDED' });
    await mustAdd(holder.id, 'FORMAZIONE', { hours: 100 });
    expect(await brokenBy(networkId, holder.id)).toEqual([]);
    await mustAdd(holder.id, 'COACHING');
    expect(await brokenBy(networkId, holder.id)).toEqual(['RELOCATION_TRAINING_ONLY']);
  });

  test('Fase II carries the parameters of seed 000', async () => {
    const [row] = await t.owner.query(`SELECT min_guidance_services, min_intensive_services, max_phase2_alternatives, conditional_result_share::text AS share, rules FROM measures WHERE code = 'AZIONI_RETE_FASE_II'`);
    expect(row).toEqual({ min_guidance_services: 1, min_intensive_services: 1, max_phase2_alternatives: 1, share: '0.3000', rules: expect.arrayContaining(['PLAN_SERVICES', 'PHASE2_CHOICE', 'SERVICE_HOURS', 'RELOCATION_TRAINING_ONLY', 'PER_RECIPIENT_CAPS']) });
  });
});

test('the plan rules follow the parameters an administrator edits', async () => {
  const measure = await costedMeasure({ rules: ['PHASE2_CHOICE'], maxPhase2Alternatives: 2 });
  const network = await createNetwork(t, tenant.editor, ref, { measureId: measure.measureId });
  await addMember(t, tenant.editor, network.id, lead.id, 'LEAD');
  const enrolment = await enrol(network.id);
  await mustAdd(enrolment.id, 'COACHING', { serviceTypeId: measure.placement });
  await mustAdd(enrolment.id, 'COACHING', { serviceTypeId: measure.traineeship });
  expect(await brokenBy(network.id, enrolment.id)).toEqual([]);
  await must(t, admin, `mutation($id: ID!, $version: Int!) { updateMeasure(id: $id, version: $version, input: { maxPhase2Alternatives: 1 }) { id } }`, { id: measure.measureId, version: measure.version });
  expect(await brokenBy(network.id, enrolment.id)).toEqual(['PHASE2_CHOICE']);
  await must(t, admin, `mutation($id: ID!, $version: Int!) { updateMeasure(id: $id, version: $version, input: { rules: [] }) { id } }`, { id: measure.measureId, version: measure.version + 1 });
  expect(await brokenBy(network.id, enrolment.id)).toEqual([]);
});

test('an active network refuses a service that breaks a plan rule, and keeps the ones that do not', async () => {
  const network = await fase2Network();
  const enrolment = await enrol(network.id);
  await mustAdd(enrolment.id, 'COACHING', { hours: 8 });
  await mustAdd(enrolment.id, 'INSERIMENTO_LAVORO');
  await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status } }`, { id: network.id, version: network.version });
  expect((await addService(enrolment.id, 'COACHING', { hours: 2 })).errors).toBeUndefined();
  const refused = await addService(enrolment.id, 'COACHING', { hours: 1 });
  expectError(refused, 'RULE_VIOLATION');
  expect(refused.errors![0].extensions!.violations).toEqual([
    expect.objectContaining({ rule: 'SERVICE_HOURS', message: '1 destinatario: un servizio supera il massimo di 10 ore (11).', ids: [enrolment.id] }),
  ]);
  expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [enrolment.id])).toBe(3);
});
