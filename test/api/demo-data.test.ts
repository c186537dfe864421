import { DemoData } from '../../server/src/seed/demo-data';
import { Principal } from '../../server/src/common/request';
import { admin, startTestApp, TestApp } from '../helpers/app';
import { must } from '../helpers/factories';
import { seedDemoData } from '../helpers/demo';

/** The demo data let every documented journey be tried at once (issue 23). */

let t: TestApp;
let demo: DemoData;
const as = (role: keyof DemoData['userIds'], tenant: keyof DemoData['tenants']): Principal => ({ userId: demo.userIds[role], role: 'EDITOR', tenantId: demo.tenants[tenant] });

beforeAll(async () => {
  t = await startTestApp();
  demo = await seedDemoData(t);
}, 120_000);

afterAll(() => t?.close());

test('GOL Percorso 5 has the services of GOL Percorso 3', async () => {
  const [{ id }] = await t.owner.query(`SELECT id FROM measures WHERE code = 'RETE_RICOLLOCAZIONE_GOL_P5'`);
  const serviceTypes = await must(t, as('editor', 'province'), `query($id: ID!) { serviceTypes(filter: { measureId: $id }, perPage: 100) { items { code } } }`, { id });
  const p5 = serviceTypes.items.map((s: { code: string }) => s.code).sort();
  expect(p5).toEqual(['ACCOMPAGNAMENTO_LAVORO', 'ASSESSMENT', 'FORMAZIONE_RESKILLING', 'INSERIMENTO_LAVORO', 'ORIENTAMENTO_SPECIALISTICO']);
});

test('the province has a Fase II network with a catalogue, recipients with planned and delivered services, a plan of accounts and a project sheet', async () => {
  const editor = as('editor', 'province');
  const network = await must(t, editor, `query($id: ID!) { network(id: $id) { code status compliance { ok } measure { code } planOfAccounts { total tierMaximum } projectSheet { applicationDate expectedPlacements } } }`, { id: demo.networks.faseII });
  expect(network.measure.code).toBe('AZIONI_RETE_FASE_II');
  expect([network.status, network.compliance.ok]).toEqual(['ACTIVE', true]);
  expect(network.planOfAccounts).toEqual({ total: '64500.00', tierMaximum: '70000.00' });
  expect(network.projectSheet).toEqual({ applicationDate: '2021-03-15', expectedPlacements: 6 });
  const recipientEnrolments = await must(t, editor, `query($id: ID!) { recipientEnrolments(filter: { networkId: $id }, perPage: 50) { total items { plan { serviceTypeId hoursLeft } } } }`, { id: demo.networks.faseII });
  expect(recipientEnrolments.total).toBe(12);
  const recipientServices = await must(t, editor, `query($id: ID!) { recipientServices(filter: { networkId: $id }, perPage: 100) { items { status } } }`, { id: demo.networks.faseII });
  const statuses = new Set(recipientServices.items.map((s: { status: string }) => s.status));
  expect([...statuses].sort()).toEqual(['DELIVERED', 'PLANNED']);
  // A cap leaves hours: coaching has 4 of 10 planned.
  expect(recipientEnrolments.items[0].plan.some((line: { hoursLeft: number | null }) => line.hoursLeft === 6)).toBe(true);
});

test('the GOL Percorso 5 network is ACTIVE, and raising its measure’s minimum partners to 12 would break it', async () => {
  const network = await must(t, as('editor', 'province'), `query($id: ID!) { network(id: $id) { status measure { id version } compliance { ok } } }`, { id: demo.networks.gol });
  expect(network.status).toBe('ACTIVE');
  expect(network.compliance.ok).toBe(true);
  const previewUpdateMeasure = await must(t, admin, `mutation($id: ID!, $version: Int!) { previewUpdateMeasure(id: $id, version: $version, input: { minPartners: 12 }) { networkId } }`, network.measure);
  expect(previewUpdateMeasure.map((impact: { networkId: string }) => impact.networkId)).toContain(demo.networks.gol);
});

