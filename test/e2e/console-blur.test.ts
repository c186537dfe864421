import { Browser, BrowserContext, Page } from 'playwright-core';
import { newTenant } from '../helpers/app';
import { ensureConsoleBuilt, launchChromium, newConsoleContext, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { createPartner, referenceIds } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

const BROWSER_TEST_TIMEOUT = 400_000;

let t: HttpTestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
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

test('a wrong tax code is pointed out once as the field is left, before anything is saved', async () => {
  const tenant = await newTenant(t);
  const editor = await t.signUp('EDITOR', tenant.id);
  const existing = await createPartner(t, tenant.editor, await referenceIds(t), 'CPI');
  const consoleUrl = new URL('/admin/', t.url).toString();
  const creations: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && /createPartner/.test(request.postData() ?? '')) creations.push(request.postData()!);
  });

  await withScreenshotOnFailure(page, 'check-on-blur', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(new URL('partners/create', consoleUrl).toString());
    const taxCode = page.getByLabel('Codice fiscale / Partita IVA');
    await taxCode.fill(`${existing.taxCode.slice(0, 10)}${(Number(existing.taxCode[10]) + 1) % 10}`);
    const message = page.getByText('il carattere di controllo non torna');
    expect(await message.count()).toBe(0);
    await taxCode.press('Tab');
    await message.waitFor();
    expect(await message.count()).toBe(1);
    // Corrected, the message goes as the user types.
    await taxCode.fill(existing.taxCode);
    await message.waitFor({ state: 'detached' });
  });
  expect(creations).toEqual([]);
  expect(page.url()).toMatch(/\/partners\/create$/);
}, BROWSER_TEST_TIMEOUT);
