import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { addMember, countRows, createNetwork, createPartner, expectError, must, personTaxCode, referenceIds, ReferenceIds, uniqueCode } from '../helpers/factories';

/*
 * Seed 002: result services are "quantificati secondo la Fascia di Aiuto del destinatario".
 * RESULT_BAND_AMOUNTS: the measure sets an amount per aid band and result kind; a recipient's
 * result services, planned or delivered, and the network's committed result allocations may not
 * exceed what the bands pay. A band without an amount is left to the caps per recipient.
 */
let t: TestApp;
let ref: ReferenceIds;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let lead: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  tenant = await newTenant(t);
  lead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR');
});
afterAll(() => t.close());

const MEASURE = `id version placementAmountsByBand selfEmploymentAmountsByBand`;

/** A measure of its own with the rule, caps per recipient as in seed 001, a guidance, a placement and a self-employment service. */
async function bandedMeasure(bands: { placementAmountsByBand?: (string | null)[]; selfEmploymentAmountsByBand?: (string | null)[] }) {
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { ${MEASURE} } }`, {
    input: { code: uniqueCode('M'), name: 'Misura con fasce di aiuto', rules: ['RESULT_BAND_AMOUNTS'], placementCapPerRecipient: '1835.00', selfEmploymentCapPerRecipient: '3860.00', ...bands },
  });
  const serviceType = (input: Record<string, unknown>) =>
    must(t, admin, `mutation($input: CreateServiceTypeInput!) { createServiceType(input: $input) { id } }`, { input: { measureId: measure.id, phase: 2, category: 'INTENSIVE_ASSISTANCE', ...input } });
  const placement = await serviceType({ code: 'INSERIMENTO', name: 'Inserimento', payment: 'RESULT', resultKind: 'PLACEMENT' });
  const business = await serviceType({ code: 'AVVIO_IMPRESA', name: "Avvio d'impresa", payment: 'PROCESS_CONDITIONAL_ON_RESULT', resultKind: 'SELF_EMPLOYMENT' });
  return { ...measure, placement: placement.id as string, business: business.id as string };
}

async function network(measureId: string, plannedUnemployed = 2) {
  const created = await createNetwork(t, tenant.editor, ref, { measureId, plannedSuspended: 0, plannedUnemployed });
  await addMember(t, tenant.editor, created.id, lead.id, 'LEAD');
  return created as { id: string; version: number };
}

const enrol = (networkId: string, aidBand: number | null) =>
  must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
    input: { networkId, taxCode: personTaxCode(), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand },
  });
const addService = (enrolmentId: string, serviceTypeId: string, amount: string, status = 'PLANNED') =>
  t.gql(tenant.editor, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id version } }`, {
    input: { enrolmentId, serviceTypeId, partnerId: lead.id, serviceDate: '2021-09-01', hours: 0, amount, status },
  });
const mustAdd = async (...args: Parameters<typeof addService>) => {
  const result = await addService(...args);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createRecipientService as { id: string; version: number };
};
const allocate = (networkId: string, amount: string) =>
  t.gql(tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId, fundSourceId: ref.fundSource('AZIONI_RETE'), amount, allocatedOn: '2021-04-01', kind: 'RESULT' },
  });

interface Finding { rule: string; message: string; messageEn: string; ids: string[]; field: string }
const bandFindings = async (networkId: string): Promise<Finding[]> =>
  (await must(t, tenant.editor, `query($id: ID!) { network(id: $id) { compliance { violations { rule message messageEn ids field } } } }`, { id: networkId })).compliance.violations.filter(
    (v: Finding) => v.rule === 'RESULT_BAND_AMOUNTS',
  );

