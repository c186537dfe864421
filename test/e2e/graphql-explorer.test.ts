import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { newTenant } from '../helpers/app';
import { seedNetworks } from '../helpers/factories';
import { seriousViolations } from '../helpers/browser';
import { SignedInUser } from '../helpers/http';
import { BROWSER_TEST_TIMEOUT, useConsole } from './support/console';

/** The GraphQL explorer in the console: ready queries run with the console's session, the schema's docs, and a curl command that works. */

let analyst: SignedInUser;
const reti = useConsole({
  seed: async (app) => {
    const tenant = await newTenant(app);
    // Three networks with a committed allocation of € 1.000,00 each.
    await seedNetworks(app, tenant.editor, 3);
    analyst = await app.signUp('ANALYST', tenant.id);
  },
});

test(
  'an analyst runs a ready query in the GraphQL explorer, reads the docs and copies the request as curl',
  async () => {
    const { session, page } = await reti.openAs(analyst);
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(reti.consoleUrl).origin });
    await session.shot('graphql-explorer', async () => {
      await page.getByRole('menuitem', { name: 'API GraphQL' }).click();
      await page.getByText('Interrogazioni pronte:').waitFor();

      // A ready query, run with the console's own session.
      await page.getByRole('button', { name: 'Assegnazioni per fonte e provincia' }).click();
      await page.locator('.graphiql-query-editor').getByText('AllocationsByFundSourceAndProvince').waitFor();
      await page.locator('.graphiql-execute-button').click();
      const response = page.locator('.graphiql-response');
      await response.getByText('"allocationTotals"').waitFor();
      await response.getByText('"3000.00"').waitFor();
      // With a highlighted query and an answer on screen, the editors keep the console's contrast and can be scrolled by keyboard.
      await page.locator('.graphiql-query-editor .cm-def').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);

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
