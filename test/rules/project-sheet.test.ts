import { addMember, createNetwork, createPartner, expectError, linkCrisisCompany, must } from '../helpers/factories';
import { useTenantApp } from '../helpers/fixture';

const { t, ref, tenant } = useTenantApp();

const COMPLETE = {
  applicationDate: '2021-02-25',
  companyContext: 'Due aziende metalmeccaniche della stessa filiera, in CIGS con esuberi previsti.',
  recipientsProfile: '20 lavoratori, operai specializzati; fabbisogni formativi sulla saldatura.',
  specificObjectives: 'Ricollocare almeno metà dei lavoratori entro 12 mesi.',
  partnership: 'Capofila accreditato ai servizi al lavoro, un ente di formazione, un sindacato.',
  organisation: 'Cabina di regia mensile presso il capofila.',
  timeline: 'Marzo 2021 – febbraio 2022.',
  expectedResults: 'Inserimenti lavorativi e qualificazioni.',
  expectedPlacements: 10,
};

const violations = async (id: string, rule: string) =>
  (await must(t, tenant.editor, `query($id: ID!) { network(id: $id) { compliance { violations { rule message } } } }`, { id })).compliance.violations
    .filter((v: { rule: string }) => v.rule === rule)
    .map((v: { message: string }) => v.message);

const writeSheet = (input: Record<string, unknown>) =>
  must(t, tenant.editor, `mutation($input: CreateProjectSheetInput!) { createProjectSheet(input: $input) { id version } }`, { input });
const updateSheet = (sheet: { id: string; version: number }, input: Record<string, unknown>) =>
  t.gql(tenant.editor, `mutation($id: ID!, $version: Int!, $input: UpdateProjectSheetInput!) { updateProjectSheet(id: $id, version: $version, input: $input) { id version } }`, { ...sheet, input });

/** A DGR X/6686 network meeting every rule but the project sheet: three members and a plan of accounts. */
async function lavoroNetwork() {
  const network = await createNetwork(t, tenant.editor, ref, { measureId: ref.measure('AZIONI_RETE_LAVORO') });
  await linkCrisisCompany(t, tenant.editor, ref, network.id);
  await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR')).id, 'LEAD');
  for (const code of ['TRAINING_OPERATOR', 'TRADE_UNION']) await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref, code)).id);
  const [process] = await t.owner.query(`SELECT t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_LAVORO' AND t.code = 'SERVIZI_A_PROCESSO'`);
  await must(t, tenant.editor, `mutation($input: CreateAccountLineInput!) { createAccountLine(input: $input) { id } }`, {
    input: { networkId: network.id, serviceTypeId: process.id, plannedAmount: '40000.00' },
  });
  return network;
}

test('the project sheet lists what is still missing, and an incomplete one holds back activation', async () => {
  const network = await lavoroNetwork();
  expect(await violations(network.id, 'PROJECT_SHEET')).toEqual([
    "La scheda progetto è incompleta: mancano data di presentazione, contesto dell'azienda, caratteristiche dei destinatari, obiettivi specifici, partenariato, assetto organizzativo, arco temporale, risultati attesi, inserimenti lavorativi attesi.",
  ]);
  const { expectedResults: _results, expectedPlacements: _placements, ...partial } = COMPLETE;
  const sheet = await writeSheet({ networkId: network.id, ...partial, timeline: '   ' });
  expect(await violations(network.id, 'PROJECT_SHEET')).toEqual(['La scheda progetto è incompleta: mancano arco temporale, risultati attesi, inserimenti lavorativi attesi.']);

  const refused = await t.gql(tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status } }`, network);
  expectError(refused, 'RULE_VIOLATION');
  expect(refused.errors![0].extensions!.violations.map((v: { rule: string }) => v.rule)).toEqual(['PROJECT_SHEET']);

  const completed = await updateSheet(sheet, { timeline: COMPLETE.timeline, expectedResults: COMPLETE.expectedResults, expectedPlacements: 0 });
  expect(completed.errors).toBeUndefined();
  const active = await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status } }`, network);
  expect(active.status).toBe('ACTIVE');
  // An active network keeps its sheet complete.
  expectError(await updateSheet(completed.data!.updateProjectSheet, { organisation: '' }), 'RULE_VIOLATION');
  const shown = await must(t, tenant.editor, `query($id: ID!) { network(id: $id) { projectSheet { organisation expectedPlacements } } }`, { id: network.id });
  expect(shown.projectSheet).toEqual({ organisation: COMPLETE.organisation, expectedPlacements: 0 });
});

test("the application date falls within the call's window (Fase II: 19/02/2021–31/12/2021)", async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  expect(await violations(network.id, 'APPLICATION_WINDOW')).toEqual([]);
  const sheet = await writeSheet({ networkId: network.id, applicationDate: '2021-02-19' });
  expect(await violations(network.id, 'APPLICATION_WINDOW')).toEqual([]);
  const cases: [string, string[]][] = [
    ['2021-02-18', ["La domanda del 18/02/2021 è fuori dalla finestra dell'avviso (dal 19/02/2021 al 31/12/2021)."]],
    ['2021-12-31', []],
    ['2022-01-01', ["La domanda del 01/01/2022 è fuori dalla finestra dell'avviso (dal 19/02/2021 al 31/12/2021)."]],
  ];
  let current = sheet;
  for (const [applicationDate, expected] of cases) {
    const result = await updateSheet(current, { applicationDate });
    expect(result.errors).toBeUndefined();
    current = result.data!.updateProjectSheet;
    expect([applicationDate, await violations(network.id, 'APPLICATION_WINDOW')]).toEqual([applicationDate, expected]);
  }
});

test('one project sheet per network', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  await writeSheet({ networkId: network.id });
  expectError(await t.gql(tenant.editor, `mutation($input: CreateProjectSheetInput!) { createProjectSheet(input: $input) { id } }`, { input: { networkId: network.id } }), 'CONFLICT');
});
