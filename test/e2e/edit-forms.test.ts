import { admin } from '../helpers/app';
import { eventually } from '../helpers/browser';
import { createNetwork, createPartner, must, uniqueCode } from '../helpers/factories';
import { NetworkPage } from './pages/network.page';
import { PartnerPage } from './pages/partner.page';
import { BROWSER_TEST_TIMEOUT, useTenantConsole, visible } from './support/console';

/**
 * The edit forms: errors land on their field, once and in plain Italian (whatever the browser's own
 * locale), a tax code is checked as the field is left, a draft survives the end of the session, and
 * the reference forms save their lists (a fund source's measures, a CPI's municipalities).
 */

const reti = useTenantConsole();
const { t, ref, tenant, editor } = reti;
/** A browser whose own locale is English: the console's Italian formats must not depend on it. */
const ENGLISH_BROWSER = { context: { locale: 'en-US' } };

/** A tax code of `taxCode`'s kind with its check digit off by one. */
const wrongCheckDigit = (taxCode: string) => `${taxCode.slice(0, 10)}${(Number(taxCode[10]) + 1) % 10}`;

test('a wrong tax code is pointed out once as the field is left, before anything is saved', async () => {
  const existing = await createPartner(t, tenant.editor, ref, 'CPI');
  const { session, page } = await reti.openAs(editor);
  const creations: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && /createPartner/.test(request.postData() ?? '')) creations.push(request.postData()!);
  });

  await session.shot('check-on-blur', async () => {
    const form = await new PartnerPage(session).create();
    await form.taxCode.fill(wrongCheckDigit(existing.taxCode));
    const message = page.getByText('il carattere di controllo non torna');
    expect(await message.count()).toBe(0);
    await form.taxCode.press('Tab');
    await message.waitFor();
    expect(await message.count()).toBe(1);
    // Corrected, the message goes as the user types.
    await form.taxCode.fill(existing.taxCode);
    await message.waitFor({ state: 'detached' });
  });
  expect(creations).toEqual([]);
  expect(page.url()).toMatch(/\/partners\/create$/);
}, BROWSER_TEST_TIMEOUT);

test('errors land on their field once, in plain Italian: a duplicate tax code, a wrong check digit, a date typed gg/mm/aaaa and a number with a thousands dot', async () => {
  const existing = await createPartner(t, tenant.editor, ref, 'CPI');
  const network = await createNetwork(t, tenant.editor, ref, { title: `Rete dei campi ${uniqueCode('F')}` });

  const { session, page } = await reti.openAs(editor, ENGLISH_BROWSER);
  await session.shot('errors-on-fields', async () => {
    const form = await new PartnerPage(session).create();
    await form.name.fill('Gemello');
    await page.getByRole('combobox', { name: 'Tipologia di soggetto', exact: true }).click();
    await page.getByRole('option').first().click();
    // A slip in the check digit is caught in the browser, with the server's own algorithm: nothing is sent.
    await form.taxCode.fill(wrongCheckDigit(existing.taxCode));
    await page.getByRole('button', { name: 'Salva' }).click();
    await visible(page.getByText('il carattere di controllo non torna'));
    await form.taxCode.fill(existing.taxCode);
    await page.getByRole('button', { name: 'Salva' }).click();
    await visible(page.getByText('Codice fiscale già presente'));
    expect(await page.getByText('Codice fiscale già presente').count()).toBe(1);
    expect(await page.getByText('modificato o è ancora usato altrove').count()).toBe(0);

    await new NetworkPage(session).edit(network.id);
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

test('a form being filled in survives the end of the session: after signing in again it comes back as it was', async () => {
  const draftName = `Bozza da conservare ${uniqueCode('D')}`;
  const { session, page } = await reti.openAs(editor);
  await session.shot('draft-survives-sign-in', async () => {
    const form = await new PartnerPage(session).create();
    await form.name.fill(draftName);

    // The session ends while the form is open (here by signing out; an expired session unmounts the form the same way).
    page.on('dialog', (dialog) => void dialog.accept());
    await session.signOut();

    await session.signIn(editor);
    await form.create();
    await eventually(async () => expect(await form.name.inputValue()).toBe(draftName));

    // Leaving the form within the console, signed in, drops the draft.
    await page.getByRole('menuitem', { name: 'Partner' }).click();
    await page.waitForURL(/\/partners$/);
    const drafts = () => page.evaluate<string[]>(`Object.keys(sessionStorage).filter((key) => key.startsWith('reti.draft:'))`);
    await eventually(async () => expect(await drafts()).toEqual([]));
    await form.create();
    await visible(form.name);
    expect(await form.name.inputValue()).toBe('');
  });
}, BROWSER_TEST_TIMEOUT);

test('an administrator names the measures a fund source may pay; an editor names the municipalities a CPI covers', async () => {
  const source = await must(t, admin, `mutation($input: CreateFundSourceInput!) { createFundSource(input: $input) { id } }`, {
    input: { code: uniqueCode('FONTE'), name: `Fonte di prova ${uniqueCode('F')}`, budget: '100000.00' },
  });
  const cpi = await createPartner(t, tenant.editor, ref, 'CPI');

  const { session: administrator, page } = await reti.openAs('ADMIN');
  await administrator.shot('accounts-fund-measures', async () => {
    await administrator.goto(`fundSources/${source.id}`);
    const measures = page.getByRole('combobox', { name: 'Misure che la fonte può finanziare' });
    await measures.click();
    await measures.fill('FASE_II');
    await page.getByRole('option', { name: /^AZIONI_RETE_FASE_II/ }).click();
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByText('AZIONI_RETE_FASE_II', { exact: true }).waitFor();
    expect((await t.owner.query('SELECT measure_codes FROM fund_sources WHERE id = $1', [source.id]))[0].measure_codes).toEqual(['AZIONI_RETE_FASE_II']);
  });
  await administrator.close();

  const { session: editorSession } = await reti.openAs(editor);
  await editorSession.shot('accounts-cpi-municipalities', async () => {
    const form = await new PartnerPage(editorSession).edit(cpi.id);
    const municipalities = form.page.getByRole('combobox', { name: 'Comuni di competenza del CPI' });
    await municipalities.click();
    await municipalities.fill('Rho');
    await form.page.getByRole('option', { name: 'Rho (015182)' }).click();
    await form.save();
    await form.page.getByText('Comuni di competenza del CPI').waitFor();
    await form.page.getByText('Rho', { exact: true }).waitFor();
    expect((await t.owner.query('SELECT covered_municipality_ids FROM partners WHERE id = $1', [cpi.id]))[0].covered_municipality_ids).toEqual([ref.municipality('015182')]);
  });
}, BROWSER_TEST_TIMEOUT);
