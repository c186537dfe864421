import { Client } from 'pg';
import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { actAs } from '../helpers/identity';
import { must, referenceIds } from '../helpers/factories';
import { testUrls } from '../helpers/env';
import { draftProposal, editorUser, passDeadline, publishedCall, SUBMIT } from '../helpers/codesign';

/**
 * Who sees which co-design rows, asked in SQL as the role the API signs in as: it must hold even
 * if the application forgot a filter. A call is the Ambito's, read by bodies once published; a
 * proposal is its body's, read by the Ambito once submitted, never by a competing body.
 */
type Tenant = Awaited<ReturnType<typeof newTenant>>;

let t: TestApp;
let app: Client;
let ambito: Tenant;
let otherAmbito: Tenant;
let province: Tenant;
let bodyA: Tenant;
let bodyB: Tenant;
const ids = {} as { draftCall: string; call: string; submitted: string; draft: string; score: string };

beforeAll(async () => {
  t = await startTestApp();
  const ref = await referenceIds(t);
  [ambito, otherAmbito, province, bodyA, bodyB] = await Promise.all([
    newTenant(t, 'AMBITO'), newTenant(t, 'AMBITO'), newTenant(t), newTenant(t, 'THIRD_SECTOR_BODY'), newTenant(t, 'THIRD_SECTOR_BODY'),
  ]);
  ids.draftCall = (await must(t, ambito.editor, `mutation { createCodesignCall(input: { code: "BOZZA", title: "Bozza", object: "Oggetto", deadline: "2030-01-01T00:00:00Z" }) { id } }`)).id;
  const call = await publishedCall(t, ambito);
  ids.call = call.id;
  const submitted = await draftProposal(t, bodyA.editor, ref, call.id);
  await must(t, bodyA.editor, SUBMIT, submitted);
  ids.submitted = submitted.id;
  ids.draft = (await draftProposal(t, bodyB.editor, ref, call.id)).id;
  const evaluator = await editorUser(t, ambito);
  await must(t, ambito.editor, `mutation($input: CreateCodesignEvaluatorInput!) { createCodesignEvaluator(input: $input) { id } }`, { input: { callId: call.id, userId: evaluator.userId } });
  await passDeadline(t, call.id);
  await must(t, ambito.editor, `mutation($id: ID!, $version: Int!) { setCodesignCallStatus(id: $id, version: $version, status: CLOSED) { id } }`, call);
  ids.score = (await must(t, evaluator, `mutation($input: CreateCodesignScoreInput!) { createCodesignScore(input: $input) { id } }`, {
    input: { proposalId: submitted.id, criterionId: call.criteria[0].id, score: 40, reason: 'Adeguata' },
  })).id;
  app = new Client({ connectionString: testUrls.app() });
  await app.connect();
});
afterAll(async () => {
  await app.end();
  await t.close();
});

/** The ids of `table`'s rows among ours that `tenant` sees, in a transaction rolled back. */
async function visible(tenant: Tenant, table: string, of: string[]): Promise<string[]> {
  await app.query('BEGIN');
  try {
    await actAs(app, { tenantId: tenant.id });
    const { rows } = await app.query(`SELECT id FROM ${table} WHERE id = ANY($1) ORDER BY id`, [of]);
    return rows.map((r) => r.id);
  } finally {
    await app.query('ROLLBACK');
  }
}

const sorted = (...list: string[]) => [...list].sort();

test('calls: the Ambito sees its own; bodies see published ones only; other tenants none', async () => {
  const calls = [ids.draftCall, ids.call];
  expect(await visible(ambito, 'codesign_calls', calls)).toEqual(sorted(...calls));
  expect(await visible(bodyA, 'codesign_calls', calls)).toEqual([ids.call]);
  expect(await visible(province, 'codesign_calls', calls)).toEqual([]);
  expect(await visible(otherAmbito, 'codesign_calls', calls)).toEqual([]);
});

test('proposals: their body sees them; the Ambito only submitted ones; competing bodies and other tenants never', async () => {
  const proposals = [ids.submitted, ids.draft];
  expect(await visible(bodyA, 'codesign_proposals', proposals)).toEqual([ids.submitted]);
  expect(await visible(bodyB, 'codesign_proposals', proposals)).toEqual([ids.draft]);
  expect(await visible(ambito, 'codesign_proposals', proposals)).toEqual([ids.submitted]);
  for (const other of [province, otherAmbito]) expect(await visible(other, 'codesign_proposals', proposals)).toEqual([]);
});

