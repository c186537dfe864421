import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newTenant } from '../helpers/app';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { addMember, createCrisisCompany, createNetwork, createPartner, must, referenceIds, ReferenceIds, uniqueCode } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

let t: HttpTestApp;
let ref: ReferenceIds;
let browser: Browser;
let consoleUrl: string;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let editor: { email: string; password: string };
let context: BrowserContext;
let page: Page;
/** Generous, so that a loaded machine slows the browser tests down without failing them. */
const BROWSER_TEST_TIMEOUT = 300_000;

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
  ref = await referenceIds(t);
  consoleUrl = new URL('/admin/', t.url).toString();
  tenant = await newTenant(t);
  editor = await t.signUp('EDITOR', tenant.id);
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

beforeEach(async () => {
  context = await newConsoleContext(browser, { locale: 'en-US', acceptDownloads: true });
  page = await context.newPage();
});

afterEach(() => context.close());

const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });
const url = (path: string) => new URL(path, consoleUrl).toString();

test('the login page names the product; EXPORT downloads every row of the filtered list as an Italian CSV', async () => {
  const suffix = uniqueCode('EXP');
  for (let i = 0; i < 3; i++) await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Esportato ${suffix} ${i}` });
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Altro ${suffix}` });

  await withScreenshotOnFailure(page, 'export-filtered-partners', async () => {
    await page.goto(consoleUrl);
    await visible(page.getByRole('heading', { level: 1, name: 'Reti – Registro delle reti per il lavoro' }));
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url('partners'));
    await page.getByPlaceholder('Cerca').fill(`Esportato ${suffix}`);
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

test('errors land on their field once, in plain Italian: a duplicate tax code, a wrong check digit, a date typed gg/mm/aaaa and a number with a thousands dot', async () => {
  const existing = await createPartner(t, tenant.editor, ref, 'CPI');
  const network = await createNetwork(t, tenant.editor, ref, { title: `Rete dei campi ${uniqueCode('F')}` });

  await withScreenshotOnFailure(page, 'errors-on-fields', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url('partners/create'));
    await page.getByLabel('Denominazione').fill('Gemello');
    const taxCode = page.getByLabel('Codice fiscale / Partita IVA');
    await page.getByRole('combobox', { name: 'Tipologia di soggetto', exact: true }).click();
    await page.getByRole('option').first().click();
    // A slip in the check digit is caught in the browser, with the server's own algorithm: nothing is sent.
    await taxCode.fill(`${existing.taxCode.slice(0, 10)}${(Number(existing.taxCode[10]) + 1) % 10}`);
    await page.getByRole('button', { name: 'Salva' }).click();
    await visible(page.getByText('il carattere di controllo non torna'));
    await taxCode.fill(existing.taxCode);
    await page.getByRole('button', { name: 'Salva' }).click();
    await visible(page.getByText('Codice fiscale già presente'));
    expect(await page.getByText('Codice fiscale già presente').count()).toBe(1);
    expect(await page.getByText('modificato o è ancora usato altrove').count()).toBe(0);

    await page.goto(url(`networks/${network.id}`));
    const endDate = page.getByLabel('Data di fine');
    await visible(endDate);
    await eventually(async () => expect(await endDate.inputValue()).toBe('28/02/2022'));
    // Eight digits are a day, a month and a four-digit year; a fifth year digit is refused on the field.
    await endDate.fill('280220221');
    await page.getByRole('button', { name: 'Salva' }).click();
    await visible(page.getByText('Data non valida: scrivi gg/mm/aaaa'));
    await endDate.fill('31012022');
    await endDate.blur();
    await eventually(async () => expect(await endDate.inputValue()).toBe('31/01/2022'));
    const unemployed = page.getByLabel('Destinatari disoccupati');
    await unemployed.fill('1.200');
    await unemployed.blur();
    await eventually(async () => expect(await unemployed.inputValue()).toBe('1.200'));
    await page.getByRole('button', { name: 'Salva' }).click();
    await eventually(async () => {
      const [row] = await t.owner.query('SELECT end_date::text, planned_unemployed FROM networks WHERE id = $1', [network.id]);
      expect(row).toEqual({ end_date: '2022-01-31', planned_unemployed: 1200 });
    });
  });
}, BROWSER_TEST_TIMEOUT);

