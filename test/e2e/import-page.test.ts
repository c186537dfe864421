import { newTenant } from '../helpers/app';
import { eventually } from '../helpers/browser';
import { orgTaxCode, uniqueCode } from '../helpers/factories';
import { ImportPage } from './pages/import.page';
import { BROWSER_TEST_TIMEOUT, count, Credentials, useConsole, visible } from './support/console';

/** The CSV import: the dry run's report with the bad rows, the import of the good ones, and a report of 5,000 errors a page at a time. */

let tenant: Awaited<ReturnType<typeof newTenant>>;
let editor: Credentials;
const reti = useConsole({
  seed: async (app) => {
    tenant = await newTenant(app);
    editor = await app.signUp('EDITOR', tenant.id);
  },
});
const { t } = reti;

test('an editor imports partners from CSV: the preview shows the bad row, the import writes the good ones', async () => {
  const suffix = uniqueCode('E2E');
  const good = [orgTaxCode(), orgTaxCode()];
  const csv = [
    // Excel's "CSV UTF-8" starts with a byte-order mark.
    '\uFEFFragione_sociale;codice_fiscale;tipo;comune_istat',
    `Importato uno ${suffix};${good[0]};CPI;015182`,
    `Codice sbagliato ${suffix};08911820961;CPI;015182`,
    `Importato due ${suffix};${good[1]};TRADE_UNION;Rho`,
  ].join('\n');

  const { session, page } = await reti.openAs(editor);
  await session.shot('editor-imports-partners', async () => {
    await page.getByRole('menuitem', { name: 'Importa CSV' }).click();
    const importPage = new ImportPage(session);
    await importPage.upload('soggetti.csv', csv);

    // The dry run: three rows, two valid, and the bad one with its line and field.
    await eventually(async () => expect(await importPage.total.innerText()).toBe('Righe\n3'));
    expect(await importPage.valid.innerText()).toBe('Valide\n2');
    expect(await importPage.invalid.innerText()).toBe('Con errori\n1');
    await count(importPage.errorRows, 1);
    const [line, field, message] = await importPage.errorRows.first().getByRole('cell').allInnerTexts();
    expect([line, field]).toEqual(['3', 'Codice fiscale / Partita IVA']);
    expect(message).toMatch(/^Codice fiscale non valido/);

    await importPage.importValid('Importa 2 righe valide');
    await eventually(async () => expect(await importPage.outcome.innerText()).toContain('2 righe importate'));
    await page.getByRole('link', { name: 'Apri l’elenco' }).click();
    await visible(page.getByText(`Importato due ${suffix}`));
  });

  // Every row of the file carries the suffix: the bad one is not there.
  const imported = await t.owner.query('SELECT legal_name, tax_code FROM partners WHERE tenant_id = $1 AND legal_name LIKE $2 ORDER BY legal_name', [tenant.id, `%${suffix}`]);
  expect(imported).toEqual([
    { legal_name: `Importato due ${suffix}`, tax_code: good[1] },
    { legal_name: `Importato uno ${suffix}`, tax_code: good[0] },
  ]);
}, BROWSER_TEST_TIMEOUT);

test('a 5,000-error file: the report shows one page of errors, and checking it again as another kind shows the new report', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `Senza codice ${i};123;CPI`);
  const csv = ['ragione_sociale;codice_fiscale;tipo', ...rows].join('\n');

  // A browser whose own locale is English, as this test has always run.
  const { session, page } = await reti.openAs(editor, { context: { locale: 'en-US' } });
  await session.shot('import-5000-errors', async () => {
    const importPage = await new ImportPage(session).open();
    await importPage.upload('errori.csv', csv);
    await eventually(async () => expect(await importPage.invalid.innerText()).toBe('Con errori\n5000'), 120_000);
    const errorRows = importPage.errorRows;
    await eventually(async () => expect(await errorRows.count()).toBe(25));
    await visible(page.getByText('1-25 di 5000'));
    await page.getByRole('button', { name: 'Vai alla pagina successiva' }).or(page.getByRole('button', { name: /next page/i })).click();
    await eventually(async () => expect(await errorRows.first().getByRole('cell').first().innerText()).toBe('27'));

    // Re-checked as companies in crisis: a new report, from its first page.
    await importPage.kind('Aziende in crisi');
    await eventually(async () => expect(await errorRows.first().getByRole('cell').first().innerText()).toBe('2'), 120_000);
    await eventually(async () => expect(await errorRows.count()).toBe(25));
  });
}, BROWSER_TEST_TIMEOUT);
