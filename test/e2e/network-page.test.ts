import { Locator } from 'playwright-core';
import { eventually, pickOption } from '../helpers/browser';
import { addMember, createCrisisCompany, createNetwork, createPartner, must, orgTaxCode, seedNetworks, uniqueCode } from '../helpers/factories';
import { NetworkPage } from './pages/network.page';
import { BROWSER_TEST_TIMEOUT, count, Credentials, hidden, useTenantConsole, visible } from './support/console';

/** A network's page: built and activated by an editor, its lead swapped, its companies shown, and read by an analyst with no write button. */

let analyst: Credentials;
const reti = useTenantConsole(async (app, { tenant }) => {
  analyst = await app.signUp('ANALYST', tenant.id);
});
const { t, ref, tenant, editor } = reti;

const text = (locator: Locator) => locator.innerText();

/** The network's status as the database holds it. */
async function networkStatus(code: string): Promise<string | undefined> {
  const [row] = await t.owner.query('SELECT status FROM networks WHERE code = $1', [code]);
  return row?.status;
}

test('an editor creates a partner and a network, builds its roster, sees the rule check change and activates it', async () => {
  // Two partners already on file; the lead is created through the console below.
  const suffix = uniqueCode('E2E');
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `CPI di prova ${suffix}` });
  await createPartner(t, tenant.editor, ref, 'TRADE_UNION', { legalName: `Sindacato di prova ${suffix}` });
  const leadName = `Operatore accreditato ${suffix}`;
  const networkCode = `RETE-${suffix}`;

  const { session, page } = await reti.openAs(editor);
  const networkPage = new NetworkPage(session);
  await session.shot('editor-builds-and-activates-a-network', async () => {
    // A new partner: the accredited labour operator that will lead the network.
    await session.goto('partners/create');
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
    await session.goto('networks/create');
    await page.getByLabel('Codice').fill(networkCode);
    await page.getByLabel('Titolo').fill('Rete di prova per la ricollocazione');
    await pickOption(page, 'Misura', 'Fase II', /Fase II/);
    await page.getByLabel('Data di avvio').fill('2021-03-01');
    await page.getByLabel('Data di fine').fill('2022-02-28');
    await page.getByLabel('Destinatari sospesi (CIGS/CIGD)').fill('12');
    await page.getByLabel('Destinatari disoccupati').fill('8');
    await page.getByRole('button', { name: 'Salva' }).click();

    // A new network is a draft that breaks the partnership rules: "Attiva" is off, with the reasons.
    const blocked = networkPage.activationBlocked;
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
    await networkPage.tab('Partenariato');
    await networkPage.addMember(leadName, 'Capofila');
    await eventually(async () => expect(await text(blocked)).toContain('La rete ha 1 soggetto: ne servono almeno 3'));
    await eventually(async () => expect(await text(blocked)).not.toContain('un solo capofila'));
    await networkPage.addMember(`CPI di prova ${suffix}`, 'Partner');
    await eventually(async () => expect(await text(blocked)).toContain('La rete ha 2 soggetti'));
    await networkPage.addMember(`Sindacato di prova ${suffix}`, 'Partner');
    await count(networkPage.roster.getByRole('row'), 4);
    await hidden(blocked);

    await networkPage.tab('Verifica regole');
    await eventually(async () => expect(await text(networkPage.complianceSummary)).toBe('La rete rispetta tutte le regole della misura.'));

    // Compliant: "Attiva" is on, and activating asks for confirmation.
    await networkPage.activate();
    await visible(page.getByRole('button', { name: 'Chiudi', exact: true }));
  });
  expect(await networkStatus(networkCode)).toBe('ACTIVE');
}, BROWSER_TEST_TIMEOUT);

