import { randomInt } from 'node:crypto';
import { newTenant } from '../helpers/app';
import { HttpTestApp, startHttpApp } from '../helpers/http';
import { addMember, createNetwork, createPartner, expectError, must, referenceIds } from '../helpers/factories';
import { Principal } from '../../server/src/common/request';
import { personCheckCharacter } from '../../server/src/common/tax-code';

let t: HttpTestApp;
let tenant: Awaited<ReturnType<typeof newTenant>>;

const SURNAME = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
let sequence = 0;

/** One Fase II network: six recipients in aid band 2 (three placed, one business start), one in band 3; a coaching session each. */
beforeAll(async () => {
  t = await startHttpApp();
  const ref = await referenceIds(t);
  tenant = await newTenant(t);
  const lead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR');
  const network = await createNetwork(t, tenant.editor, ref);
  await addMember(t, tenant.editor, network.id, lead.id, 'LEAD');
  const [coaching] = await t.owner.query(`SELECT t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_FASE_II' AND t.code = 'COACHING'`);
  const outcomes = ['PLACEMENT', 'PLACEMENT', 'PLACEMENT', 'BUSINESS_START', null, null, null];
  for (const [i, outcome] of outcomes.entries()) {
    const first15 = `${SURNAME}90A01Z${String(++sequence).padStart(3, '0')}`;
    const enrolment = await must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
      input: { networkId: network.id, taxCode: first15 + personCheckCharacter(first15), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand: i < 6 ? 2 : 3, outcome, outcomeOn: outcome && '2021-10-01' },
    });
    await must(t, tenant.editor, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id } }`, {
      input: { enrolmentId: enrolment.id, serviceTypeId: coaching.id, partnerId: lead.id, serviceDate: '2021-04-01', hours: 2, amount: '60.00', status: 'DELIVERED' },
    });
  }
});
afterAll(() => t.close());

const services = (principal: Principal, groupBy: string, minRecipients = 1) =>
  t.gql(principal, `query { serviceTotals(groupBy: [${groupBy}], minRecipients: ${minRecipients}) { tenant serviceType status aidBand recipients services hours amount } }`);
const outcomes = (principal: Principal, groupBy: string, minRecipients = 1) =>
  t.gql(principal, `query { outcomeTotals(groupBy: [${groupBy}], minRecipients: ${minRecipients}) { measure aidBand year recipients placements traineeships businessStarts placedShare } }`);

test('services grouped by type and status: recipients, hours and amounts', async () => {
  const result = await services(tenant.analyst, 'SERVICE_TYPE, STATUS');
  expect(result.data!.serviceTotals).toEqual([
    { tenant: null, serviceType: 'COACHING', status: 'DELIVERED', aidBand: null, recipients: 7, services: 7, hours: 14, amount: '420.00' },
  ]);
});

test('outcomes by measure and aid band, with the share placed; small groups can be left out', async () => {
  const all = (await outcomes(tenant.analyst, 'MEASURE, AID_BAND, YEAR')).data!.outcomeTotals;
  expect(all).toEqual([
    { measure: 'AZIONI_RETE_FASE_II', aidBand: 2, year: 2021, recipients: 6, placements: 3, traineeships: 0, businessStarts: 1, placedShare: '0.5000' },
    { measure: 'AZIONI_RETE_FASE_II', aidBand: 3, year: 2021, recipients: 1, placements: 0, traineeships: 0, businessStarts: 0, placedShare: '0.0000' },
  ]);
  expect((await outcomes(tenant.analyst, 'AID_BAND', 6)).data!.outcomeTotals.map((r: { aidBand: number }) => r.aidBand)).toEqual([2]);
  expect((await services(tenant.analyst, 'AID_BAND', 2)).data!.serviceTotals.map((r: { aidBand: number }) => r.aidBand)).toEqual([2]);
});

test('each caller counts only what they may read; dimensions belong to services or to outcomes', async () => {
  const other = await newTenant(t);
  expect((await services(other.analyst, 'TENANT')).data!.serviceTotals).toEqual([]);
  const regional: Principal = { userId: null, role: 'ANALYST', tenantId: null };
  const mine = (await services(regional, 'TENANT')).data!.serviceTotals.filter((r: { tenant: string }) => r.tenant === tenant.code);
  expect(mine).toEqual([expect.objectContaining({ recipients: 7, amount: '420.00' })]);
  expectError(await services(tenant.analyst, 'OUTCOME'), 'BAD_USER_INPUT', 'groupBy');
  expectError(await outcomes(tenant.analyst, 'DELIVERY'), 'BAD_USER_INPUT', 'groupBy');
  expectError(await outcomes(tenant.analyst, 'MEASURE', 0), 'BAD_USER_INPUT', 'minRecipients');
});

test('open data publishes services and outcomes without groups under 5 recipients', async () => {
  const analyst = await t.signUp('ANALYST', tenant.id);
  const download = async (name: string) => {
    const response = await fetch(new URL(`/opendata/${name}.csv`, t.url), { headers: { authorization: `Bearer ${analyst.token}` } });
    expect(response.status).toBe(200);
    return (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'));
  };
  expect(await download('esiti')).toEqual([
    ['misura', 'provincia', 'anno', 'fascia_di_aiuto', 'destinatari', 'inserimenti', 'tirocini', 'avvii_impresa', 'quota_inseriti'],
    ['AZIONI_RETE_FASE_II', '', '2021', '2', '6', '3', '0', '1', '0.5000'],
  ]);
  expect(await download('servizi')).toEqual([
    ['misura', 'provincia', 'anno', 'servizio', 'stato', 'destinatari', 'servizi', 'ore', 'importo'],
    ['AZIONI_RETE_FASE_II', '', '2021', 'COACHING', 'DELIVERED', '7', '7', '14', '420.00'],
  ]);
});
