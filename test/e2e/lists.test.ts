import { readFileSync } from 'node:fs';
import { eventually } from '../helpers/browser';
import { createPartner, referenceIds, ReferenceIds, uniqueCode } from '../helpers/factories';
import { ListPage } from './pages/list.page';
import { BROWSER_TEST_TIMEOUT, count, Credentials, useConsole, visible } from './support/console';
import { Tenant, tenantWithAllocations } from './support/registry';

/** The lists: an Italian CSV export of what the filters select, a total row for money, chosen columns, and bulk actions by role. */

let ref: ReferenceIds;
let tenant: Tenant;
let editor: Credentials;
let analyst: Credentials;
const reti = useConsole({
  seed: async (app) => {
    ref = await referenceIds(app);
    ({ tenant } = await tenantWithAllocations(app));
    editor = await app.signUp('EDITOR', tenant.id);
    analyst = await app.signUp('ANALYST', tenant.id);
  },
});
const { t } = reti;

test('the login page names the product; EXPORT downloads every row of the filtered list as an Italian CSV', async () => {
  const suffix = uniqueCode('EXP');
  for (let i = 0; i < 3; i++) await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Esportato ${suffix} ${i}` });
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Altro ${suffix}` });

  // A browser whose own locale is English: the export is still Italian.
  const session = await reti.open({ context: { locale: 'en-US', acceptDownloads: true } });
  const page = session.page;
  await session.shot('export-filtered-partners', async () => {
    await session.goto();
    await visible(page.getByRole('heading', { level: 1, name: 'Reti – Registro delle reti per il lavoro' }));
    await session.signIn(editor);
    const partners = await new ListPage(session, 'partners').open();
    await partners.search(`Esportato ${suffix}`);
    await eventually(async () => expect(await page.getByRole('row').count()).toBe(4));
    await page.getByRole('button', { name: 'Esporta' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /CSV/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^reti-partners-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = readFileSync((await download.path())!);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0].split(';').slice(0, 4)).toEqual(['Denominazione', 'Codice fiscale / Partita IVA', 'Codice tipologia', 'Tipologia di soggetto']);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual([0, 1, 2].map((i) => `Esportato ${suffix} ${i}`));
  });
}, BROWSER_TEST_TIMEOUT);

test('lists: a total row for money, chosen columns, selection with bulk export and, for editors only, bulk delete', async () => {
  const suffix = uniqueCode('BULK');
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Da eliminare uno ${suffix}` });
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Da eliminare due ${suffix}` });
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Da tenere ${suffix}` });

  const { session, page } = await reti.openAs(analyst, { context: { acceptDownloads: true } });
  await session.shot('lists-as-people-expect', async () => {
    // Allocations: the total of everything the filters select, from the server.
    const allocations = await new ListPage(session, 'allocations').open();
    await session.settled();
    expect(await allocations.totals.innerText()).toMatch(/Totale dei 4 elementi filtrati\s+Importo € 3\.250,50/);

    // An analyst selects and exports, but is offered no delete.
    const partners = await new ListPage(session, 'partners').open({ q: suffix });
    await count(partners.rows, 3);
    await partners.rows.first().getByRole('checkbox').check();
    await visible(page.getByRole('button', { name: 'Esporta' }).last());
    await count(page.getByRole('button', { name: 'Elimina' }), 0);
    await partners.rows.first().getByRole('checkbox').uncheck();

    // The column chooser hides the tax code.
    expect(await partners.header.innerText()).toContain('Codice fiscale / Partita IVA');
    await partners.toggleColumn('Codice fiscale / Partita IVA');
    await eventually(async () => expect(await partners.header.innerText()).not.toContain('Codice fiscale / Partita IVA'));

    // An editor deletes two partners at once.
    await session.context.clearCookies();
    await page.evaluate('localStorage.clear()');
    await session.signIn(editor);
    await partners.open({ q: 'Da eliminare' });
    await count(partners.rows, 2);
    await partners.selectAll();
    await partners.deleteSelected();
    await count(partners.rows, 0);
  });
  const left = await t.owner.query('SELECT legal_name FROM partners WHERE tenant_id = $1 AND legal_name LIKE $2 ORDER BY legal_name', [tenant.id, `%${suffix}`]);
  expect(left).toEqual([{ legal_name: `Da tenere ${suffix}` }]);
}, BROWSER_TEST_TIMEOUT);