test('the amounts per band are parameters of the measure an administrator edits, at most four bands, each above zero or empty', async () => {
  const measure = await bandedMeasure({});
  expect(measure).toMatchObject({ placementAmountsByBand: [], selfEmploymentAmountsByBand: [] });
  const updated = await must(t, admin, `mutation($id: ID!, $version: Int!, $input: UpdateMeasureInput!) { updateMeasure(id: $id, version: $version, input: $input) { ${MEASURE} } }`, {
    id: measure.id, version: measure.version, input: { placementAmountsByBand: [null, '1200', null, '1835.00'] },
  });
  expect(updated).toMatchObject({ placementAmountsByBand: [null, '1200.00', null, '1835.00'], selfEmploymentAmountsByBand: [] });
  const read = await must(t, tenant.editor, `query($id: ID!) { measure(id: $id) { placementAmountsByBand } }`, { id: measure.id });
  expect(read.placementAmountsByBand).toEqual([null, '1200.00', null, '1835.00']);

  for (const placementAmountsByBand of [['0.00'], ['1', '2', '3', '4', '5']]) {
    const refused = await t.gql(admin, `mutation($id: ID!, $version: Int!, $input: UpdateMeasureInput!) { updateMeasure(id: $id, version: $version, input: $input) { id } }`, {
      id: measure.id, version: updated.version, input: { placementAmountsByBand },
    });
    expectError(refused, 'BAD_USER_INPUT', 'placementAmountsByBand');
  }
  const [row] = await t.owner.query(`SELECT placement_amounts_by_band::text[] AS amounts FROM measures WHERE id = $1`, [measure.id]);
  expect(row.amounts).toEqual([null, '1200.00', null, '1835.00']);
});