test('Rendi capofila swaps the lead in one step; Rimuovi says only the link goes; the companies tab shows the ATECO division', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const oldLead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Vecchio capofila ${uniqueCode('L')}` });
  const newLead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Nuovo capofila ${uniqueCode('L')}` });
  const leadMember = await addMember(t, tenant.editor, network.id, oldLead.id, 'LEAD');
  const partnerMember = await addMember(t, tenant.editor, network.id, newLead.id);
  const company = await createCrisisCompany(t, tenant.editor, ref, { atecoSectorId: (await t.owner.query(`SELECT id FROM ateco_sectors WHERE code = '25' AND ateco_version = '2007'`))[0].id, supplyChain: 'Metalmeccanica' });
  await must(t, tenant.editor, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, { input: { networkId: network.id, crisisCompanyId: company.id } });

  await withScreenshotOnFailure(page, 'make-lead', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url(`networks/${network.id}/show/roster`));
    const row = page.getByTestId('roster').getByRole('row').filter({ hasText: newLead.legalName });
    await row.getByRole('button', { name: 'Rendi capofila' }).click();
    await visible(page.getByRole('dialog').getByText(`Rendere «${newLead.legalName}» capofila della rete?`));
    await page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
    await visible(page.getByText('Capofila cambiato'));
    const roles = async () =>
      Object.fromEntries((await t.owner.query('SELECT id, role FROM network_members WHERE network_id = $1', [network.id])).map((r: { id: string; role: string }) => [r.id, r.role]));
    await eventually(async () => expect(await roles()).toEqual({ [leadMember.id]: 'PARTNER', [partnerMember.id]: 'LEAD' }));

    const oldRow = page.getByTestId('roster').getByRole('row').filter({ hasText: oldLead.legalName });
    await oldRow.getByRole('button', { name: 'Rimuovi' }).click();
    await visible(page.getByRole('dialog').getByText('Il partner resta nel registro: si elimina solo la sua partecipazione a questa rete.'));
    await page.getByRole('dialog').getByRole('button', { name: 'Annulla' }).click();

    await page.getByRole('tab', { name: 'Aziende in crisi' }).click();
    await visible(page.getByRole('columnheader', { name: 'Divisione ATECO' }));
    await visible(page.getByRole('columnheader', { name: 'Settore / filiera' }));
    await visible(page.getByRole('cell', { name: /^25 Fabbricazione di prodotti in metallo/ }));
    await visible(page.getByRole('cell', { name: 'Metalmeccanica' }));
  });
}, BROWSER_TEST_TIMEOUT);

test('the history reads as labels, names, € and dates, with its author; Ripristina questa versione brings the values back through the update', async () => {
  const network = await createNetwork(t, tenant.editor, ref, { title: 'Titolo originale' });
  const allocation = await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id version } }`, {
    input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '69999.5', allocatedOn: '2021-03-15', kind: 'PROCESS' },
  });
  const signedIn = await t.login(editor.email, editor.password);
  await t.post(`mutation($id: ID!, $v: Int!) { updateAllocation(id: $id, version: $v, input: { amount: "1200", kind: RESULT }) { id } }`, { id: allocation.id, v: allocation.version }, { token: signedIn.token });

  await withScreenshotOnFailure(page, 'history-restore', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url(`allocations/${allocation.id}/show`));
    const history = page.getByRole('row').filter({ hasText: 'Modifica · Assegnazione' });
    await visible(history);
    const text = await history.innerText();
    expect(text).toContain('di EDITOR di prova');
    for (const shown of ['€ 69.999,50', '€ 1.200,00', 'Servizi a processo', 'Servizi a risultato']) expect(text).toContain(shown);
    for (const raw of ['PROCESS', '69999.5', 'RESULT']) expect(text).not.toContain(raw);

    const created = page.getByRole('row').filter({ hasText: 'Inserimento · Assegnazione' });
    await created.getByRole('button', { name: 'Ripristina questa versione' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
    await visible(page.getByText('Versione ripristinata'));
    await eventually(async () => {
      const [row] = await t.owner.query('SELECT amount::text, kind, version FROM allocations WHERE id = $1', [allocation.id]);
      expect(row).toEqual({ amount: '69999.50', kind: 'PROCESS', version: allocation.version + 2 });
    });
  });
}, BROWSER_TEST_TIMEOUT);

test('a 5,000-error file: the report shows one page of errors, and checking it again as another kind shows the new report', async () => {
  const rows = Array.from({ length: 5000 }, (_, i) => `Senza codice ${i};123;CPI`);
  const csv = ['ragione_sociale;codice_fiscale;tipo', ...rows].join('\n');

  await withScreenshotOnFailure(page, 'import-5000-errors', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url('import'));
    await page.locator('input[type=file]').setInputFiles({ name: 'errori.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await eventually(async () => expect(await page.getByTestId('import-invalid').innerText()).toBe('Con errori\n5000'), 120_000);
    const errorRows = page.getByTestId('import-errors').locator('tbody tr');
    await eventually(async () => expect(await errorRows.count()).toBe(25));
    await visible(page.getByText('1-25 di 5000'));
    await page.getByRole('button', { name: 'Vai alla pagina successiva' }).or(page.getByRole('button', { name: /next page/i })).click();
    await eventually(async () => expect(await errorRows.first().getByRole('cell').first().innerText()).toBe('27'));

    // Re-checked as companies in crisis: a new report, from its first page.
    await page.getByRole('radio', { name: 'Aziende in crisi' }).check();
    await eventually(async () => expect(await errorRows.first().getByRole('cell').first().innerText()).toBe('2'), 120_000);
    await eventually(async () => expect(await errorRows.count()).toBe(25));
  });
}, BROWSER_TEST_TIMEOUT);

test('English mode writes money the English way', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const allocation = await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '12345.5', allocatedOn: '2021-03-15', kind: 'PROCESS' },
  });
  await withScreenshotOnFailure(page, 'english-money', async () => {
    await page.addInitScript(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
    await page.goto(consoleUrl);
    await page.locator('input[name=username]').fill(editor.email);
    await page.locator('input[name=password]').fill(editor.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Welcome').waitFor();
    await page.goto(url(`allocations/${allocation.id}/show`));
    await visible(page.getByText('€12,345.50').first());
    expect(await page.getByText('€ 12.345,50').count()).toBe(0);
  });
}, BROWSER_TEST_TIMEOUT);
