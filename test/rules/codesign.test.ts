import { Principal } from '../../server/src/common/request';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { countRows, expectError, firstError, must, orgTaxCode, ReferenceIds, referenceIds } from '../helpers/factories';
import { draftProposal, editorUser, FULL_SECTIONS, passDeadline, publishedCall, SUBMIT } from '../helpers/codesign';

type Tenant = Awaited<ReturnType<typeof newTenant>>;

let t: TestApp;
let ref: ReferenceIds;
let ambito: Tenant;
let province: Tenant;
let bodyA: Tenant;
let bodyB: Tenant;

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  [ambito, province, bodyA, bodyB] = await Promise.all([newTenant(t, 'AMBITO'), newTenant(t), newTenant(t, 'THIRD_SECTOR_BODY'), newTenant(t, 'THIRD_SECTOR_BODY')]);
  for (const istat of ['015182', '015009']) {
    await must(t, admin, `mutation($input: CreateAmbitoMunicipalityInput!) { createAmbitoMunicipality(input: $input) { id } }`, {
      input: { ambitoId: ambito.id, municipalityId: ref.municipality(istat) },
    });
  }
});
afterAll(() => t.close());

const CREATE_CALL = `mutation($input: CreateCodesignCallInput!) { createCodesignCall(input: $input) { id version } }`;
const SET_CALL_STATUS = `mutation($id: ID!, $version: Int!, $status: CodesignCallStatus!) { setCodesignCallStatus(id: $id, version: $version, status: $status) { id version status } }`;
const CREATE_SCORE = `mutation($input: CreateCodesignScoreInput!) { createCodesignScore(input: $input) { id evaluatorId score } }`;
const AWARD = `mutation($id: ID!, $version: Int!, $input: AwardCodesignCallInput!) {
  awardCodesignCall(id: $id, version: $version, input: $input) { id version status awardActNumber awardActDate networkId network { measure { code } status members { role partner { taxCode } } } } }`;
const PROPOSAL = `query($id: ID!) { codesignProposal(id: $id) { id status completeness { percent complete } } }`;

describe('reference data from seed 004', () => {
  test('only an ambito has municipalities, and the refusal says to choose one', async () => {
    const refused = await t.gql(admin, `mutation($input: CreateAmbitoMunicipalityInput!) { createAmbitoMunicipality(input: $input) { id } }`, {
      input: { ambitoId: province.id, municipalityId: ref.municipality('015182') },
    });
    expectError(refused, 'BAD_USER_INPUT', 'ambitoId');
    expect(firstError(refused).message).toBe('Solo un ambito territoriale ha dei comuni: scegli un ente di tipo ambito.');
    expect(firstError(refused).extensions!.messageEn).toMatch(/choose an ambito/);
  });

  test('the Ambito del Rhodense is a tenant of kind AMBITO with its nine municipalities', async () => {
    const { tenants } = (await t.gql(admin, `{ tenants(filter: { q: "AMBITO_RHODENSE" }) { items { kind municipalities { istatCode } } } }`)).data!;
    expect(tenants.items).toHaveLength(1);
    expect(tenants.items[0].kind).toBe('AMBITO');
    expect(tenants.items[0].municipalities.map((m: { istatCode: string }) => m.istatCode).sort()).toEqual(
      ['015009', '015087', '015116', '015154', '015170', '015176', '015182', '015211', '015229'],
    );
  });

  test('the nine target groups, readable by editors, written by administrators only', async () => {
    const { targetGroups } = (await t.gql(bodyA.editor, `{ targetGroups(perPage: 50) { total items { code } } }`)).data!;
    expect(targetGroups.items.map((g: { code: string }) => g.code)).toEqual(expect.arrayContaining(['YOUNG_NOT_IN_WORK', 'DISABILITY_L68_99', 'HIRING_COMPANIES']));
    expect(targetGroups.total).toBeGreaterThanOrEqual(9);
    expectError(await t.gql(ambito.editor, `mutation { createTargetGroup(input: { code: "INTRUSO", name: "Intruso" }) { id } }`), 'FORBIDDEN');
  });

  test('only a tenant of kind AMBITO has municipalities', async () => {
    const result = await t.gql(admin, `mutation($input: CreateAmbitoMunicipalityInput!) { createAmbitoMunicipality(input: $input) { id } }`, {
      input: { ambitoId: province.id, municipalityId: ref.municipality('015182') },
    });
    expectError(result, 'BAD_USER_INPUT', 'ambitoId');
  });
});