test('Rendi capofila swaps the lead in one step; Rimuovi names the partner and can be undone; the companies tab shows the ATECO division', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const oldLead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Vecchio capofila ${uniqueCode('L')}` });
  const newLead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Nuovo capofila ${uniqueCode('L')}` });
  const leadMember = await addMember(t, tenant.editor, network.id, oldLead.id, 'LEAD');
  const partnerMember = await addMember(t, tenant.editor, network.id, newLead.id);
  const company = await createCrisisCompany(t, tenant.editor, ref, { atecoSectorId: (await t.owner.query(`SELECT id FROM ateco_sectors WHERE code = '25' AND ateco_version = '2007'`))[0].id, supplyChain: 'Metalmeccanica' });
  await must(t, tenant.editor, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, { input: { networkId: network.id, crisisCompanyId: company.id } });

  const { session, page } = await reti.openAs(editor);
  const networkPage = new NetworkPage(session);
  await session.shot('make-lead', async () => {
    await networkPage.open(network.id, 'roster');
    const row = networkPage.member(newLead.legalName);
    await row.getByRole('button', { name: 'Rendi capofila' }).click();
    await visible(page.getByRole('dialog').getByText(`Rendere «${newLead.legalName}» capofila della rete?`));
    await page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
    await visible(page.getByText('Capofila cambiato'));
    const roles = async () =>
      Object.fromEntries((await t.owner.query('SELECT id, role FROM network_members WHERE network_id = $1', [network.id])).map((r: { id: string; role: string }) => [r.id, r.role]));
    await eventually(async () => expect(await roles()).toEqual({ [leadMember.id]: 'PARTNER', [partnerMember.id]: 'LEAD' }));

    const oldRow = networkPage.member(oldLead.legalName);
    await oldRow.getByRole('button', { name: 'Rimuovi' }).click();
    await visible(page.locator('.MuiSnackbar-root').getByText(`«${oldLead.legalName}» tolto dalla rete`));
    await page.locator('.MuiSnackbar-root').getByRole('button', { name: 'Annulla' }).click();
    await visible(oldRow);

    await networkPage.tab('Aziende in crisi');
    await visible(page.getByRole('columnheader', { name: 'Divisione ATECO' }));
    await visible(page.getByRole('columnheader', { name: 'Settore / filiera' }));
    await visible(page.getByRole('cell', { name: /^25 Fabbricazione di prodotti in metallo/ }));
    await visible(page.getByRole('cell', { name: 'Metalmeccanica' }));
  });
}, BROWSER_TEST_TIMEOUT);

test('an analyst reads the registry but is offered no create, edit or status buttons', async () => {
  const partner = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Operatore letto ${uniqueCode('E2E')}` });
  const [networkId] = await seedNetworks(t, tenant.editor, 1);

  const { session, page } = await reti.openAs(analyst);
  const networkPage = new NetworkPage(session);
  await session.shot('analyst-sees-no-write-buttons', async () => {
    await session.goto('partners');
    await visible(page.getByText(partner.legalName));
    await visible(page.getByRole('link', { name: 'Esporta' }).or(page.getByRole('button', { name: 'Esporta' })));
    await count(page.getByRole('link', { name: 'Crea' }), 0);

    await page.getByText(partner.legalName).click();
    await visible(page.getByText(partner.taxCode));
    await count(page.getByRole('link', { name: 'Modifica' }), 0);

    // A compliant draft network: readable, but with no status buttons or roster form.
    await networkPage.open(networkId);
    await visible(page.getByRole('tab', { name: 'Partenariato' }));
    await count(page.getByRole('link', { name: 'Modifica' }), 0);
    await count(page.getByRole('button', { name: /^(Attiva|Chiudi|Ritira)$/ }), 0);
    await networkPage.tab('Partenariato');
    await count(networkPage.roster.getByRole('row'), 4);
    await count(page.getByRole('button', { name: 'Aggiungi al partenariato' }), 0);
    await count(page.getByRole('button', { name: 'Rimuovi' }), 0);
  });
}, BROWSER_TEST_TIMEOUT);