test('the Ambito has a call in each state, and its demo user is appointed to score the closed one', async () => {
  const ambito = as('ambito', 'ambito');
  const call = async (id: string) =>
    await must(t, ambito, `query($id: ID!) { codesignCall(id: $id) { status deadline evaluators { userId userName } ranking { status total scoredCriteria criteria } } }`, { id });
  const now = Date.now();

  const open = await call(demo.calls.open);
  expect(open.status).toBe('PUBLISHED');
  expect(new Date(open.deadline).getTime()).toBeGreaterThan(now);

  const pastDeadline = await call(demo.calls.pastDeadline);
  expect(pastDeadline.status).toBe('PUBLISHED');
  expect(new Date(pastDeadline.deadline).getTime()).toBeLessThan(now);
  expect(pastDeadline.ranking.map((r: { status: string }) => r.status)).toEqual(['SUBMITTED', 'SUBMITTED']);

  const underEvaluation = await call(demo.calls.underEvaluation);
  expect(underEvaluation.status).toBe('CLOSED');
  expect(underEvaluation.evaluators).toContainEqual({ userId: demo.userIds.ambito, userName: 'Ufficio di piano demo' });
  expect(underEvaluation.ranking.map((r: { status: string }) => r.status)).toEqual(['UNDER_EVALUATION', 'UNDER_EVALUATION']);

  const awarded = await call(demo.calls.awarded);
  expect(awarded.status).toBe('AWARDED');
  expect(awarded.ranking.map((r: { status: string; total: number }) => [r.status, r.total])).toEqual([['SELECTED', 86], ['NOT_SELECTED', 73.5]]);

  // The demo Ambito user may score the closed call: the server takes the score.
  const codesignProposals = await must(t, ambito, `query($id: ID!) { codesignProposals(filter: { callId: $id }) { items { id } } }`, { id: demo.calls.underEvaluation });
  const codesignCriteria = await must(t, ambito, `query($id: ID!) { codesignCriteria(filter: { callId: $id }) { items { id } } }`, { id: demo.calls.underEvaluation });
  await must(t, ambito, `mutation($input: CreateCodesignScoreInput!) { createCodesignScore(input: $input) { id } }`, {
    input: { proposalId: codesignProposals.items[0].id, criterionId: codesignCriteria.items[0].id, score: 40, reason: 'Prova' },
  });
});

test('the closed calls went by the rules: published before their deadline, proposals submitted before it, closed after it', async () => {
  // The seed waits for no deadline: the checks read each transaction's start (now()), and the seed orders its transactions around the deadline.
  const rows = await t.owner.query(
    `SELECT c.status, c.published_at < c.deadline AS published_before, bool_and(p.submitted_at <= c.deadline) AS submitted_before, c.updated_at >= c.deadline AS closed_after
     FROM codesign_calls c JOIN codesign_proposals p ON p.call_id = c.id WHERE c.id = ANY($1) GROUP BY c.tenant_id, c.id ORDER BY c.status`,
    [[demo.calls.pastDeadline, demo.calls.underEvaluation, demo.calls.awarded]],
  );
  expect(rows).toEqual([
    { status: 'AWARDED', published_before: true, submitted_before: true, closed_after: true },
    { status: 'CLOSED', published_before: true, submitted_before: true, closed_after: true },
    { status: 'PUBLISHED', published_before: true, submitted_before: true, closed_after: false },
  ]);
});

test('a third-sector body sees the published calls and its own proposals', async () => {
  const body = as('body1', 'body1');
  const codesignProposals = await must(t, body, `{ codesignProposals(perPage: 50) { items { callId status } } }`);
  const byCall = Object.fromEntries(codesignProposals.items.map((p: { callId: string; status: string }) => [p.callId, p.status]));
  expect(byCall).toEqual({
    [demo.calls.open]: 'SUBMITTED',
    [demo.calls.pastDeadline]: 'SUBMITTED',
    [demo.calls.underEvaluation]: 'UNDER_EVALUATION',
    [demo.calls.awarded]: 'SELECTED',
  });
});

test('an Ambito user picks evaluators among the colleagues of their own office, by name', async () => {
  const names = async (principal: Principal) => (await must(t, principal, `{ colleagues { id displayName } }`)).map((c: { displayName: string }) => c.displayName);
  expect(await names(as('ambito', 'ambito'))).toEqual(['Ufficio di piano demo', 'Valutatrice demo']);
  expect(await names(as('editor', 'province'))).toEqual(['Analista demo', 'Operatore demo']);
  expect(await names(as('body1', 'body1'))).toEqual(['Referente Il Ponte (demo)']);
});