test("a recipient's result services, planned or delivered, may not exceed the amount of the recipient's band", async () => {
  const measure = await bandedMeasure({ placementAmountsByBand: ['1000.00', '1200.00'], selfEmploymentAmountsByBand: [null, '2500.00'] });
  const { id } = await network(measure.id, 10);

  const atAmount = await enrol(id, 2);
  await mustAdd(atAmount.id, measure.placement, '1200.00');
  await mustAdd(atAmount.id, measure.placement, '1200.00', 'DELIVERED');
  const over = await enrol(id, 2);
  await mustAdd(over.id, measure.placement, '1000.00');
  await mustAdd(over.id, measure.placement, '1200.01', 'DELIVERED');
  // Band 1 pays € 1.000,00 for a placement; self-employment has no amount of its own in band 1 (the cap applies).
  const lowBand = await enrol(id, 1);
  await mustAdd(lowBand.id, measure.placement, '1000.01');
  await mustAdd(lowBand.id, measure.business, '3860.00');
  // Band 3 sets no amount: only the caps per recipient (PER_RECIPIENT_CAPS) bound it.
  const unset = await enrol(id, 3);
  await mustAdd(unset.id, measure.placement, '1835.00');
  const business = await enrol(id, 2);
  const start = await mustAdd(business.id, measure.business, '2500.00');

  const byMessage = (a: Finding, b: Finding) => a.message.localeCompare(b.message);
  expect((await bandFindings(id)).sort(byMessage)).toEqual([
    {
      rule: 'RESULT_BAND_AMOUNTS',
      message: "1 destinatario: i servizi di inserimento lavorativo (€ 1.000,01) superano l'importo della fascia di aiuto 1 (€ 1.000,00).",
      messageEn: '1 recipient(s): job-placement services (€1,000.01) exceed the amount of aid band 1 (€1,000.00).',
      ids: [lowBand.id],
      field: 'recipientEnrolments',
    },
    {
      rule: 'RESULT_BAND_AMOUNTS',
      message: "1 destinatario: i servizi di inserimento lavorativo (€ 1.200,01) superano l'importo della fascia di aiuto 2 (€ 1.200,00).",
      messageEn: '1 recipient(s): job-placement services (€1,200.01) exceed the amount of aid band 2 (€1,200.00).',
      ids: [over.id],
      field: 'recipientEnrolments',
    },
  ]);
  await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { updateRecipientService(id: $id, version: $version, input: { amount: "2500.01" }) { id } }`, start);
  expect((await bandFindings(id)).filter((v) => v.ids.includes(business.id)).map((v) => v.message)).toEqual([
    "1 destinatario: i servizi di autoimprenditorialità (€ 2.500,01) superano l'importo della fascia di aiuto 2 (€ 2.500,00).",
  ]);
});

test("the committed result allocations may not exceed what the recipients' bands pay", async () => {
  // Each recipient counts the larger of its band's two amounts: band 1 € 2.000,00, band 2 € 2.500,00, any band at most € 3.860,00.
  const measure = await bandedMeasure({ placementAmountsByBand: ['1000.00', '1200.00', '1500.00', '1835.00'], selfEmploymentAmountsByBand: ['2000.00', '2500.00', '3000.00', '3860.00'] });
  const { id } = await network(measure.id, 3);
  await enrol(id, 1);
  await enrol(id, 2);
  // Two enrolled recipients and one planned still to enrol: 2.000 + 2.500 + 3.860.
  expect((await allocate(id, '8360.00')).errors).toBeUndefined();
  expect(await bandFindings(id)).toEqual([]);
  const over = (await allocate(id, '0.01')).data!.createAllocation;
  expect(await bandFindings(id)).toEqual([
    {
      rule: 'RESULT_BAND_AMOUNTS',
      message: 'I servizi a risultato impegnati (€ 8.360,01) superano quanto pagano le fasce di aiuto dei destinatari (€ 8.360,00).',
      messageEn: "Result services committed (€8,360.01) exceed what the recipients' aid bands pay (€8,360.00).",
      ids: expect.arrayContaining([over.id]),
      field: 'allocations',
    },
  ]);
  // The third recipient enrolled in band 1 lowers the bound to 2.000 + 2.500 + 2.000.
  await enrol(id, 1);
  expect((await bandFindings(id)).map((v) => v.message)).toEqual(['I servizi a risultato impegnati (€ 8.360,01) superano quanto pagano le fasce di aiuto dei destinatari (€ 6.500,00).']);
});

test('on an active network a result service over its band is refused in both languages; lowering a band previews the networks it would break', async () => {
  const measure = await bandedMeasure({ placementAmountsByBand: ['1000.00', '1200.00'] });
  const net = await network(measure.id);
  const worker = await enrol(net.id, 2);
  await mustAdd(worker.id, measure.placement, '1100.00');
  await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status } }`, net);

  const refused = await addService(worker.id, measure.placement, '100.01', 'PLANNED');
  expectError(refused, 'RULE_VIOLATION');
  expect(refused.errors![0].extensions!.violations).toEqual([
    expect.objectContaining({
      rule: 'RESULT_BAND_AMOUNTS',
      message: "1 destinatario: i servizi di inserimento lavorativo (€ 1.200,01) superano l'importo della fascia di aiuto 2 (€ 1.200,00).",
      messageEn: '1 recipient(s): job-placement services (€1,200.01) exceed the amount of aid band 2 (€1,200.00).',
      ids: [worker.id],
    }),
  ]);
  expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [worker.id])).toBe(1);
  expect((await addService(worker.id, measure.placement, '100.00')).errors).toBeUndefined();

  const preview = await must(t, admin, `mutation($id: ID!, $version: Int!, $input: UpdateMeasureInput!) { previewUpdateMeasure(id: $id, version: $version, input: $input) { networkId violations { rule ids } } }`, {
    id: measure.id, version: measure.version, input: { placementAmountsByBand: ['1000.00', '1199.99'] },
  });
  expect(preview).toEqual([{ networkId: net.id, violations: [{ rule: 'RESULT_BAND_AMOUNTS', ids: [worker.id] }] }]);
  const [row] = await t.owner.query(`SELECT placement_amounts_by_band::text[] AS amounts FROM measures WHERE id = $1`, [measure.id]);
  expect(row.amounts).toEqual(['1000.00', '1200.00']);
});

test('the measures of seeds 001–002 follow the rule, with no amount per band: the documents give none', async () => {
  const rows = await t.owner.query(
    `SELECT code, 'RESULT_BAND_AMOUNTS' = ANY (rules) AS listed, placement_amounts_by_band::text[] AS placement, self_employment_amounts_by_band::text[] AS business
     FROM measures WHERE code IN ('AZIONI_RETE_LAVORO', 'AZIONI_RETE_FASE_II') ORDER BY code`,
  );
  expect(rows).toEqual([
    { code: 'AZIONI_RETE_FASE_II', listed: true, placement: [], business: [] },
    { code: 'AZIONI_RETE_LAVORO', listed: true, placement: [], business: [] },
  ]);
  const [label] = await t.owner.query(`SELECT label_it, label_en, owner FROM rule_codes WHERE code = 'RESULT_BAND_AMOUNTS'`);
  expect(label).toEqual({ label_it: 'Servizi a risultato secondo la fascia di aiuto', label_en: 'Result services by aid band', owner: 'service-plan' });
});
