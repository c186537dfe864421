import { Principal } from '../../server/src/common/request';
import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { expectError, firstError, must, orgTaxCode, ReferenceIds, referenceIds } from '../helpers/factories';
import { draftProposal, editorUser, passDeadline, publishedCall, SUBMIT } from '../helpers/codesign';

/**
 * Issue 21, finding 3: an evaluator cannot clear their own conflict of interest. Appointments and
 * affiliations are the Ambito's and freeze when the call closes; a proposal's partners are a
 * conflict too; the ranking and the award re-check every score. And (last paragraph) what those
 * who read every tenant see before the award, and scores of more than two decimals.
 */
type Tenant = Awaited<ReturnType<typeof newTenant>>;

let t: TestApp;
let ref: ReferenceIds;
let ambito: Tenant;
let bodyA: Tenant;
let bodyB: Tenant;
const regional: Principal = { userId: null, role: 'ANALYST', tenantId: null };

const APPOINT = `mutation($input: CreateCodesignEvaluatorInput!) { createCodesignEvaluator(input: $input) { id version affiliatedBodyId } }`;
const REAFFILIATE = `mutation($id: ID!, $version: Int!, $body: ID) { updateCodesignEvaluator(id: $id, version: $version, input: { affiliatedBodyId: $body }) { id version affiliatedBodyId } }`;
const REMOVE = `mutation($id: ID!, $version: Int!) { deleteCodesignEvaluator(id: $id, version: $version) { id } }`;
const SCORE = `mutation($input: CreateCodesignScoreInput!) { createCodesignScore(input: $input) { id score } }`;
const RANKING = `query($id: ID!) { codesignCall(id: $id) { ranking { proposalId total scoredCriteria } } }`;
const AWARD = `mutation($id: ID!, $version: Int!, $input: AwardCodesignCallInput!) { awardCodesignCall(id: $id, version: $version, input: $input) { id status } }`;

let call: { id: string; version: number; criteria: { id: string; weight: number }[] };
let proposalA: { id: string; leadTaxCode: string };
let proposalB: { id: string; version: number };
let conflicted: Principal;
let fair: Principal;
let colleague: Principal;
let conflictedRow: { id: string; version: number };
let colleagueRow: { id: string; version: number; affiliatedBodyId?: string | null };

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  [ambito, bodyA, bodyB] = await Promise.all([newTenant(t, 'AMBITO'), newTenant(t, 'THIRD_SECTOR_BODY'), newTenant(t, 'THIRD_SECTOR_BODY')]);
  call = await publishedCall(t, ambito);
  [conflicted, fair, colleague] = [await editorUser(t, ambito), await editorUser(t, ambito), await editorUser(t, ambito)];
  conflictedRow = await must(t, ambito.editor, APPOINT, { input: { callId: call.id, userId: conflicted.userId, affiliatedBodyId: bodyA.id } });
  await must(t, ambito.editor, APPOINT, { input: { callId: call.id, userId: fair.userId } });
  colleagueRow = await must(t, ambito.editor, APPOINT, { input: { callId: call.id, userId: colleague.userId } });

  const a = await draftProposal(t, bodyA.editor, ref, call.id);
  await must(t, bodyA.editor, SUBMIT, a);
  proposalA = a;
  // Body B brings body A (known by the tax code it leads its own proposal with) as a partner.
  proposalB = await draftProposal(t, bodyB.editor, ref, call.id);
  await must(t, bodyB.editor, `mutation($input: CreateCodesignProposalPartnerInput!) { createCodesignProposalPartner(input: $input) { id } }`, {
    input: { proposalId: proposalB.id, legalName: 'Ente A', taxCode: proposalA.leadTaxCode, partnerTypeId: ref.partnerType('THIRD_SECTOR') },
  });
});
afterAll(() => t.close());

