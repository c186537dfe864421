import { Browser, BrowserContext, Page } from 'playwright-core';
import { admin, newTenant } from '../helpers/app';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { addMember, createNetwork, createPartner, must, referenceIds, uniqueCode } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

/** Issue 10 in the console: the dry run of a parameter change, and the out-of-compliance flag it leads to. */

let t: HttpTestApp;
let browser: Browser;
let consoleUrl: string;
let context: BrowserContext;
let page: Page;
const BROWSER_TEST_TIMEOUT = 300_000;

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
  consoleUrl = new URL('/admin/', t.url).toString();
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

beforeEach(async () => {
  context = await newConsoleContext(browser);
  page = await context.newPage();
});

afterEach(() => context.close());

test('raising a minimum shows the ACTIVE networks it would break before saving; once saved they are flagged in the list and on the status bar', async () => {
  const ref = await referenceIds(t);
  const tenant = await newTenant(t);
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
    input: { code: uniqueCode('E2E_MISURA'), name: `Misura di prova ${uniqueCode('M')}`, rules: ['MIN_PARTNERS', 'ONE_LEAD'], minPartners: 3 },
  });
  const network = await createNetwork(t, tenant.editor, ref, { measureId: measure.id, code: uniqueCode('RETE-E2E').replace(/_/g, '-') });
  await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref)).id, 'LEAD');
  await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref, 'CPI')).id);
  await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref, 'TRADE_UNION')).id);
  await must(t, tenant.editor, `mutation($id: ID!) { setNetworkStatus(id: $id, version: 1, status: ACTIVE) { id } }`, { id: network.id });
  const administrator = await t.signUp('ADMIN');
  const editor = await t.signUp('EDITOR', tenant.id);

  await withScreenshotOnFailure(page, 'rules-dry-run-and-flag', async () => {
    await signIn(page, consoleUrl, administrator.email, administrator.password);
    await page.goto(new URL(`measures/${measure.id}`, consoleUrl).toString());
    const minimum = page.getByLabel('Soggetti minimi (capofila incluso)');
    await minimum.waitFor();
    await minimum.fill('4');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();

    const warning = page.getByTestId('dry-run-warning');
    await warning.waitFor();
    await eventually(async () => {
      expect(await warning.innerText()).toContain(network.code);
      expect(await warning.innerText()).toContain('La rete ha 3 soggetti: ne servono almeno 4, capofila incluso.');
    });
    // Nothing is saved until the administrator confirms.
    const minPartners = async () => (await t.owner.query('SELECT min_partners FROM measures WHERE id = $1', [measure.id]))[0].min_partners;
    expect(await minPartners()).toBe(3);
    await page.getByRole('button', { name: 'Salva comunque' }).click();
    await eventually(async () => expect(await minPartners()).toBe(4));

    // The editor, in a browser of their own.
    await context.close();
    context = await newConsoleContext(browser);
    page = await context.newPage();
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(new URL('networks', consoleUrl).toString());
    const row = page.getByRole('row').filter({ hasText: network.code });
    await row.getByTestId('out-of-compliance-flag').waitFor();
    await row.click();
    const alert = page.getByTestId('out-of-compliance');
    await alert.waitFor();
    await eventually(async () => expect(await alert.innerText()).toContain('ne servono almeno 4'));
  });
}, BROWSER_TEST_TIMEOUT);