test("a proposal's actions and partners follow it", async () => {
  for (const table of ['codesign_actions', 'codesign_proposal_partners']) {
    const all = (await t.owner.query(`SELECT id, proposal_id FROM ${table} WHERE proposal_id = ANY($1)`, [[ids.submitted, ids.draft]])) as { id: string; proposal_id: string }[];
    const of = (proposal: string) => all.filter((r) => r.proposal_id === proposal).map((r) => r.id).sort();
    expect(of(ids.submitted).length).toBeGreaterThan(0);
    const every = all.map((r) => r.id);
    expect([table, await visible(ambito, table, every)]).toEqual([table, of(ids.submitted)]);
    expect([table, await visible(bodyB, table, every)]).toEqual([table, of(ids.draft)]);
    expect([table, await visible(province, table, every)]).toEqual([table, []]);
  }
});

test('scores and evaluators are the Ambito’s alone, even to the body scored', async () => {
  expect(await visible(ambito, 'codesign_scores', [ids.score])).toEqual([ids.score]);
  for (const other of [bodyA, bodyB, province]) expect(await visible(other, 'codesign_scores', [ids.score])).toEqual([]);
  const [evaluator] = await t.owner.query('SELECT id FROM codesign_evaluators WHERE call_id = $1', [ids.call]);
  expect(await visible(bodyA, 'codesign_evaluators', [evaluator.id])).toEqual([]);
});

test('the Ambito cannot write a body’s proposal, nor a body another’s, whatever the statement', async () => {
  await app.query('BEGIN');
  try {
    await actAs(app, { tenantId: ambito.id });
    expect((await app.query(`UPDATE codesign_proposals SET title = 'Manomessa' WHERE id = $1`, [ids.submitted])).rowCount).toBe(0);
    expect((await app.query(`UPDATE codesign_proposals SET status = 'SELECTED' WHERE id = $1`, [ids.submitted])).rowCount).toBe(0);
    await actAs(app, { tenantId: bodyB.id });
    expect((await app.query(`DELETE FROM codesign_actions WHERE proposal_id = $1`, [ids.submitted])).rowCount).toBe(0);
    // Its own submitted proposal a body cannot reopen either: the trigger refuses.
    await actAs(app, { tenantId: bodyA.id });
    await expect(app.query(`UPDATE codesign_proposals SET status = 'DRAFT' WHERE id = $1`, [ids.submitted])).rejects.toMatchObject({ code: 'RT001', hint: 'PROPOSAL_SUBMITTED' });
  } finally {
    await app.query('ROLLBACK');
  }
  const [row] = await t.owner.query('SELECT title, status FROM codesign_proposals WHERE id = $1', [ids.submitted]);
  expect(row).toEqual({ title: 'Lavoro in rete', status: 'UNDER_EVALUATION' });
});

test('outcomes come only through codesign_set_outcomes, for a closed call of the caller’s own tenant', async () => {
  await app.query('BEGIN');
  try {
    await actAs(app, { tenantId: otherAmbito.id });
    await expect(app.query('SELECT codesign_set_outcomes($1, $2::uuid[])', [ids.call, [ids.submitted]])).rejects.toMatchObject({ hint: 'CALL_NOT_CLOSED' });
  } finally {
    await app.query('ROLLBACK');
  }
  expect((await t.owner.query('SELECT status FROM codesign_proposals WHERE id = $1', [ids.submitted]))[0].status).toBe('UNDER_EVALUATION');
});

test('those who read every tenant see no draft (nor its parts) and no score before the award', async () => {
  const seen = async (table: string, of: string[]) => {
    await app.query('BEGIN');
    try {
      await actAs(app, { allTenants: true });
      return (await app.query(`SELECT id FROM ${table} WHERE id = ANY($1) ORDER BY id`, [of])).rows.map((r) => r.id);
    } finally {
      await app.query('ROLLBACK');
    }
  };
  expect(await seen('codesign_proposals', [ids.submitted, ids.draft])).toEqual([ids.submitted]);
  for (const table of ['codesign_actions', 'codesign_proposal_partners']) {
    const rows = (await t.owner.query(`SELECT id, proposal_id FROM ${table} WHERE proposal_id = ANY($1)`, [[ids.submitted, ids.draft]])) as { id: string; proposal_id: string }[];
    const submittedParts = rows.filter((r) => r.proposal_id === ids.submitted).map((r) => r.id).sort();
    expect([table, await seen(table, rows.map((r) => r.id))]).toEqual([table, submittedParts]);
  }
  expect(await seen('codesign_scores', [ids.score])).toEqual([]);
});