test('an evaluator cannot change, remove or add their own appointment; the Ambito can while the call is open', async () => {
  const own = firstError(await t.gql(conflicted, REAFFILIATE, { ...conflictedRow, body: null }));
  expect(own.extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'OWN_APPOINTMENT' });
  expect(firstError(await t.gql(conflicted, REMOVE, conflictedRow)).extensions).toMatchObject({ reason: 'OWN_APPOINTMENT' });
  const other = await publishedCall(t, ambito);
  expect(firstError(await t.gql(conflicted, APPOINT, { input: { callId: other.id, userId: conflicted.userId } })).extensions).toMatchObject({ reason: 'OWN_APPOINTMENT' });
  const [row] = await t.owner.query('SELECT affiliated_body_id FROM codesign_evaluators WHERE id = $1', [conflictedRow.id]);
  expect(row.affiliated_body_id).toBe(bodyA.id);

  // Another editor of the Ambito may; the change is in the audit trail with who made it.
  colleagueRow = await must(t, fair, REAFFILIATE, { ...colleagueRow, body: bodyB.id });
  expect(colleagueRow.affiliatedBodyId).toBe(bodyB.id);
  colleagueRow = await must(t, ambito.editor, REAFFILIATE, { ...colleagueRow, body: null });
  const events = (await must(t, ambito.editor, `query($id: ID!) { auditEvents(filter: { entityId: $id }) { items { action actorId before after } } }`, { id: colleagueRow.id })).items;
  expect(events.filter((e: { action: string }) => e.action === 'UPDATE').map((e: { actorId: string; after: { affiliated_body_id: string | null } }) => [e.actorId, e.after.affiliated_body_id]))
    .toEqual(expect.arrayContaining([[fair.userId, bodyB.id]]));
  expect(events.map((e: { action: string }) => e.action).sort()).toEqual(['INSERT', 'UPDATE', 'UPDATE']);
});

test('before the award, those who read every tenant see no draft and no score', async () => {
  const proposals = (await must(t, regional, `query($callId: ID!) { codesignProposals(filter: { callId: $callId }) { items { id status } } }`, { callId: call.id })).items;
  expect(proposals).toEqual([{ id: proposalA.id, status: 'SUBMITTED' }]);
  expectError(await t.gql(regional, `query($id: ID!) { codesignProposal(id: $id) { id } }`, { id: proposalB.id }), 'NOT_FOUND');
  const actions = await must(t, regional, `query($id: ID!) { codesignActions(filter: { proposalId: $id }) { total } }`, { id: proposalB.id });
  expect(actions.total).toBe(0);
  const partners = await must(t, regional, `query($id: ID!) { codesignProposalPartners(filter: { proposalId: $id }) { total } }`, { id: proposalB.id });
  expect(partners.total).toBe(0);

  await must(t, bodyB.editor, SUBMIT, proposalB);
  await passDeadline(t, call.id);
  call = { ...call, ...(await must(t, ambito.editor, `mutation($id: ID!, $version: Int!) { setCodesignCallStatus(id: $id, version: $version, status: CLOSED) { id version } }`, call)) };
});

test('once the call is closed nobody changes the commission', async () => {
  expect(firstError(await t.gql(ambito.editor, REAFFILIATE, { ...conflictedRow, body: null })).extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'CALL_CLOSED' });
  expect(firstError(await t.gql(ambito.editor, REMOVE, conflictedRow)).extensions).toMatchObject({ reason: 'CALL_CLOSED' });
  const late = await editorUser(t, ambito);
  expect(firstError(await t.gql(ambito.editor, APPOINT, { input: { callId: call.id, userId: late.userId } })).extensions).toMatchObject({ reason: 'CALL_CLOSED' });
});

