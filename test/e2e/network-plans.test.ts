import { Locator } from 'playwright-core';
import { DEMO_PASSWORD, DemoData } from '../../server/src/seed/demo-data';
import { newTenant } from '../helpers/app';
import { eventually, seriousViolations } from '../helpers/browser';
import { seedDemoData } from '../helpers/demo';
import { addMember, countRows, createNetwork, createPartner, linkCrisisCompany, must, personTaxCode, referenceIds } from '../helpers/factories';
import { ImportPage } from './pages/import.page';
import { NetworkPage } from './pages/network.page';
import { BROWSER_TEST_TIMEOUT, useConsole, WIDE } from './support/console';

/**
 * The network page's personal plans: a clerk enrols recipients, plans and records their services
 * (by hand and by CSV) and their outcome; on the demo's Fase II network too, and the hint where a
 * measure has no catalogue.
 */

let demo: DemoData;
const reti = useConsole({ seed: async (app) => void (demo = await seedDemoData(app)) });
const { t } = reti;

const text = (locator: Locator) => locator.innerText();

/** A clerk of a tenant of its own, and a Fase II network there that can be activated: a lead, a Job Centre, a union and a company in crisis. */
async function clerkAndNetwork() {
  const ref = await referenceIds(t);
  const tenant = await newTenant(t);
  const clerk = await t.signUp('EDITOR', tenant.id);
  const network = await createNetwork(t, tenant.editor, ref);
  const lead = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Operatore capofila ${network.code}` });
  await addMember(t, tenant.editor, network.id, lead.id, 'LEAD');
  await linkCrisisCompany(t, tenant.editor, ref, network.id);
  for (const code of ['CPI', 'TRADE_UNION']) await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref, code)).id);
  return { ref, tenant, clerk, network, lead };
}

test('a clerk plans and records services, sees the hours left shrink, is refused past a cap in plain Italian, imports a services file and records the outcome', async () => {
  const { ref, tenant, clerk, network, lead } = await clerkAndNetwork();
  const outsider = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR');
  const taxCode = personTaxCode();
  const enrolment = await must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id reference } }`, {
    input: { networkId: network.id, taxCode, kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand: 2, previousContract: 'SUBORDINATE', residenceMunicipalityId: ref.municipality('015182') },
  });
  await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status } }`, network);

  const { session, page } = await reti.openAs(clerk);
  const plans = new NetworkPage(session);
  await session.shot('services-personal-plans', async () => {
    await plans.open(network.id, 'plans');
    const row = plans.planRow(enrolment.reference);
    await row.waitFor();
    // Pseudonymous: the reference stands for the recipient, the tax code is nowhere.
    expect(await page.locator('body').innerText()).not.toContain(taxCode);
    await row.click();
    const plan = plans.plan(enrolment.reference);
    await plan.waitFor();
    const coaching = plans.planLine(plan, 'Coaching');
    // Service, planned, delivered, cap, left, amounts.
    const coachingCells = async () => (await coaching.getByRole('cell').allInnerTexts()).map((cell) => cell.trim());

    await plans.service('Pianifica un servizio', { service: /^COACHING/, partner: lead.legalName, date: '01/04/2021', hours: '4', amount: '120,00' });
    await page.getByText('Servizio pianificato').waitFor();
    await eventually(async () => expect(await coachingCells()).toEqual(['Coaching', '4', '0', '10', '6', '€ 120,00', '€ 0,00']));

    await plans.service('Registra un servizio erogato', { service: /^COACHING/, partner: lead.legalName, date: '08/04/2021', hours: '6', amount: '180,00' });
    await page.getByText('Servizio erogato registrato').waitFor();
    await eventually(async () => expect(await coachingCells()).toEqual(['Coaching', '4', '6', '10', '4', '€ 120,00', '€ 180,00']));
    expect(await text(plan.getByTestId('plan-services'))).toContain('08/04/2021');

    // Seven more planned hours would make 11 of the 10 allowed: refused, in plain words, and nothing changes.
    const dialog = await plans.service('Pianifica un servizio', { service: /^COACHING/, partner: lead.legalName, date: '15/04/2021', hours: '7', amount: '210,00' });
    await page.getByText('1 destinatario: un servizio supera il massimo di 10 ore (11).').waitFor();
    expect(await page.getByText('L’operazione violerebbe le regole della misura:').count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    expect(await coachingCells()).toEqual(['Coaching', '4', '6', '10', '4', '€ 120,00', '€ 180,00']);
    expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [enrolment.id])).toBe(2);

    expect(await seriousViolations(page)).toEqual([]);

    // Bulk reporting: the placement service, and a row for a partner outside the network.
    const importPage = await new ImportPage(session).open();
    await importPage.kind('Servizi ai destinatari');
    const csv = [
      'codice_rete;riferimento_iscrizione;codice_servizio;cf_soggetto_erogatore;modalita;data;ore;stato;importo',
      `${network.code};${enrolment.reference};INSERIMENTO_LAVORO;${lead.taxCode};Individuale;03/05/2021;2;Pianificato;1.000,00`,
      `${network.code};${enrolment.reference};COACHING;${outsider.taxCode};Di gruppo;04/05/2021;1;Erogato;30,00`,
    ].join('\n');
    await importPage.upload('servizi.csv', csv);
    await eventually(async () => expect(await text(importPage.invalid)).toBe('Con errori\n1'));
    expect(await text(importPage.valid)).toBe('Valide\n1');
    const error = importPage.errorRows;
    expect((await error.getByRole('cell').allInnerTexts()).map((cell) => cell.trim())).toEqual([
      '3',
      'Codice fiscale del soggetto erogatore',
      'Il soggetto che eroga il servizio non è membro della rete.',
    ]);
    // The dry run wrote nothing.
    expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [enrolment.id])).toBe(2);
    await importPage.importValid('Importa 1 riga valida');
    await eventually(async () => expect(await text(importPage.outcome)).toContain('1 riga importata'));
    expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [enrolment.id])).toBe(3);

    // Back on the plan: phase 2 is the placement, and the recipient was hired.
    await plans.open(network.id, 'plans');
    // The list remembers the rows left open.
    await row.waitFor();
    if ((await row.locator('[aria-expanded]').getAttribute('aria-expanded')) !== 'true') await row.click();
    await plans.planLine(plan, 'Inserimento e avvio al lavoro').waitFor();
    await plan.getByRole('button', { name: 'Scelta della fase 2' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: 'Scelta della fase 2' }).click();
    await page.getByRole('option', { name: 'Inserimento e avvio al lavoro' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Scelta della fase 2 salvata').waitFor();

    await plan.getByRole('button', { name: 'Registra l’esito' }).click();
    const outcome = page.getByRole('dialog');
    await outcome.getByRole('combobox', { name: 'Esito', exact: true }).click();
    await page.getByRole('option', { name: 'Inserimento lavorativo' }).click();
    await outcome.getByLabel('Data dell’esito').fill('15/06/2021');
    await outcome.getByRole('combobox', { name: 'Contratto' }).click();
    await page.getByRole('option', { name: 'Tempo indeterminato' }).click();
    await outcome.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Esito registrato').waitFor();
    await eventually(async () => {
      const cells = await row.innerText();
      expect(cells).toContain('Inserimento e avvio al lavoro');
      expect(cells).toContain('Inserimento lavorativo');
      expect(cells).toContain('15/06/2021');
      expect(cells).toContain('Tempo indeterminato');
    });
    const [saved] = await t.owner.query('SELECT outcome, outcome_on::text AS "on", outcome_contract AS contract FROM recipient_enrolments WHERE id = $1', [enrolment.id]);
    expect(saved).toEqual({ outcome: 'PLACEMENT', on: '2021-06-15', contract: 'PERMANENT' });
  });
}, BROWSER_TEST_TIMEOUT);

test('a clerk enrols a recipient through the dialog, is told of a wrong check character on leaving the field and of a second enrolment, corrects the enrolment and plans a service for it', async () => {
  const { tenant, clerk, network, lead } = await clerkAndNetwork();
  await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status } }`, network);
  const [municipality] = await t.owner.query('SELECT id, name FROM municipalities WHERE istat_code = $1', ['015182']);
  const taxCode = personTaxCode();
  const wrongCheck = taxCode.slice(0, 15) + (taxCode.endsWith('A') ? 'B' : 'A');

  const { session, page } = await reti.openAs(clerk);
  const plans = new NetworkPage(session);
  await session.shot('services-enrol-recipient', async () => {
    await plans.open(network.id, 'plans');
    const enrol = async () => {
      await page.getByRole('button', { name: 'Iscrivi destinatario' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Condizione' }).click();
      await page.getByRole('option', { name: 'Disoccupati' }).click();
      await dialog.getByRole('textbox', { name: /^Iscritto il/ }).fill('15/03/2021');
      return dialog;
    };

    const dialog = await enrol();
    const taxCodeInput = dialog.getByRole('textbox', { name: /^Codice fiscale del destinatario/ });
    await taxCodeInput.fill(wrongCheck);
    await taxCodeInput.blur();
    await dialog.getByText('Codice fiscale non valido: il carattere di controllo non torna').waitFor();
    await taxCodeInput.fill(taxCode);
    await dialog.getByRole('combobox', { name: 'Fascia di aiuto' }).click();
    await page.getByRole('option', { name: '2', exact: true }).click();
    await dialog.getByRole('combobox', { name: 'Comune di residenza' }).fill(municipality.name);
    await page.getByRole('option', { name: `${municipality.name} (015182)` }).click();
    await dialog.getByRole('combobox', { name: 'Rapporto di lavoro di provenienza' }).click();
    await page.getByRole('option', { name: 'Lavoro subordinato' }).click();
    // Declaring Dote Unica Lavoro keeps the recipient out of the running network (seed 000), said on the input.
    const outside = dialog.getByRole('group', { name: 'Partecipa anche a' }).getByRole('checkbox', { name: 'Dote Unica Lavoro' });
    await outside.check();
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await dialog.getByText(/^1 destinatario dichiara di partecipare a un altro intervento di politica attiva finanziato con risorse pubbliche \(Dote Unica Lavoro\)/).waitFor();
    expect(await countRows(t, 'recipient_enrolments', 'network_id = $1', [network.id])).toBe(0);
    await outside.uncheck();
    await dialog.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Destinatario iscritto', { exact: true }).waitFor();
    const [enrolment] = await t.owner.query(
      'SELECT id, kind, enrolled_on::text AS "enrolledOn", aid_band AS "aidBand", residence_municipality_id AS "residenceMunicipalityId", previous_contract AS "previousContract", relocation_allowance AS "relocationAllowance", outside_policies AS "outsidePolicies" FROM recipient_enrolments WHERE network_id = $1',
      [network.id],
    );
    expect(enrolment).toEqual({
      id: expect.any(String),
      kind: 'UNEMPLOYED',
      enrolledOn: '2021-03-15',
      aidBand: 2,
      residenceMunicipalityId: municipality.id,
      previousContract: 'SUBORDINATE',
      relocationAllowance: false,
      outsidePolicies: [],
    });
    const reference = enrolment.id.slice(0, 8).toUpperCase();
    const row = plans.planRow(reference);
    await row.waitFor();
    expect(await page.locator('body').innerText()).not.toContain(taxCode);

    // The same person again: refused on the tax code, and nothing is written.
    const again = await enrol();
    await again.getByRole('textbox', { name: /^Codice fiscale del destinatario/ }).fill(taxCode);
    await again.getByRole('button', { name: 'Salva' }).click();
    await again.getByText('Codice fiscale già presente').waitFor();
    await again.getByRole('button', { name: 'Annulla' }).click();
    expect(await countRows(t, 'recipient_enrolments', 'network_id = $1', [network.id])).toBe(1);

    await row.click();
    const plan = plans.plan(reference);
    await plan.getByRole('button', { name: 'Correggi l’iscrizione' }).click();
    const correction = page.getByRole('dialog');
    expect(await correction.getByRole('textbox', { name: /^Codice fiscale/ }).count()).toBe(0);
    await correction.getByRole('combobox', { name: 'Fascia di aiuto' }).click();
    await page.getByRole('option', { name: '3', exact: true }).click();
    await correction.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Iscrizione corretta').waitFor();
    await eventually(async () => expect((await t.owner.query('SELECT aid_band AS "aidBand" FROM recipient_enrolments WHERE id = $1', [enrolment.id]))[0].aidBand).toBe(3));

    await plans.service('Pianifica un servizio', { service: /^COACHING/, partner: lead.legalName, date: '01/04/2021', hours: '4', amount: '120,00' });
    await page.getByText('Servizio pianificato').waitFor();
    await eventually(async () => expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [enrolment.id])).toBe(1));
    expect(await seriousViolations(page)).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);

test('the demo editor plans and delivers coaching for a recipient of the demo network and sees the hours left', async () => {
  const { session, page } = await reti.openAs({ email: demo.users.editor, password: DEMO_PASSWORD }, { viewport: WIDE });
  const plans = new NetworkPage(session);
  await session.shot('network-plans-demo', async () => {
    await plans.open(demo.networks.faseII, 'plans');
    const rows = plans.plans.locator('tbody tr');
    await rows.first().waitFor();
    const reference = (await rows.first().getByRole('cell').allInnerTexts()).map((cell) => cell.trim()).find((cell) => /^[0-9A-F]{8}$/.test(cell))!;
    expect(reference).toBeDefined();
    await rows.first().click();
    const plan = plans.plan(reference);
    await plan.waitFor();
    const coaching = plans.planLine(plan, 'Coaching');
    const cells = async () => (await coaching.getByRole('cell').allInnerTexts()).map((cell) => cell.trim());
    // The demo planned 4 hours of the 10 allowed.
    await eventually(async () => expect(await cells()).toEqual(['Coaching', '4', '0', '10', '6', '€ 140,00', '€ 0,00']));

    await plans.service('Pianifica un servizio', { service: /^COACHING/, partner: 'DEMO – Operatore accreditato al lavoro', date: '17/05/2021', hours: '2', amount: '70,00' });
    await page.getByText('Servizio pianificato').waitFor();
    await eventually(async () => expect(await cells()).toEqual(['Coaching', '6', '0', '10', '4', '€ 210,00', '€ 0,00']));

    await plans.service('Registra un servizio erogato', { service: /^COACHING/, partner: 'DEMO – Operatore accreditato al lavoro', date: '24/05/2021', hours: '7', amount: '245,00' });
    await page.getByText('Servizio erogato registrato').waitFor();
    await eventually(async () => expect(await cells()).toEqual(['Coaching', '6', '7', '10', '3', '€ 210,00', '€ 245,00']));
  });

  const editor = { userId: demo.userIds.editor, role: 'EDITOR' as const, tenantId: demo.tenants.province };
  const services = await must(t, editor, `query($id: ID!) { recipientServices(filter: { networkId: $id, status: DELIVERED }, perPage: 100) { total } }`, { id: demo.networks.faseII });
  expect(services.total).toBe(25);
}, BROWSER_TEST_TIMEOUT);

test('a network whose measure has no catalogue says which measures have one, on both tabs', async () => {
  const ambito = { userId: demo.userIds.ambito, role: 'EDITOR' as const, tenantId: demo.tenants.ambito };
  const { networkId } = await must(t, ambito, `query($id: ID!) { codesignCall(id: $id) { networkId } }`, { id: demo.calls.awarded });
  const hint = (locator: Locator) => eventually(async () => {
    const said = await locator.innerText();
    expect(said).toContain('La misura della rete non ha un catalogo di servizi');
    expect(said).toContain('Avviso Reti per il lavoro – Fase II');
    expect(said).toContain('Reti per la ricollocazione e riqualificazione collettiva (GOL Percorso 5)');
  });
  const { session, page } = await reti.openAs({ email: demo.users.ambito, password: DEMO_PASSWORD }, { viewport: WIDE });
  const plans = new NetworkPage(session);
  await session.shot('network-plans-no-catalogue', async () => {
    await plans.open(networkId, 'plans');
    await hint(page.getByTestId('no-catalogue'));
    await plans.tab('Piano dei conti');
    await hint(page.getByTestId('no-catalogue'));
  });
}, BROWSER_TEST_TIMEOUT);
