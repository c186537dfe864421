import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { addMember, countRows, createNetwork, createPartner, expectError, linkCrisisCompany, must, personTaxCode, referenceIds, ReferenceIds } from '../helpers/factories';

/*
 * Seed 000: "Il progetto deve obbligatoriamente prevedere per tutti i lavoratori l'erogazione di
 * almeno uno dei servizi di orientamento e di almeno uno dei servizi di assistenza intensiva".
 * A flag on the network (PLAN_SERVICES): reported, it blocks activation; plans are written one
 * service at a time, so on an ACTIVE network only a write that breaks a plan already defined is
 * refused.
 */
let t: TestApp;
let ref: ReferenceIds;
let type: (code: string) => string;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let lead: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  const rows: { code: string; id: string }[] = await t.owner.query(
    `SELECT t.code, t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_FASE_II'`,
  );
  type = (code) => rows.find((r) => r.code === code)!.id;
  tenant = await newTenant(t);
  lead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR');
});
afterAll(() => t.close());

/** A Fase II network that its other rules let activate: a lead, a Job Centre, a union and a company in crisis. */
async function faseII() {
  const network = await createNetwork(t, tenant.editor, ref);
  await addMember(t, tenant.editor, network.id, lead.id, 'LEAD');
  await linkCrisisCompany(t, tenant.editor, ref, network.id);
  for (const code of ['CPI', 'TRADE_UNION']) await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref, code)).id);
  return network as { id: string; version: number };
}

const enrol = (networkId: string, extra: Record<string, unknown> = {}) =>
  must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id version } }`, {
    input: {
      networkId, taxCode: personTaxCode(), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand: 2,
      // Fase II admits the unemployed whose subordinate employment ended, resident in Lombardy.
      previousContract: 'SUBORDINATE', residenceMunicipalityId: ref.municipality('015182'), ...extra,
    },
  });

const addService = (enrolmentId: string, code: string) =>
  t.gql(tenant.editor, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id version } }`, {
    input: { enrolmentId, serviceTypeId: type(code), partnerId: lead.id, serviceDate: '2021-04-01', hours: 1, amount: '50.00' },
  });
const mustAdd = async (enrolmentId: string, code: string) => {
  const result = await addService(enrolmentId, code);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createRecipientService as { id: string; version: number };
};

interface Finding { rule: string; message: string; messageEn: string; ids: string[]; from: string | null }
const report = async (networkId: string) =>
  (await must(t, tenant.editor, `query($id: ID!) { network(id: $id) { status compliance { ok
    violations { rule message messageEn ids from } upcoming { rule message messageEn ids from } } } }`, { id: networkId })) as {
    status: string;
    compliance: { ok: boolean; violations: Finding[]; upcoming: Finding[] };
  };
const planServices = (findings: Finding[], enrolmentId: string) => findings.filter((v) => v.rule === 'PLAN_SERVICES' && v.ids.includes(enrolmentId));
const activate = (network: { id: string; version: number }) =>
  t.gql(tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status version } }`, network);

test('a recipient with guidance services only and no phase-2 choice is flagged; one intensive-assistance service clears it', async () => {
  const network = await faseII();
  const worker = await enrol(network.id);
  await mustAdd(worker.id, 'COLLOQUIO_SPECIALISTICO');
  await mustAdd(worker.id, 'COACHING');

  const flagged = await report(network.id);
  expect(planServices(flagged.compliance.violations, worker.id)).toEqual([
    {
      rule: 'PLAN_SERVICES',
      message: '1 destinatario: il piano personalizzato (PIP) deve prevedere almeno 1 servizi di orientamento e 1 di assistenza intensiva.',
      messageEn: '1 recipient(s): the personal plan (PIP) must include at least 1 guidance and 1 intensive-assistance services.',
      ids: [worker.id],
      from: null,
    },
  ]);
  // The flag blocks activation, and nothing changes.
  const refused = await activate(network);
  expectError(refused, 'RULE_VIOLATION');
  expect(refused.errors![0].extensions!.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'PLAN_SERVICES', ids: [worker.id] })]));
  expect((await report(network.id)).status).toBe('DRAFT');

  await mustAdd(worker.id, 'INSERIMENTO_LAVORO');
  const cleared = await report(network.id);
  expect(planServices([...cleared.compliance.violations, ...cleared.compliance.upcoming], worker.id)).toEqual([]);
  expect(cleared.compliance.ok).toBe(true);
  expect((await activate(network)).errors).toBeUndefined();
});

test('intensive assistance without guidance is flagged too; a recipient with no service yet is not', async () => {
  const network = await faseII();
  const waiting = await enrol(network.id);
  const intensiveOnly = await enrol(network.id);
  await mustAdd(intensiveOnly.id, 'TIROCINIO');
  const { violations } = (await report(network.id)).compliance;
  expect(planServices(violations, waiting.id)).toEqual([]);
  expect(planServices(violations, intensiveOnly.id)).toHaveLength(1);
});

test('on an active network a plan is written one service at a time, listed as due by the end of the project until complete', async () => {
  const network = await faseII();
  const first = await enrol(network.id);
  await mustAdd(first.id, 'COLLOQUIO_SPECIALISTICO');
  await mustAdd(first.id, 'INSERIMENTO_LAVORO');
  expect((await activate(network)).errors).toBeUndefined();

  const worker = await enrol(network.id);
  await mustAdd(worker.id, 'COACHING');
  const pending = await report(network.id);
  expect(pending.compliance.ok).toBe(true);
  expect(planServices(pending.compliance.upcoming, worker.id)).toEqual([
    {
      rule: 'PLAN_SERVICES',
      message: '1 destinatario: entro la fine del progetto (28/02/2022) il piano personalizzato (PIP) deve prevedere almeno 1 servizi di orientamento e 1 di assistenza intensiva.',
      messageEn: '1 recipient(s): by the end of the project (28/02/2022) the personal plan (PIP) must include at least 1 guidance and 1 intensive-assistance services.',
      ids: [worker.id],
      from: '2022-03-01',
    },
  ]);
  await mustAdd(worker.id, 'AVVIO_IMPRESA');
  const complete = await report(network.id);
  expect(planServices([...complete.compliance.violations, ...complete.compliance.upcoming], worker.id)).toEqual([]);
});

test('on an active network, removing the only intensive-assistance service of a defined plan is refused', async () => {
  const network = await faseII();
  const worker = await enrol(network.id, { phase2ServiceTypeId: type('INSERIMENTO_LAVORO') });
  await mustAdd(worker.id, 'COLLOQUIO_SPECIALISTICO');
  const placement = await mustAdd(worker.id, 'INSERIMENTO_LAVORO');
  expect((await activate(network)).errors).toBeUndefined();

  const refused = await t.gql(tenant.editor, `mutation($id: ID!, $version: Int!) { deleteRecipientService(id: $id, version: $version) { id } }`, placement);
  expectError(refused, 'RULE_VIOLATION');
  expect(refused.errors![0].extensions!.violations).toEqual([expect.objectContaining({ rule: 'PLAN_SERVICES', ids: [worker.id], messageEn: expect.stringContaining('intensive-assistance') })]);
  expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [worker.id])).toBe(2);
});
