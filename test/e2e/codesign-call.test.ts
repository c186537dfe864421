import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoData } from '../../server/src/seed/demo-data';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, pickOption, seriousViolations, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { seedDemoData } from '../helpers/demo';
import { must } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

/**
 * The co-design call page walked end to end on the demo's data, from the console alone: the
 * lifecycle says what comes next and why a step is locked; nothing is moved in the database.
 */

let t: HttpTestApp;
let browser: Browser;
let consoleUrl: string;
let demo: DemoData;
let context: BrowserContext;
let page: Page;
const BROWSER_TEST_TIMEOUT = 400_000;

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
  consoleUrl = new URL('/admin/', t.url).toString();
  [demo, browser] = await Promise.all([seedDemoData(t), launchChromium()]);
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

beforeEach(async () => {
  context = await newConsoleContext(browser, { viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
});
afterEach(() => context.close());

const url = (route: string) => new URL(route, consoleUrl).toString();
const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
const nextStep = () => page.getByTestId('call-next-step');
const hasText = (locator: Locator, expected: string) => eventually(async () => expect(await text(locator)).toContain(expected));

test('an Ambito user appoints a colleague, closes a call past its deadline, scores both proposals, reads the ranking and awards the call', async () => {
  const ambito = { userId: demo.userIds.ambito, role: 'EDITOR' as const, tenantId: demo.tenants.ambito };
  await withScreenshotOnFailure(page, 'codesign-call-journey', async () => {
    await signIn(page, consoleUrl, demo.users.ambito, DEMO_PASSWORD);

    // The open call: closing is locked until its deadline, and the page says until when.
    await page.goto(url(`codesignCalls/${demo.calls.open}/show`));
    await hasText(page.getByTestId('locked-close'), 'La chiusura è possibile dopo la scadenza del');
    const { deadline } = await must(t, ambito, `query($id: ID!) { codesignCall(id: $id) { deadline } }`, { id: demo.calls.open });
    const due = new Date(deadline);
    const day = `${String(due.getDate()).padStart(2, '0')}/${String(due.getMonth() + 1).padStart(2, '0')}/${due.getFullYear()}`;
    await hasText(page.getByTestId('locked-close'), day);
    expect(await page.getByRole('button', { name: 'Chiudi le proposte' }).count()).toBe(0);

    // The call under evaluation: this user is appointed and has not scored yet.
    await page.goto(url(`codesignCalls/${demo.calls.underEvaluation}/show`));
    await hasText(nextStep(), 'assegnare i punteggi alla proposta');
    expect(await seriousViolations(page)).toEqual([]);

    // The call past its deadline: a colleague appointed this user; they complete the commission
    // with the other colleague (nobody appoints themself), then close the call, which fixes it.
    await page.goto(url(`codesignCalls/${demo.calls.pastDeadline}/show`));
    await hasText(nextStep(), 'chiudere l’istruttoria: 2 proposte presentate passano in valutazione.');
    expect(await page.getByTestId('locked-close').count()).toBe(0);
    await page.getByRole('tab', { name: 'Commissione' }).click();
    await hasText(page.getByTestId('evaluators'), 'Ufficio di piano demo');
    await page.getByRole('combobox', { name: /^Collega da nominare/ }).click();
    expect(await page.getByRole('option').allInnerTexts()).toEqual(['Valutatrice demo']);
    await page.getByRole('option', { name: 'Valutatrice demo' }).click();
    await page.getByRole('button', { name: 'Nomina valutatore' }).click();
    await hasText(page.getByTestId('evaluators'), 'Valutatrice demo');
    await page.getByRole('tab', { name: 'Istruttoria' }).click();
    await hasText(page.getByTestId('step-evaluators'), '2 nominati');
    await nextStep().getByRole('button', { name: 'Chiudi le proposte' }).click();
    await page.getByText('Stato dell’istruttoria aggiornato').waitFor();
    await page.getByRole('tab', { name: 'Commissione' }).click();
    expect(await page.getByRole('combobox', { name: /^Collega da nominare/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Istruttoria' }).click();

    // Each proposal in turn: the next step links to its scoring sheet.
    for (let round = 0; round < 2; round++) {
      await hasText(nextStep(), 'assegnare i punteggi alla proposta');
      await nextStep().getByRole('link', { name: 'Assegna i punteggi' }).click();
      for (const [criterion, score] of [['Qualità della proposta', round === 0 ? '55' : '41'], ['Radicamento territoriale', round === 0 ? '33' : '38']] as const) {
        await pickOption(page, 'Criterio', criterion.slice(0, 8), criterion);
        await page.getByLabel(/^Punteggio/).fill(score);
        await page.getByLabel(/^Motivazione/).fill('Proposta coerente con gli obiettivi dell’istruttoria');
        await page.getByRole('button', { name: 'Registra punteggio' }).click();
        await page.getByText('Punteggio registrato').first().waitFor();
        await eventually(async () => expect(await text(page.getByTestId('scores'))).toContain(criterion));
      }
      await hasText(page.getByTestId('scores'), 'Ufficio di piano demo');
      await page.goto(url(`codesignCalls/${demo.calls.pastDeadline}/show`));
    }

    // Every proposal scored: the ranking, then the award.
    await hasText(nextStep(), 'scegliere le proposte in graduatoria e registrare l’atto di aggiudicazione.');
    await nextStep().getByRole('link', { name: 'Graduatoria e aggiudicazione' }).click();
    const ranking = page.getByTestId('ranking');
    await hasText(ranking, '88,00');
    await hasText(ranking, '79,00');
    const rows = await ranking.locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain('88,00');
    const winner = rows[0].includes('Il Ponte') ? 'DEMO – Cooperativa sociale Il Ponte' : 'DEMO – Associazione Lavoro e Comunità';
    await page.getByLabel(`Seleziona ${winner}`).check();
    await page.getByLabel('Numero dell’atto').fill('Determina 5/2027');
    const networkCode = `COPROG-E2E-${Date.now()}`;
    await page.getByLabel('Codice della rete').fill(networkCode);
    await page.getByRole('button', { name: 'Aggiudica' }).click();
    await page.getByText('Istruttoria aggiudicata').first().waitFor();
    await hasText(nextStep(), 'istruttoria aggiudicata; il progetto è avviato.');
    await nextStep().getByRole('link', { name: 'Apri il progetto' }).click();
    await page.getByText(networkCode).first().waitFor();
  });

  const call = await must(t, ambito, `query($id: ID!) { codesignCall(id: $id) { status awardActNumber network { code } ranking { leadLegalName status total } } }`, { id: demo.calls.pastDeadline });
  expect(call.status).toBe('AWARDED');
  expect(call.awardActNumber).toBe('Determina 5/2027');
  expect(call.ranking.map((r: { status: string; total: number }) => [r.status, r.total])).toEqual([['SELECTED', 88], ['NOT_SELECTED', 79]]);
}, BROWSER_TEST_TIMEOUT);

test('the call form names the required fields that keep it from saving', async () => {
  await withScreenshotOnFailure(page, 'codesign-call-form', async () => {
    await signIn(page, consoleUrl, demo.users.ambito, DEMO_PASSWORD);
    await page.goto(url('codesignCalls/create'));
    const missing = page.getByTestId('missing-required');
    await hasText(missing, 'Per salvare mancano: Codice, Titolo, Oggetto, Scadenza per le proposte.');
    await page.getByLabel(/^Titolo/).fill('Nuova istruttoria');
    await page.getByLabel(/^Codice/).fill('NUOVA-1');
    await hasText(missing, 'Per salvare mancano: Oggetto, Scadenza per le proposte.');
  });
}, BROWSER_TEST_TIMEOUT);

test('a third-sector body is told what to do with its draft; at 390 px the steps stack and the next action stays on screen', async () => {
  await context.close();
  context = await newConsoleContext(browser, { viewport: { width: 390, height: 844 } });
  page = await context.newPage();
  await withScreenshotOnFailure(page, 'codesign-call-body-390', async () => {
    await signIn(page, consoleUrl, demo.users.body2, DEMO_PASSWORD);
    await page.goto(url(`codesignCalls/${demo.calls.open}/show`));
    await hasText(nextStep(), 'completare e presentare la proposta entro il');
    const open = nextStep().getByRole('link', { name: 'Apri la proposta' });
    const box = (await open.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const steps: number[] = [];
    for (const step of await page.getByTestId('call-lifecycle').locator('[data-testid^="step-"]').all()) steps.push((await step.boundingBox())!.y);
    expect(steps).toHaveLength(7);
    // Stacked: each step below the previous one.
    expect(steps.every((top, i) => i === 0 || top > steps[i - 1])).toBe(true);
    await open.click();
    await page.getByText('DEMO – Comunità al lavoro').first().waitFor();
  });
}, BROWSER_TEST_TIMEOUT);
