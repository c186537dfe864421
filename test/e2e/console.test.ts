import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newTenant } from '../helpers/app';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, pickOption, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { createCrisisCompany, createPartner, must, orgTaxCode, referenceIds, seedNetworks, uniqueCode } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

let t: HttpTestApp;
let browser: Browser;
let consoleUrl: string;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let editor: { email: string; password: string };
let analyst: { email: string; password: string };
let context: BrowserContext;
let page: Page;
/** Generous, so that a loaded machine slows the browser tests down without failing them. */
const BROWSER_TEST_TIMEOUT = 300_000;
/** What the browser refused under the server's Content-Security-Policy: the console must need nothing of it. */
let blockedByCsp: string[];

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
  consoleUrl = new URL('/admin/', t.url).toString();
  tenant = await newTenant(t);
  editor = await t.signUp('EDITOR', tenant.id);
  analyst = await t.signUp('ANALYST', tenant.id);
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

beforeEach(async () => {
  context = await newConsoleContext(browser);
  page = await context.newPage();
  blockedByCsp = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) blockedByCsp.push(message.text());
  });
});

afterEach(async () => {
  await context.close();
  expect(blockedByCsp).toEqual([]);
});

const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });
const hidden = (locator: Locator) => locator.waitFor({ state: 'hidden' });
const text = (locator: Locator) => locator.innerText();
const count = (locator: Locator, n: number) => eventually(async () => expect(await locator.count()).toBe(n));

/** The network's status as the database holds it. */
async function networkStatus(code: string): Promise<string | undefined> {
  const [row] = await t.owner.query('SELECT status FROM networks WHERE code = $1', [code]);
  return row?.status;
}

test('an editor creates a partner and a network, builds its roster, sees the rule check change and activates it', async () => {
  const ref = await referenceIds(t);
  // Two partners already on file; the lead is created through the console below.
  const suffix = uniqueCode('E2E');
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `CPI di prova ${suffix}` });
  await createPartner(t, tenant.editor, ref, 'TRADE_UNION', { legalName: `Sindacato di prova ${suffix}` });
  const leadName = `Operatore accreditato ${suffix}`;
  const networkCode = `RETE-${suffix}`;

  await withScreenshotOnFailure(page, 'editor-builds-and-activates-a-network', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);

    // A new partner: the accredited labour operator that will lead the network.
    await page.goto(new URL('partners/create', consoleUrl).toString());
    await page.getByLabel('Denominazione').fill(leadName);
    await page.getByLabel('Codice fiscale / Partita IVA').fill(orgTaxCode());
    await pickOption(page, 'Tipologia di soggetto', 'Operatore accreditato ai servizi');
    await pickOption(page, 'Comune', 'Rho');
    await page.getByLabel('Accreditato ai servizi al lavoro').check();
    await page.getByLabel('N. iscrizione albo lavoro').fill('E2E-0001');
    await page.getByRole('button', { name: 'Salva' }).click();
    await visible(page.getByText('Elemento creato'));
    await visible(page.getByText(leadName).first());

    // A new network under the Fase II measure: 20 recipients, 12 months.
    await page.goto(new URL('networks/create', consoleUrl).toString());
    await page.getByLabel('Codice').fill(networkCode);
    await page.getByLabel('Titolo').fill('Rete di prova per la ricollocazione');
    await pickOption(page, 'Misura', 'Fase II', /Fase II/);
    await page.getByLabel('Data di avvio').fill('2021-03-01');
    await page.getByLabel('Data di fine').fill('2022-02-28');
    await page.getByLabel('Destinatari sospesi (CIGS/CIGD)').fill('12');
    await page.getByLabel('Destinatari disoccupati').fill('8');
    await page.getByRole('button', { name: 'Salva' }).click();

    // A new network is a draft that breaks the partnership rules: "Attiva" is off, with the reasons.
    const blocked = page.getByTestId('activation-blocked');
    await eventually(async () => expect(await text(blocked)).toContain('La rete ha 0 soggetti: ne servono almeno 3'));
    await eventually(async () => expect(await text(blocked)).toContain('un solo capofila'));
    await eventually(async () => expect(await page.getByRole('button', { name: 'Attiva' }).isDisabled()).toBe(true));
    expect(await text(blocked)).toContain("almeno un'azienda in crisi");
    // Its company in crisis (seeds 000–002: at least one), linked through the API; the page reloads it.
    const [{ id: networkId }] = await t.owner.query('SELECT id FROM networks WHERE code = $1', [networkCode]);
    const company = await createCrisisCompany(t, tenant.editor, ref);
    await must(t, tenant.editor, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, { input: { networkId, crisisCompanyId: company.id } });
    await page.reload();
    await eventually(async () => expect(await text(blocked)).not.toContain("almeno un'azienda in crisi"));

    // The roster, one member at a time; the rule check follows each change.
    await page.getByRole('tab', { name: 'Partenariato' }).click();
    const addMember = async (search: string, role: 'Capofila' | 'Partner') => {
      await pickOption(page, 'Partner', search);
      await page.getByRole('combobox', { name: 'Ruolo' }).click();
      await page.getByRole('option', { name: role, exact: true }).click();
      await page.getByRole('button', { name: 'Aggiungi al partenariato' }).click();
      await visible(page.getByText('Partner aggiunto alla rete'));
    };
    await addMember(leadName, 'Capofila');
    await eventually(async () => expect(await text(blocked)).toContain('La rete ha 1 soggetto: ne servono almeno 3'));
    await eventually(async () => expect(await text(blocked)).not.toContain('un solo capofila'));
    await addMember(`CPI di prova ${suffix}`, 'Partner');
    await eventually(async () => expect(await text(blocked)).toContain('La rete ha 2 soggetti'));
    await addMember(`Sindacato di prova ${suffix}`, 'Partner');
    await count(page.getByTestId('roster').getByRole('row'), 4);
    await hidden(blocked);

    await page.getByRole('tab', { name: 'Verifica regole' }).click();
    await eventually(async () => expect(await text(page.getByTestId('compliance-summary'))).toBe('La rete rispetta tutte le regole della misura.'));

    // Compliant: "Attiva" is on, and activating asks for confirmation.
    await page.getByRole('button', { name: 'Attiva' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
    await visible(page.getByText('Stato della rete aggiornato'));
    await visible(page.getByRole('button', { name: 'Chiudi', exact: true }));
  });
  expect(await networkStatus(networkCode)).toBe('ACTIVE');
}, BROWSER_TEST_TIMEOUT);