describe('the call', () => {
  test('only an ambito opens one', async () => {
    const input = { code: 'X1', title: 'Bando', object: 'Oggetto', deadline: new Date(Date.now() + 86_400_000).toISOString() };
    for (const who of [province.editor, bodyA.editor]) expect(firstError(await t.gql(who, CREATE_CALL, { input }))).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'NOT_AN_AMBITO' } });
    expectError(await t.gql(ambito.analyst, CREATE_CALL, { input }), 'FORBIDDEN');
  });

  test('is published only with criteria weighing 100 in all and target groups; then its content is fixed', async () => {
    const call = await must(t, ambito.editor, CREATE_CALL, {
      input: { code: 'PESI', title: 'Bando', object: 'Oggetto', deadline: new Date(Date.now() + 86_400_000).toISOString() },
    });
    await must(t, ambito.editor, `mutation($input: CreateCodesignCriterionInput!) { createCodesignCriterion(input: $input) { id } }`, {
      input: { callId: call.id, name: 'Qualità', weight: 70 },
    });
    const refused = firstError(await t.gql(ambito.editor, SET_CALL_STATUS, { id: call.id, version: call.version, status: 'PUBLISHED' }));
    expect(refused).toMatchObject({ extensions: { code: 'RULE_VIOLATION', reason: 'WEIGHTS_NOT_100', violations: [{ rule: 'WEIGHTS_NOT_100' }] } });
    expect(refused.message).toContain('sommano a 70');

    await must(t, ambito.editor, `mutation($input: CreateCodesignCriterionInput!) { createCodesignCriterion(input: $input) { id } }`, {
      input: { callId: call.id, name: 'Rete', weight: 30 },
    });
    expect(firstError(await t.gql(ambito.editor, SET_CALL_STATUS, { id: call.id, version: call.version, status: 'PUBLISHED' })).extensions).toMatchObject({ reason: 'NO_TARGET_GROUPS' });

    const published = await publishedCall(t, ambito);
    const edit = await t.gql(ambito.editor, `mutation($id: ID!, $version: Int!) { updateCodesignCall(id: $id, version: $version, input: { title: "Cambiato" }) { id } }`, published);
    expect(firstError(edit).extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'CALL_NOT_DRAFT' });
    const criterion = await t.gql(ambito.editor, `mutation($input: CreateCodesignCriterionInput!) { createCodesignCriterion(input: $input) { id } }`, {
      input: { callId: published.id, name: 'Tardivo', weight: 1 },
    });
    expect(firstError(criterion).extensions).toMatchObject({ reason: 'CALL_NOT_DRAFT' });
    // Closing before the deadline is refused.
    expect(firstError(await t.gql(ambito.editor, SET_CALL_STATUS, { id: published.id, version: published.version, status: 'CLOSED' })).extensions).toMatchObject({ reason: 'BEFORE_DEADLINE' });
  });
});