test('an evaluator of a body scores neither its proposal nor one that brings it as partner; two decimals at most', async () => {
  const [quality, rooting] = call.criteria;
  const score = (who: Principal, proposalId: string, criterionId: string, value: number) =>
    t.gql(who, SCORE, { input: { proposalId, criterionId, score: value, reason: 'Motivazione' } });
  expect(firstError(await score(conflicted, proposalA.id, quality.id, 60)).extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'OWN_BODY_PROPOSAL' });
  expect(firstError(await score(conflicted, proposalB.id, quality.id, 60)).extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'PARTNER_BODY_PROPOSAL' });

  expectError(await score(fair, proposalA.id, quality.id, 0.004), 'BAD_USER_INPUT', 'score');
  expect(await t.owner.query('SELECT 1 FROM codesign_scores WHERE proposal_id = $1', [proposalA.id])).toHaveLength(0);

  for (const [proposalId, values] of [[proposalA.id, [30.25, 20]], [proposalB.id, [40, 10.5]]] as const) {
    await must(t, fair, SCORE, { input: { proposalId, criterionId: quality.id, score: values[0], reason: 'Motivazione' } });
    await must(t, fair, SCORE, { input: { proposalId, criterionId: rooting.id, score: values[1], reason: 'Motivazione' } });
  }
  const [stored] = await t.owner.query(`SELECT score::text FROM codesign_scores WHERE proposal_id = $1 AND criterion_id = $2`, [proposalA.id, quality.id]);
  expect(stored.score).toBe('30.25');
  // Every score is in the audit trail.
  const audited = (await must(t, ambito.editor, `{ auditEvents(filter: { entity: "codesign_scores" }, perPage: 50) { items { after } } }`)).items;
  expect(audited.filter((e: { after: { call_id: string } }) => e.after?.call_id === call.id)).toHaveLength(4);
});

test('a conflicted score that got in anyway counts for nothing in the ranking, and the award waits for its removal', async () => {
  // Written behind the triggers' back, as by an older version or a restored backup.
  await t.owner.transaction(async (m) => {
    await m.query('SET LOCAL session_replication_role = replica');
    await m.query(
      `INSERT INTO codesign_scores (tenant_id, call_id, proposal_tenant_id, proposal_id, criterion_id, evaluator_id, score, reason)
       VALUES ($1, $2, $3, $4, $5, $6, 60, 'Massimo'), ($1, $2, $7, $8, $5, $6, 0, 'Minimo')`,
      [ambito.id, call.id, bodyA.id, proposalA.id, call.criteria[0].id, conflicted.userId, bodyB.id, proposalB.id],
    );
  });
  const { ranking } = (await must(t, ambito.editor, RANKING, { id: call.id }));
  expect(ranking).toEqual([
    { proposalId: proposalB.id, total: 50.5, scoredCriteria: 2 },
    { proposalId: proposalA.id, total: 50.25, scoredCriteria: 2 },
  ]);
  // Before the award the ranking is the Ambito's: not the regional analyst's, nor the scores.
  expect((await must(t, regional, RANKING, { id: call.id })).ranking).toEqual([]);
  expect((await must(t, regional, `query($id: ID!) { codesignScores(filter: { callId: $id }) { total } }`, { id: call.id })).total).toBe(0);

  const input = { proposalIds: [proposalB.id], actNumber: 'Determina 7/2025', actDate: '2025-01-10', networkCode: `COPROG-${orgTaxCode()}`, startDate: '2025-02-01', endDate: '2026-01-31' };
  const refused = firstError(await t.gql(ambito.editor, AWARD, { id: call.id, version: call.version, input }));
  expect(refused.extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'CONFLICTED_SCORES' });
  expect(refused.message).toContain('2 punteggi');
  expect((await t.owner.query('SELECT status FROM codesign_calls WHERE id = $1', [call.id]))[0].status).toBe('CLOSED');

  // Its author removes it (the Ambito cannot touch an evaluator's score).
  for (const row of await t.owner.query('SELECT id, version FROM codesign_scores WHERE evaluator_id = $1', [conflicted.userId])) {
    await must(t, conflicted, `mutation($id: ID!, $version: Int!) { deleteCodesignScore(id: $id, version: $version) { id } }`, row);
  }
  expect((await must(t, ambito.editor, AWARD, { id: call.id, version: call.version, input })).status).toBe('AWARDED');
  // Published with the award: now the regional analyst reads the ranking and the scores.
  expect((await must(t, regional, RANKING, { id: call.id })).ranking.map((r: { proposalId: string }) => r.proposalId)).toEqual([proposalB.id, proposalA.id]);
  expect((await must(t, regional, `query($id: ID!) { codesignScores(filter: { callId: $id }) { total } }`, { id: call.id })).total).toBe(4);
});