test('an analyst reads the registry but is offered no create, edit or status buttons', async () => {
  const ref = await referenceIds(t);
  const partner = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Operatore letto ${uniqueCode('E2E')}` });
  const [networkId] = await seedNetworks(t, tenant.editor, 1);

  await withScreenshotOnFailure(page, 'analyst-sees-no-write-buttons', async () => {
    await signIn(page, consoleUrl, analyst.email, analyst.password);

    await page.goto(new URL('partners', consoleUrl).toString());
    await visible(page.getByText(partner.legalName));
    await visible(page.getByRole('link', { name: 'Esporta' }).or(page.getByRole('button', { name: 'Esporta' })));
    await count(page.getByRole('link', { name: 'Crea' }), 0);

    await page.getByText(partner.legalName).click();
    await visible(page.getByText(partner.taxCode));
    await count(page.getByRole('link', { name: 'Modifica' }), 0);

    // A compliant draft network: readable, but with no status buttons or roster form.
    await page.goto(new URL(`networks/${networkId}/show`, consoleUrl).toString());
    await visible(page.getByRole('tab', { name: 'Partenariato' }));
    await count(page.getByRole('link', { name: 'Modifica' }), 0);
    await count(page.getByRole('button', { name: /^(Attiva|Chiudi|Ritira)$/ }), 0);
    await page.getByRole('tab', { name: 'Partenariato' }).click();
    await count(page.getByTestId('roster').getByRole('row'), 4);
    await count(page.getByRole('button', { name: 'Aggiungi al partenariato' }), 0);
    await count(page.getByRole('button', { name: 'Rimuovi' }), 0);
  });
}, BROWSER_TEST_TIMEOUT);

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

  await withScreenshotOnFailure(page, 'editor-imports-partners', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.getByRole('menuitem', { name: 'Importa CSV' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'soggetti.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });

    // The dry run: three rows, two valid, and the bad one with its line and field.
    await eventually(async () => expect(await text(page.getByTestId('import-total'))).toBe('Righe\n3'));
    expect(await text(page.getByTestId('import-valid'))).toBe('Valide\n2');
    expect(await text(page.getByTestId('import-invalid'))).toBe('Con errori\n1');
    const errorRows = page.getByTestId('import-errors').locator('tbody tr');
    await count(errorRows, 1);
    const [line, field, message] = await errorRows.first().getByRole('cell').allInnerTexts();
    expect([line, field]).toEqual(['3', 'Codice fiscale / Partita IVA']);
    expect(message).toMatch(/^Codice fiscale non valido/);

    await page.getByRole('button', { name: 'Importa 2 righe valide' }).click();
    await eventually(async () => expect(await text(page.getByTestId('import-outcome'))).toContain('2 righe importate'));
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

test('a form being filled in survives the end of the session: after signing in again it comes back as it was', async () => {
  const draftName = `Bozza da conservare ${uniqueCode('D')}`;
  await withScreenshotOnFailure(page, 'draft-survives-sign-in', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(new URL('partners/create', consoleUrl).toString());
    await page.getByLabel('Denominazione').fill(draftName);

    // The session ends while the form is open (here by signing out; an expired session unmounts the form the same way).
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Profilo' }).click();
    await page.getByRole('menuitem', { name: 'Esci' }).click();
    await visible(page.locator('input[name=username]'));

    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(new URL('partners/create', consoleUrl).toString());
    await eventually(async () => expect(await page.getByLabel('Denominazione').inputValue()).toBe(draftName));

    // Leaving the form within the console, signed in, drops the draft.
    await page.getByRole('menuitem', { name: 'Partner' }).click();
    await page.waitForURL(/\/partners$/);
    const drafts = () => page.evaluate<string[]>(`Object.keys(sessionStorage).filter((key) => key.startsWith('reti.draft:'))`);
    await eventually(async () => expect(await drafts()).toEqual([]));
    await page.goto(new URL('partners/create', consoleUrl).toString());
    await visible(page.getByLabel('Denominazione'));
    expect(await page.getByLabel('Denominazione').inputValue()).toBe('');
  });
}, BROWSER_TEST_TIMEOUT);
