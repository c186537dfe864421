import { DEMO_PASSWORD, DemoData } from '../../server/src/seed/demo-data';
import { eventually, pickOption, seriousViolations } from '../helpers/browser';
import { seedDemoData } from '../helpers/demo';
import { newTenant } from '../helpers/app';
import { must } from '../helpers/factories';
import { CodesignCallPage } from './pages/codesign-call.page';
import { BROWSER_TEST_TIMEOUT, hasText, PHONE, text, useConsole, WIDE } from './support/console';

/**
 * The co-design call page walked end to end on the demo's data, from the console alone: the
 * lifecycle says what comes next and why a step is locked; nothing is moved in the database.
 */

let demo: DemoData;
const reti = useConsole({ seed: async (app) => void (demo = await seedDemoData(app)) });
const { t } = reti;

test('an Ambito user appoints a colleague, closes a call past its deadline, scores both proposals, reads the ranking and awards the call', async () => {
  const ambito = { userId: demo.userIds.ambito, role: 'EDITOR' as const, tenantId: demo.tenants.ambito };
  const { session, page } = await reti.openAs({ email: demo.users.ambito, password: DEMO_PASSWORD }, { viewport: WIDE });
  const call = new CodesignCallPage(session);
  await session.shot('codesign-call-journey', async () => {
    // The open call: closing is locked until its deadline, and the page says until when.
    await call.open(demo.calls.open);
    await hasText(call.lockedClose, 'La chiusura è possibile dopo la scadenza del');
    const { deadline } = await must(t, ambito, `query($id: ID!) { codesignCall(id: $id) { deadline } }`, { id: demo.calls.open });
    const due = new Date(deadline);
    const day = `${String(due.getDate()).padStart(2, '0')}/${String(due.getMonth() + 1).padStart(2, '0')}/${due.getFullYear()}`;
    await hasText(call.lockedClose, day);
    expect(await page.getByRole('button', { name: 'Chiudi le proposte' }).count()).toBe(0);

    // The call under evaluation: this user is appointed and has not scored yet.
    await call.open(demo.calls.underEvaluation);
    await hasText(call.nextStep, 'assegnare i punteggi alla proposta');
    expect(await seriousViolations(page)).toEqual([]);

    // The call past its deadline: a colleague appointed this user; they complete the commission
    // with the other colleague (nobody appoints themself), then close the call, which fixes it.
    await call.open(demo.calls.pastDeadline);
    await hasText(call.nextStep, 'chiudere l’istruttoria: 2 proposte presentate passano in valutazione.');
    expect(await call.lockedClose.count()).toBe(0);
    await call.tab('Commissione');
    await hasText(page.getByTestId('evaluators'), 'Ufficio di piano demo');
    await page.getByRole('combobox', { name: /^Collega da nominare/ }).click();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Valutatrice demo']);
    await page.getByRole('option', { name: 'Valutatrice demo' }).click();
    await page.getByRole('button', { name: 'Nomina valutatore' }).click();
    await hasText(page.getByTestId('evaluators'), 'Valutatrice demo');
    await call.tab('Istruttoria');
    await hasText(page.getByTestId('step-evaluators'), '2 nominati');
    await call.nextStep.getByRole('button', { name: 'Chiudi le proposte' }).click();
    await page.getByText('Stato dell’istruttoria aggiornato').waitFor();
    await call.tab('Commissione');
    expect(await page.getByRole('combobox', { name: /^Collega da nominare/ }).count()).toBe(0);
    await call.tab('Istruttoria');

    // Each proposal in turn: the next step links to its scoring sheet.
    for (let round = 0; round < 2; round++) {
      await hasText(call.nextStep, 'assegnare i punteggi alla proposta');
      await call.nextStep.getByRole('link', { name: 'Assegna i punteggi' }).click();
      for (const [criterion, score] of [['Qualità della proposta', round === 0 ? '55' : '41'], ['Radicamento territoriale', round === 0 ? '33' : '38']] as const) {
        await pickOption(page, 'Criterio', criterion.slice(0, 8), criterion);
        await page.getByLabel(/^Punteggio/).fill(score);
        await page.getByLabel(/^Motivazione/).fill('Proposta coerente con gli obiettivi dell’istruttoria');
        await page.getByRole('button', { name: 'Registra punteggio' }).click();
        await page.getByText('Punteggio registrato').first().waitFor();
        await eventually(async () => expect(await text(page.getByTestId('scores'))).toContain(criterion));
      }
      await hasText(page.getByTestId('scores'), 'Ufficio di piano demo');
      await call.open(demo.calls.pastDeadline);
    }

    // Every proposal scored: the ranking, then the award.
    await hasText(call.nextStep, 'scegliere le proposte in graduatoria e registrare l’atto di aggiudicazione.');
    await call.nextStep.getByRole('link', { name: 'Graduatoria e aggiudicazione' }).click();
    const ranking = call.ranking;
    await hasText(ranking, '88,00');
    await hasText(ranking, '79,00');
    const rows = await ranking.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('88,00');
    const winner = rows[0].includes('Il Ponte') ? 'DEMO – Cooperativa sociale Il Ponte' : 'DEMO – Associazione Lavoro e Comunità';
    const networkCode = `COPROG-E2E-${Date.now()}`;
    await call.award(winner, 'Determina 5/2027', networkCode);
    await page.getByText('Istruttoria aggiudicata').first().waitFor();
    await hasText(call.nextStep, 'istruttoria aggiudicata; il progetto è avviato.');
    await call.nextStep.getByRole('link', { name: 'Apri il progetto' }).click();
    await page.getByText(networkCode).first().waitFor();
  });

  const awarded = await must(t, ambito, `query($id: ID!) { codesignCall(id: $id) { status awardActNumber network { code } ranking { leadLegalName status total } } }`, { id: demo.calls.pastDeadline });
  expect(awarded.status).toBe('AWARDED');
  expect(awarded.awardActNumber).toBe('Determina 5/2027');
  expect(awarded.ranking.map((r: { status: string; total: number }) => [r.status, r.total])).toEqual([['SELECTED', 88], ['NOT_SELECTED', 79]]);
}, BROWSER_TEST_TIMEOUT);

