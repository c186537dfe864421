import { Principal } from '../../server/src/common/request';
import { admin, newTenant, TestApp } from './app';
import { must, orgTaxCode, ReferenceIds, uniqueCode } from './factories';

type Tenant = Awaited<ReturnType<typeof newTenant>>;

/** The ten sections of an action, all filled. */
export const FULL_SECTIONS = {
  recipientTypes: 'Giovani inoccupati, adulti over 50',
  territorialNeeds: 'Scarso accesso al lavoro nei comuni del Rhodense',
  generalObjectives: "Sostenere l'integrazione lavorativa",
  specificObjectives: 'Tirocini e mediazione con le imprese',
  activities: 'Orientamento, bilancio di competenze, tirocini',
  timing: '12 mesi',
  humanResources: '2 educatori, 1 tutor aziendale',
  networkActors: 'Servizi sociali comunali, CPI',
  expectedOutputs: '30 tirocini avviati',
  monitoringTools: 'Schede individuali, report trimestrali',
};

/** A user the database knows (scores name their evaluator), signed in as an editor of `tenant`. */
export async function editorUser(t: TestApp, tenant: Tenant): Promise<Principal> {
  const user = await must(t, admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
    input: { email: `${uniqueCode('val').toLowerCase()}@example.it`, displayName: 'Valutatore', role: 'EDITOR', tenantId: tenant.id },
  });
  return { userId: user.id, role: 'EDITOR', tenantId: tenant.id };
}

export async function targetGroupIds(t: TestApp, ...codes: string[]): Promise<string[]> {
  const rows = await t.owner.query('SELECT id FROM target_groups WHERE code = ANY($1) ORDER BY code', [codes]);
  return rows.map((r: { id: string }) => r.id);
}

/** A published call of `ambito` with criteria weighing 60 and 40, due in a week. */
export async function publishedCall(t: TestApp, ambito: Tenant, extra: Record<string, unknown> = {}) {
  const call = await must(t, ambito.editor, `mutation($input: CreateCodesignCallInput!) { createCodesignCall(input: $input) { id version } }`, {
    input: {
      code: uniqueCode('ISTR'),
      title: 'Integrazione lavorativa di soggetti fragili',
      object: 'Coprogettazione di azioni per l’integrazione lavorativa',
      targetGroupIds: await targetGroupIds(t, 'YOUNG_NOT_IN_WORK', 'ADULTS_OVER_50'),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      ...extra,
    },
  });
  const criteria = [];
  for (const [name, weight] of [['Qualità del progetto', 60], ['Radicamento territoriale', 40]] as const) {
    criteria.push(await must(t, ambito.editor, `mutation($input: CreateCodesignCriterionInput!) { createCodesignCriterion(input: $input) { id weight } }`, {
      input: { callId: call.id, name, weight },
    }));
  }
  const published = await must(t, ambito.editor, `mutation($id: ID!, $version: Int!) { setCodesignCallStatus(id: $id, version: $version, status: PUBLISHED) { id version status } }`, {
    id: call.id,
    version: call.version,
  });
  return { ...published, criteria: criteria as { id: string; weight: number }[] };
}

/** A body's proposal with one complete action and one partner, still a draft. */
export async function draftProposal(t: TestApp, body: Principal, ref: ReferenceIds, callId: string, sections: Record<string, string> = FULL_SECTIONS) {
  const proposal = await must(t, body, `mutation($input: CreateCodesignProposalInput!) { createCodesignProposal(input: $input) { id version status leadTaxCode } }`, {
    input: { callId, title: 'Lavoro in rete', leadLegalName: `Cooperativa ${orgTaxCode()}`, leadTaxCode: orgTaxCode() },
  });
  await must(t, body, `mutation($input: CreateCodesignActionInput!) { createCodesignAction(input: $input) { id } }`, {
    input: { proposalId: proposal.id, title: 'Tirocini inclusivi', ...sections },
  });
  const partner = await must(t, body, `mutation($input: CreateCodesignProposalPartnerInput!) { createCodesignProposalPartner(input: $input) { id taxCode } }`, {
    input: { proposalId: proposal.id, legalName: 'Associazione partner', taxCode: orgTaxCode(), partnerTypeId: ref.partnerType('THIRD_SECTOR') },
  });
  return { ...proposal, partnerTaxCode: partner.taxCode as string };
}

export const SUBMIT = `mutation($id: ID!, $version: Int!) { submitCodesignProposal(id: $id, version: $version) { id version status submittedAt } }`;

/** Moves a call's deadline behind the API's back (the triggers forbid it once published): time passing, without waiting. */
export async function passDeadline(t: TestApp, callId: string): Promise<void> {
  await t.owner.transaction(async (m) => {
    await m.query('SET LOCAL session_replication_role = replica');
    await m.query(`UPDATE codesign_calls SET deadline = now() - interval '1 minute' WHERE id = $1`, [callId]);
  });
}
