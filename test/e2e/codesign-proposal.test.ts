import { newTenant } from '../helpers/app';
import { eventually, pickOption } from '../helpers/browser';
import { FULL_SECTIONS, passDeadline, publishedCall } from '../helpers/codesign';
import { must, orgTaxCode, uniqueCode } from '../helpers/factories';
import { SignedInUser } from '../helpers/http';
import { CodesignCallPage } from './pages/codesign-call.page';
import { BROWSER_TEST_TIMEOUT, useConsole, visible } from './support/console';

/** A co-design proposal from its writing by a third-sector body to the award that starts the project. */

let ambito: Awaited<ReturnType<typeof newTenant>>;
let body: Awaited<ReturnType<typeof newTenant>>;
let ambitoEditor: SignedInUser;
let bodyEditor: SignedInUser;
const reti = useConsole({
  seed: async (app) => {
    [ambito, body] = await Promise.all([newTenant(app, 'AMBITO'), newTenant(app, 'THIRD_SECTOR_BODY')]);
    ambitoEditor = await app.signUp('EDITOR', ambito.id);
    bodyEditor = await app.signUp('EDITOR', body.id);
  },
});
const { t } = reti;

async function proposalStatus(title: string): Promise<string | undefined> {
  const [row] = await t.owner.query('SELECT status FROM codesign_proposals WHERE title = $1', [title]);
  return row?.status;
}

test('a third-sector body writes and submits its proposal; the Ambito scores it and awards it, which starts the project', async () => {
  const call = await publishedCall(t, ambito, { title: `Integrazione lavorativa ${uniqueCode('E2E')}` });
  const [{ title: callTitle }] = await t.owner.query('SELECT title FROM codesign_calls WHERE id = $1', [call.id]);
  const proposalTitle = `Lavoro in rete ${uniqueCode('P')}`;
  const leadName = `Cooperativa sociale ${uniqueCode('C')}`;
  const leadTaxCode = orgTaxCode();
  const networkCode = `COPROG-${orgTaxCode()}`;

  const { session, page } = await reti.openAs(bodyEditor);
  await session.shot('body-submits-a-proposal', async () => {
    await session.goto('codesignProposals/create');
    await pickOption(page, 'Istruttoria', callTitle.slice(0, 20), callTitle);
    await page.getByLabel('Titolo').fill(proposalTitle);
    await page.getByLabel('Ente proponente').fill(leadName);
    await page.getByLabel('Codice fiscale del proponente').fill(leadTaxCode);
    await page.getByRole('button', { name: 'Salva' }).click();
    await visible(page.getByTestId('completeness'));
    expect(await page.getByTestId('completeness').innerText()).toContain('0%');

    // One action, with the ten sections of the call's schema.
    await page.getByRole('tab', { name: 'Azioni' }).click();
    await page.getByRole('textbox', { name: 'Azione', exact: true }).fill('Tirocini inclusivi');
    await page.getByRole('button', { name: 'Aggiungi azione' }).click();
    await visible(page.getByText('Azione aggiunta'));
    await page.getByTestId('actions').getByText('Tirocini inclusivi').click();
    const labels: Record<string, string> = {
      recipientTypes: '1. Differenti tipologie di destinatari',
      territorialNeeds: '2. Bisogni del target rilevati sul territorio',
      generalObjectives: '3. Obiettivi generali',
      specificObjectives: '4. Obiettivi specifici',
      activities: '5. Descrizione azioni e attività previste',
      timing: '6. Tempi di realizzazione',
      humanResources: '7. Risorse umane coinvolte',
      networkActors: '8. Altri soggetti della rete coinvolgibili',
      expectedOutputs: '9. Output e risultati attesi (elementi osservabili)',
      monitoringTools: '10. Strumenti di raccolta dati, monitoraggio e valutazione',
    };
    for (const [section, label] of Object.entries(labels)) await page.getByLabel(label, { exact: true }).fill(FULL_SECTIONS[section as keyof typeof FULL_SECTIONS]);
    await page.getByRole('button', { name: 'Salva' }).click();
    await eventually(async () => expect(await page.getByTestId('completeness').innerText()).toContain('100%'));

    await page.getByRole('button', { name: 'Presenta la proposta' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
    await visible(page.getByText('Proposta presentata'));
    await eventually(async () => expect(await proposalStatus(proposalTitle)).toBe('SUBMITTED'));
  });

  // The deadline passes, the call closes and an evaluator scores the proposal.
  const [{ id: proposalId }] = await t.owner.query('SELECT id FROM codesign_proposals WHERE title = $1', [proposalTitle]);
  await passDeadline(t, call.id);
  const evaluator = { userId: ambitoEditor.id, role: 'EDITOR' as const, tenantId: ambito.id };
  await must(t, ambito.editor, `mutation($input: CreateCodesignEvaluatorInput!) { createCodesignEvaluator(input: $input) { id } }`, { input: { callId: call.id, userId: evaluator.userId } });
  await must(t, ambito.editor, `mutation($id: ID!, $version: Int!) { setCodesignCallStatus(id: $id, version: $version, status: CLOSED) { id } }`, call);
  for (const [criterion, score] of [[call.criteria[0], 48], [call.criteria[1], 35]] as const) {
    await must(t, evaluator, `mutation($input: CreateCodesignScoreInput!) { createCodesignScore(input: $input) { id } }`, {
      input: { proposalId, criterionId: criterion.id, score, reason: 'Proposta solida e radicata' },
    });
  }

  const { session: ambitoSession, page: ambitoPage } = await reti.openAs(ambitoEditor);
  await ambitoSession.shot('ambito-awards-the-call', async () => {
    const page = ambitoPage;
    const callPage = await new CodesignCallPage(ambitoSession).open(call.id);
    await callPage.tab('Graduatoria e aggiudicazione');
    const ranking = callPage.ranking;
    await visible(ranking.getByText(leadName));
    await eventually(async () => expect(await ranking.innerText()).toContain('83,00'));
    await callPage.award(leadName, 'Determina 77/2024', networkCode);
    await visible(page.getByText('Istruttoria aggiudicata'));
    await callPage.tab('Progetto');
    await visible(page.getByText('Determina 77/2024'));
  });

  const [network] = await t.owner.query(
    `SELECT n.code, m.code AS measure, (SELECT p.tax_code FROM network_members nm JOIN partners p ON p.tenant_id = nm.tenant_id AND p.id = nm.partner_id
       WHERE nm.network_id = n.id AND nm.role = 'LEAD') AS lead
     FROM codesign_calls c JOIN networks n ON n.tenant_id = c.tenant_id AND n.id = c.network_id JOIN measures m ON m.id = n.measure_id WHERE c.id = $1`,
    [call.id],
  );
  expect(network).toEqual({ code: networkCode, measure: 'COPROGETTAZIONE_ART55', lead: leadTaxCode });
  expect(await proposalStatus(proposalTitle)).toBe('SELECTED');
}, BROWSER_TEST_TIMEOUT);