test('the call form names the required fields that keep it from saving', async () => {
  const { session, page } = await reti.openAs({ email: demo.users.ambito, password: DEMO_PASSWORD }, { viewport: WIDE });
  await session.shot('codesign-call-form', async () => {
    await session.goto('codesignCalls/create');
    const missing = page.getByTestId('missing-required');
    await hasText(missing, 'Per salvare mancano: Codice, Titolo, Oggetto, Scadenza per le proposte.');
    await page.getByLabel(/^Titolo/).fill('Nuova istruttoria');
    await page.getByLabel(/^Codice/).fill('NUOVA-1');
    await hasText(missing, 'Per salvare mancano: Oggetto, Scadenza per le proposte.');
  });
}, BROWSER_TEST_TIMEOUT);

test('a third-sector body is told what to do with its draft; at 390 px the steps stack and the next action stays on screen', async () => {
  const { session, page } = await reti.openAs({ email: demo.users.body2, password: DEMO_PASSWORD }, { viewport: PHONE });
  const call = new CodesignCallPage(session);
  await session.shot('codesign-call-body-390', async () => {
    await call.open(demo.calls.open);
    await hasText(call.nextStep, 'completare e presentare la proposta entro il');
    const open = call.nextStep.getByRole('link', { name: 'Apri la proposta' });
    const box = (await open.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const steps: number[] = [];
    for (const step of await call.lifecycleSteps.all()) steps.push((await step.boundingBox())!.y);
    expect(steps).toHaveLength(7);
    // Stacked: each step below the previous one.
    expect(steps.every((top, i) => i === 0 || top > steps[i - 1])).toBe(true);
    await open.click();
    await page.getByText('DEMO – Comunità al lavoro').first().waitFor();
  });
}, BROWSER_TEST_TIMEOUT);

test("an evaluator's affiliated body is picked by name among the third-sector bodies, and the commission shows it by name", async () => {
  const body = await newTenant(t, 'THIRD_SECTOR_BODY');
  const name = `Ente di prova ${body.code}`;
  const { session, page } = await reti.openAs({ email: demo.users.ambito, password: DEMO_PASSWORD }, { viewport: WIDE });
  const call = new CodesignCallPage(session);
  await session.shot('codesign-call-affiliation', async () => {
    await call.open(demo.calls.open);
    await call.tab('Commissione');
    await page.getByRole('combobox', { name: /^Collega da nominare/ }).click();
    await page.getByRole('option', { name: 'Valutatrice demo' }).click();
    await pickOption(page, 'Ente del terzo settore di appartenenza', body.code, name);
    await page.getByRole('button', { name: 'Nomina valutatore' }).click();
    await hasText(page.getByTestId('evaluators'), name);
    expect(await text(page.getByTestId('evaluators'))).not.toContain(body.id);
  });
  const [row] = await t.owner.query('SELECT affiliated_body_id FROM codesign_evaluators WHERE call_id = $1 AND user_id = $2', [demo.calls.open, demo.userIds.evaluator]);
  expect(row.affiliated_body_id).toBe(body.id);
}, BROWSER_TEST_TIMEOUT);
