import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { newTenant } from '../helpers/app';
import { ensureConsoleBuilt, launchChromium, newConsoleContext, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { seedNetworks } from '../helpers/factories';
import { HttpTestApp, SignedInUser, startHttpApp } from '../helpers/http';

/** Generous, so that a loaded machine slows the browser test down without failing it. */
const BROWSER_TEST_TIMEOUT = 400_000;

let t: HttpTestApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let consoleUrl: string;
let analyst: SignedInUser;

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
  consoleUrl = new URL('/admin/', t.url).toString();
  const tenant = await newTenant(t);
  // Three networks with a committed allocation of € 1.000,00 each.
  await seedNetworks(t, tenant.editor, 3);
  analyst = await t.signUp('ANALYST', tenant.id);
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

beforeEach(async () => {
  context = await newConsoleContext(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(consoleUrl).origin });
  page = await context.newPage();
});

afterEach(() => context.close());

test(
  'an analyst runs a ready query in the GraphQL explorer, reads the docs and copies the request as curl',
  async () => {
    await withScreenshotOnFailure(page, 'graphql-explorer', async () => {
      await signIn(page, consoleUrl, analyst.email, analyst.password);
      await page.getByRole('menuitem', { name: 'API GraphQL' }).click();
      await page.getByText('Interrogazioni pronte:').waitFor();

      // A ready query, run with the console's own session.
      await page.getByRole('button', { name: 'Assegnazioni per fonte e provincia' }).click();
      await page.locator('.graphiql-query-editor').getByText('AllocationsByFundSourceAndProvince').waitFor();
      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response');
      await response.getByText('"allocationTotals"').waitFor();
      await response.getByText('"3000.00"').waitFor();

      // The schema's descriptions, as the documentation.
      await page.getByRole('button', { name: /Documentation Explorer/ }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
      await page.locator('.graphiql-doc-explorer').getByText(/Allocation totals grouped by the given dimensions/).first().waitFor();

      // Copy as curl: the API token's placeholder, never the console's access token.
      await page.getByRole('button', { name: 'Copia come curl' }).click();
      await page.getByText('Comando curl copiato negli appunti').waitFor();
      const copied = await page.evaluate<string>('navigator.clipboard.readText()');
      expect(copied).toContain('Authorization: Bearer $RETI_TOKEN');
      expect(copied).toContain('AllocationsByFundSourceAndProvince');
      expect(copied).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
      expect(await page.getByTestId('explorer-curl').textContent()).toBe(copied);

      // The copied command works from a shell, with the token the analyst exports (asynchronously: this process is the server).
      const { stdout } = await promisify(execFile)('sh', ['-c', copied], { env: { ...process.env, RETI_TOKEN: analyst.token }, encoding: 'utf8' });
      expect(JSON.parse(stdout).data.allocationTotals).toEqual([expect.objectContaining({ total: '3000.00', count: 3 })]);
    });
  },
  BROWSER_TEST_TIMEOUT,
);