describe('from proposal to award', () => {
  let call: { id: string; version: number; criteria: { id: string; weight: number }[] };
  let proposalA: { id: string; version: number; leadTaxCode: string; partnerTaxCode: string };
  let proposalB: { id: string; version: number };
  let evaluator: Principal;
  let conflicted: Principal;
  let bystander: Principal;

  beforeAll(async () => {
    call = await publishedCall(t, ambito);
    evaluator = await editorUser(t, ambito);
    conflicted = await editorUser(t, ambito);
    bystander = await editorUser(t, ambito);
    for (const [who, body] of [[evaluator, null], [conflicted, bodyA.id]] as const) {
      await must(t, ambito.editor, `mutation($input: CreateCodesignEvaluatorInput!) { createCodesignEvaluator(input: $input) { id } }`, {
        input: { callId: call.id, userId: who.userId, affiliatedBodyId: body },
      });
    }
  });

  test('only third-sector bodies write proposals', async () => {
    const input = { callId: call.id, title: 'Proposta', leadLegalName: 'Provincia', leadTaxCode: orgTaxCode() };
    const result = await t.gql(ambito.editor, `mutation($input: CreateCodesignProposalInput!) { createCodesignProposal(input: $input) { id } }`, { input });
    expect(firstError(result).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_THIRD_SECTOR_BODY' });
  });

  test('a proposal is submitted only complete: the refusal names the missing sections', async () => {
    const { monitoringTools: _m, activities: _a, ...partial } = FULL_SECTIONS;
    const draft = await draftProposal(t, bodyA.editor, ref, call.id, partial);
    expect((await t.gql(bodyA.editor, PROPOSAL, { id: draft.id })).data!.codesignProposal.completeness).toEqual({ percent: 80, complete: false });
    const refused = firstError(await t.gql(bodyA.editor, SUBMIT, draft));
    expect(refused.extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'INCOMPLETE_PROPOSAL' });
    expect(refused.message).toContain('sezioni 5, 10');

    const [action] = (await t.gql(bodyA.editor, `query($id: ID!) { codesignProposal(id: $id) { actions { id version missingSections } } }`, { id: draft.id })).data!.codesignProposal.actions;
    expect(action.missingSections).toEqual([5, 10]);
    await must(t, bodyA.editor, `mutation($id: ID!, $version: Int!, $input: UpdateCodesignActionInput!) { updateCodesignAction(id: $id, version: $version, input: $input) { id } }`, {
      id: action.id, version: action.version, input: { activities: FULL_SECTIONS.activities, monitoringTools: FULL_SECTIONS.monitoringTools },
    });
    const submitted = await must(t, bodyA.editor, SUBMIT, draft);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.submittedAt).toBeTruthy();
    proposalA = { ...draft, version: submitted.version };
  });

  test('after submission the proposal and its parts are read-only', async () => {
    const update = await t.gql(bodyA.editor, `mutation($id: ID!, $version: Int!) { updateCodesignProposal(id: $id, version: $version, input: { title: "Ritocco" }) { id } }`, proposalA);
    expect(firstError(update).extensions).toMatchObject({ reason: 'PROPOSAL_SUBMITTED' });
    const action = await t.gql(bodyA.editor, `mutation($input: CreateCodesignActionInput!) { createCodesignAction(input: $input) { id } }`, {
      input: { proposalId: proposalA.id, title: 'Azione in più' },
    });
    expect(firstError(action).extensions).toMatchObject({ reason: 'PROPOSAL_SUBMITTED' });
    expect(firstError(await t.gql(bodyA.editor, `mutation($id: ID!, $version: Int!) { deleteCodesignProposal(id: $id, version: $version) { id } }`, proposalA)).extensions).toMatchObject({ reason: 'PROPOSAL_SUBMITTED' });
  });

  test('competing bodies never see each other’s proposals; the Ambito sees submitted ones only, and cannot change them', async () => {
    proposalB = await draftProposal(t, bodyB.editor, ref, call.id);
    const listOf = async (who: Principal) => (await t.gql(who, `query($callId: ID!) { codesignProposals(filter: { callId: $callId }) { items { id } } }`, { callId: call.id })).data!.codesignProposals.items.map((p: { id: string }) => p.id);
    expect(await listOf(bodyB.editor)).toEqual([proposalB.id]);
    expect(await listOf(bodyA.editor)).toEqual([proposalA.id]);
    expect(await listOf(ambito.editor)).toEqual([proposalA.id]);
    expect(await listOf(province.editor)).toEqual([]);
    expectError(await t.gql(bodyB.editor, PROPOSAL, { id: proposalA.id }), 'NOT_FOUND');
    const actions = await t.gql(bodyB.editor, `query($id: ID!) { codesignActions(filter: { proposalId: $id }) { total } }`, { id: proposalA.id });
    expect(actions.data!.codesignActions.total).toBe(0);
    const ambitoView = await t.gql(ambito.editor, `query($id: ID!) { codesignProposal(id: $id) { actions { title } partners { taxCode } } }`, { id: proposalA.id });
    expect(ambitoView.data!.codesignProposal).toEqual({ actions: [{ title: 'Tirocini inclusivi' }], partners: [{ taxCode: proposalA.partnerTaxCode }] });
    const tamper = await t.gql(ambito.editor, `mutation($id: ID!, $version: Int!) { updateCodesignProposal(id: $id, version: $version, input: { title: "Manomessa" }) { id } }`, proposalA);
    expectError(tamper, 'FORBIDDEN');
  });

  test('past the deadline a proposal can no longer be submitted, and the call closes', async () => {
    await passDeadline(t, call.id);
    const refused = firstError(await t.gql(bodyB.editor, SUBMIT, proposalB));
    expect(refused.extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'PAST_DEADLINE' });
    expect(refused.message).toMatch(/scaduto il \d\d\/\d\d\/\d{4} alle \d\d:\d\d/);
    const closed = await must(t, ambito.editor, SET_CALL_STATUS, { id: call.id, version: call.version, status: 'CLOSED' });
    expect(closed.status).toBe('CLOSED');
    call = { ...call, version: closed.version };
    expect((await t.gql(bodyA.editor, PROPOSAL, { id: proposalA.id })).data!.codesignProposal.status).toBe('UNDER_EVALUATION');
    expect((await t.gql(bodyB.editor, PROPOSAL, { id: proposalB.id })).data!.codesignProposal.status).toBe('DRAFT');
  });

  test('evaluators score within each weight, with a reason, never their own body’s proposal', async () => {
    const [quality, network] = call.criteria;
    const score = (who: Principal, input: Record<string, unknown>) => t.gql(who, CREATE_SCORE, { input: { proposalId: proposalA.id, criterionId: quality.id, score: 50, reason: 'Buona', ...input } });
    expect(firstError(await score(conflicted, {})).extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'OWN_BODY_PROPOSAL' });
    expect(firstError(await score(bystander, {})).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_AN_EVALUATOR' });
    expect(firstError(await score(evaluator, { score: 61 })).extensions).toMatchObject({ reason: 'SCORE_OUT_OF_RANGE' });
    const blank = await score(evaluator, { reason: '   ' });
    expectError(blank, 'BAD_USER_INPUT', 'reason');
    // Says what to write, in Italian, with the English beside it and the constraint for clients' own words.
    expect(firstError(blank)).toMatchObject({
      message: 'Scrivi la motivazione del punteggio (da 1 a 5.000 caratteri).',
      extensions: { constraint: 'ck_codesign_scores__reason', messageEn: 'Write the reason for the score (1 to 5,000 characters).' },
    });
    expect(firstError(await score(evaluator, { proposalId: proposalB.id })).extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await countRows(t, 'codesign_scores', 'proposal_id = $1', [proposalA.id])).toBe(0);

    const given = await must(t, evaluator, CREATE_SCORE, { input: { proposalId: proposalA.id, criterionId: quality.id, score: 50.5, reason: 'Progetto solido' } });
    expect(given).toMatchObject({ evaluatorId: evaluator.userId, score: 50.5 });
    const { ranking } = (await t.gql(ambito.editor, `query($id: ID!) { codesignCall(id: $id) { ranking { proposalId total scoredCriteria criteria rank } } }`, { id: call.id })).data!.codesignCall;
    expect(ranking).toEqual([{ proposalId: proposalA.id, total: 50.5, scoredCriteria: 1, criteria: 2, rank: 1 }]);

    const early = await t.gql(ambito.editor, AWARD, { id: call.id, version: call.version, input: awardInput() });
    expect(firstError(early).extensions).toMatchObject({ reason: 'NOT_FULLY_SCORED' });
    await must(t, evaluator, CREATE_SCORE, { input: { proposalId: proposalA.id, criterionId: network.id, score: 30, reason: 'Rete ampia' } });
  });

  const awardInput = () => ({ proposalIds: [proposalA.id], actNumber: 'Determina 123/2024', actDate: '2024-06-10', networkCode: `COPROG-${orgTaxCode()}`, startDate: '2024-07-01', endDate: '2025-06-30' });

  test('before the award the ranking is the Ambito’s alone', async () => {
    const { codesignCall } = (await t.gql(bodyA.editor, `query($id: ID!) { codesignCall(id: $id) { status ranking { total } } }`, { id: call.id })).data!;
    expect(codesignCall).toEqual({ status: 'CLOSED', ranking: [] });
  });

  test('the award records the act, sets the outcomes and starts the COPROGETTAZIONE_ART55 network with the selected partners', async () => {
    const awarded = await must(t, ambito.editor, AWARD, { id: call.id, version: call.version, input: awardInput() });
    expect(awarded).toMatchObject({ status: 'AWARDED', awardActNumber: 'Determina 123/2024', awardActDate: '2024-06-10' });
    expect(awarded.network.measure.code).toBe('COPROGETTAZIONE_ART55');
    expect(awarded.network.members).toEqual(expect.arrayContaining([
      { role: 'LEAD', partner: { taxCode: proposalA.leadTaxCode } },
      { role: 'PARTNER', partner: { taxCode: proposalA.partnerTaxCode } },
    ]));
    expect((await t.gql(bodyA.editor, PROPOSAL, { id: proposalA.id })).data!.codesignProposal.status).toBe('SELECTED');
    // After the award the ranking is public to the bodies; the competitor's proposal itself still is not.
    const seenByB = (await t.gql(bodyB.editor, `query($id: ID!) { codesignCall(id: $id) { ranking { proposalId total rank } } }`, { id: call.id })).data!.codesignCall;
    expect(seenByB.ranking).toEqual([{ proposalId: proposalA.id, total: 80.5, rank: 1 }]);
    expectError(await t.gql(bodyB.editor, PROPOSAL, { id: proposalA.id }), 'NOT_FOUND');
    // The act is in the audit trail, with who recorded it.
    const events = (await t.gql(ambito.editor, `query($id: ID!) { auditEvents(filter: { entityId: $id, entity: "codesign_calls" }) { items { action after } } }`, { id: call.id })).data!.auditEvents.items;
    expect(events.some((e: { after: { status: string; award_act_number: string } }) => e.after.status === 'AWARDED' && e.after.award_act_number === 'Determina 123/2024')).toBe(true);

    network = awarded.networkId;
  });

  let network: string;
  const ENROL = `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`;
  const enrol = (taxCode: string, residenceMunicipalityId?: string) =>
    t.gql(ambito.editor, ENROL, { input: { networkId: network, taxCode, kind: 'UNEMPLOYED', enrolledOn: '2024-07-15', residenceMunicipalityId } });

  test("the project's recipients reside in one of the Ambito's municipalities", async () => {
    expect(firstError(await enrol('RSSMRA80A01F205X')).extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'RESIDENCE_REQUIRED' });
    const outside = firstError(await enrol('RSSMRA80A01F205X', ref.municipality('015146')));
    expect(outside.extensions).toMatchObject({ code: 'RULE_VIOLATION', reason: 'RESIDENCE_OUTSIDE_AMBITO' });
    expect(outside.message).toContain("comuni dell'ambito");
    expect((await enrol('RSSMRA80A01F205X', ref.municipality('015009'))).errors).toBeUndefined();
  });

  test('the compliance report says what the residence trigger says, once a municipality leaves the Ambito', async () => {
    const COMPLIANCE = `query($id: ID!) { network(id: $id) { compliance { violations { rule message messageEn ids } } } }`;
    const residence = async () =>
      (await must(t, ambito.editor, COMPLIANCE, { id: network })).compliance.violations.filter((v: { rule: string }) => v.rule === 'RESIDENCE_IN_AMBITO');
    expect(await residence()).toEqual([]);
    const [{ id: enrolmentId }] = await t.owner.query('SELECT id FROM recipient_enrolments WHERE network_id = $1', [network]);
    const [row] = await t.owner.query('SELECT id, version FROM ambito_municipalities WHERE ambito_id = $1 AND municipality_id = $2', [ambito.id, ref.municipality('015009')]);
    await must(t, admin, `mutation($id: ID!, $version: Int!) { deleteAmbitoMunicipality(id: $id, version: $version) { id } }`, row);
    expect(await residence()).toEqual([{
      rule: 'RESIDENCE_IN_AMBITO',
      message: "Il destinatario deve risiedere in uno dei comuni dell'ambito: 1 destinatario fuori dall'ambito.",
      messageEn: "The recipient must reside in one of the ambito's municipalities: 1 recipient(s) outside it.",
      ids: [enrolmentId],
    }]);
  });
});
