import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoData } from '../../server/src/seed/demo-data';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { seedDemoData } from '../helpers/demo';
import { must } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

/** The network page's personal plans on the demo's Fase II network, and the hint where a measure has no catalogue. */

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

/** Fills and saves the dialog that plans or records a service. */
async function service(button: string, values: { service: RegExp; partner: string; date: string; hours: string; amount: string }) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox', { name: 'Servizio', exact: true }).click();
  await page.getByRole('option', { name: values.service }).click();
  await dialog.getByRole('combobox', { name: 'Soggetto erogatore', exact: true }).click();
  await page.getByRole('option', { name: values.partner }).click();
  await dialog.getByRole('textbox', { name: /^Data/ }).fill(values.date);
  await dialog.getByRole('textbox', { name: /^Ore/ }).fill(values.hours);
  await dialog.getByRole('textbox', { name: /^Importo/ }).fill(values.amount);
  await dialog.getByRole('button', { name: 'Salva' }).click();
}

test('the demo editor plans and delivers coaching for a recipient of the demo network and sees the hours left', async () => {
  await withScreenshotOnFailure(page, 'network-plans-demo', async () => {
    await signIn(page, consoleUrl, demo.users.editor, DEMO_PASSWORD);
    await page.goto(url(`networks/${demo.networks.faseII}/show/plans`));
    const rows = page.getByTestId('plans').locator('tbody tr');
    await rows.first().waitFor();
    const reference = (await rows.first().getByRole('cell').allInnerTexts()).map((cell) => cell.trim()).find((cell) => /^[0-9A-F]{8}$/.test(cell))!;
    expect(reference).toBeDefined();
    await rows.first().click();
    const plan = page.getByTestId(`plan-${reference}`);
    await plan.waitFor();
    const coaching = plan.getByTestId('plan-lines').getByRole('row').filter({ hasText: 'Coaching' });
    const cells = async () => (await coaching.getByRole('cell').allInnerTexts()).map((cell) => cell.trim());
    // The demo planned 4 hours of the 10 allowed.
    await eventually(async () => expect(await cells()).toEqual(['Coaching', '4', '0', '10', '6', '€ 140,00', '€ 0,00']));

    await service('Pianifica un servizio', { service: /^COACHING/, partner: 'DEMO – Operatore accreditato al lavoro', date: '17/05/2021', hours: '2', amount: '70,00' });
    await page.getByText('Servizio pianificato').waitFor();
    await eventually(async () => expect(await cells()).toEqual(['Coaching', '6', '0', '10', '4', '€ 210,00', '€ 0,00']));

    await service('Registra un servizio erogato', { service: /^COACHING/, partner: 'DEMO – Operatore accreditato al lavoro', date: '24/05/2021', hours: '7', amount: '245,00' });
    await page.getByText('Servizio erogato registrato').waitFor();
    await eventually(async () => expect(await cells()).toEqual(['Coaching', '6', '7', '10', '3', '€ 210,00', '€ 245,00']));
  });

  const editor = { userId: demo.userIds.editor, role: 'EDITOR' as const, tenantId: demo.tenants.province };
  const services = await must(t, editor, `query($id: ID!) { recipientServices(filter: { networkId: $id, status: DELIVERED }, perPage: 100) { total } }`, { id: demo.networks.faseII });
  expect(services.total).toBe(25);
}, BROWSER_TEST_TIMEOUT);

test('a network whose measure has no catalogue says which measures have one, on both tabs', async () => {
  const ambito = { userId: demo.userIds.ambito, role: 'EDITOR' as const, tenantId: demo.tenants.ambito };
  const { networkId } = await must(t, ambito, `query($id: ID!) { codesignCall(id: $id) { networkId } }`, { id: demo.calls.awarded });
  const hint = (locator: Locator) => eventually(async () => {
    const said = await locator.innerText();
    expect(said).toContain('La misura della rete non ha un catalogo di servizi');
    expect(said).toContain('Avviso Reti per il lavoro – Fase II');
    expect(said).toContain('Reti per la ricollocazione e riqualificazione collettiva (GOL Percorso 5)');
  });
  await withScreenshotOnFailure(page, 'network-plans-no-catalogue', async () => {
    await signIn(page, consoleUrl, demo.users.ambito, DEMO_PASSWORD);
    await page.goto(url(`networks/${networkId}/show/plans`));
    await hint(page.getByTestId('no-catalogue'));
    await page.getByRole('tab', { name: 'Piano dei conti' }).click();
    await hint(page.getByTestId('no-catalogue'));
  });
}, BROWSER_TEST_TIMEOUT);
