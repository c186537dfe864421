import { admin, newTenant } from '../helpers/app';
import { eventually, seriousViolations } from '../helpers/browser';
import { createNetwork, must, referenceIds, uniqueCode } from '../helpers/factories';
import { NetworkPage } from './pages/network.page';
import { BROWSER_TEST_TIMEOUT, hasText, text, useConsole } from './support/console';

/** A network's plan of accounts and project sheet in the console, with the refusals a clerk meets. */

const reti = useConsole();
const { t } = reti;

/**
 * The Fase II call as seeds 000 and 002 put it together: its window (19/02/2021–31/12/2021), its
 * € 70.000,00 tier for 10–20 recipients and its 30 % business-start share, with the plan of
 * accounts and the project sheet required. The seeded Fase II measure does not list those two
 * rules, and reference data are shared by every test, so the test keeps a measure of its own.
 */
async function faseIIMeasure() {
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
    input: {
      code: uniqueCode('FASE_II_CONTI'),
      name: `Avviso Reti per il lavoro – Fase II, ${uniqueCode('conti')}`,
      rules: ['PLAN_OF_ACCOUNTS', 'PROJECT_SHEET', 'APPLICATION_WINDOW'],
      openFrom: '2021-02-19',
      openTo: '2021-12-31',
      conditionalResultShare: '0.30',
    },
  });
  await must(t, admin, `mutation($input: CreateFundingTierInput!) { createFundingTier(input: $input) { id } }`, {
    input: { measureId: measure.id, minRecipients: 10, maxRecipients: 20, maxContribution: '70000.00' },
  });
  const serviceType = (code: string, name: string, phase: number, category: string, payment: string) =>
    must(t, admin, `mutation($input: CreateServiceTypeInput!) { createServiceType(input: $input) { id } }`, { input: { measureId: measure.id, code, name, phase, category, payment } });
  return {
    id: measure.id as string,
    process: (await serviceType('SERVIZI_A_PROCESSO', 'Servizi a processo', 1, 'GUIDANCE_TRAINING', 'PROCESS')).id as string,
    placement: (await serviceType('INSERIMENTO', 'Inserimento lavorativo', 2, 'INTENSIVE_ASSISTANCE', 'RESULT')).id as string,
    business: (await serviceType('AVVIO_IMPRESA', 'Avvio d’impresa', 2, 'INTENSIVE_ASSISTANCE', 'PROCESS_CONDITIONAL_ON_RESULT')).id as string,
  };
}

test('a clerk plans the accounts within the tier and completes the project sheet within the call window; activation follows', async () => {
  const ref = await referenceIds(t);
  const tenant = await newTenant(t);
  const measure = await faseIIMeasure();
  // 12 suspended and 8 unemployed: the 10–20 recipients tier.
  const network = await createNetwork(t, tenant.editor, ref, { measureId: measure.id });
  const clerk = await t.signUp('EDITOR', tenant.id);
  const lines = async () => (await t.owner.query('SELECT service_type_id, planned_amount::text AS amount FROM network_account_lines WHERE network_id = $1 ORDER BY planned_amount', [network.id])) as { service_type_id: string; amount: string }[];
  const sheets = async () => (await t.owner.query('SELECT application_date::text AS date, expected_placements FROM network_project_sheets WHERE network_id = $1', [network.id])) as { date: string; expected_placements: number | null }[];

  const { session, page } = await reti.openAs(clerk);

  const networkPage = new NetworkPage(session);
  await session.shot('accounts-plan-and-sheet', async () => {
    await networkPage.open(network.id);
    await networkPage.tab('Piano dei conti');
    const blocked = networkPage.activationBlocked;
    await hasText(blocked, 'Il progetto deve definire il piano dei conti.');
    await hasText(blocked, 'La scheda progetto è incompleta: mancano data di presentazione');

    // The plan of accounts: one amount per service type of the measure, with the payment beside it.
    const row = (serviceTypeId: string) => networkPage.accountLine(serviceTypeId);
    await hasText(row(measure.business), 'A processo, condizionato al risultato');
    await networkPage.planAmount(measure.process, '40.000,00');
    await hasText(page.getByTestId('plan-total'), '€ 40.000,00');
    expect(await text(page.getByTestId('plan-tier-maximum'))).toBe('€ 70.000,00');
    await hasText(page.getByTestId('plan-against-tier'), 'Entro la fascia: restano € 30.000,00.');
    expect(await text(page.getByTestId('plan-committed'))).toBe('€ 0,00');
    expect(await text(page.getByTestId('plan-delivered'))).toBe('€ 0,00');
    expect(await text(page.getByTestId('plan-conditional-pending'))).toBe('€ 0,00');
    await hasText(page.getByTestId('plan-of-accounts').locator('..'), 'Quota del 30% condizionata al risultato');

    // One cent above the tier's maximum: refused on the amount typed, in plain Italian, and nothing saved.
    const placement = row(measure.placement);
    await networkPage.planAmount(measure.placement, '30.000,01');
    await hasText(placement, 'Il piano dei conti (€ 70.000,01) supera il contributo massimo della fascia (€ 70.000,00).');
    expect(await text(row(measure.process))).not.toContain('supera');
    expect(await lines()).toEqual([{ service_type_id: measure.process, amount: '40000.00' }]);

    await networkPage.planAmount(measure.placement, '30.000,00');
    await hasText(page.getByTestId('plan-total'), '€ 70.000,00');
    await hasText(page.getByTestId('plan-against-tier'), 'Il piano raggiunge esattamente il contributo massimo della fascia.');
    expect(await lines()).toEqual([
      { service_type_id: measure.placement, amount: '30000.00' },
      { service_type_id: measure.process, amount: '40000.00' },
    ]);
    await eventually(async () => expect(await text(blocked)).not.toContain('piano dei conti'));
    expect(await seriousViolations(page)).toEqual([]);

    // The project sheet: what is missing, by name.
    await networkPage.tab('Scheda progetto');
    const completeness = page.getByTestId('sheet-completeness');
    await hasText(completeness, 'Scheda incompleta. Mancano: Data di presentazione della domanda;');
    await hasText(page.getByText('Finestra dell’avviso: dal 19/02/2021 al 31/12/2021.'), '19/02/2021');
    const fill = (label: string, value: string) => page.getByRole('textbox', { name: label }).fill(value);
    await fill('Data di presentazione della domanda', '25/02/2021');
    await fill('Contesto dell’azienda o delle aziende di provenienza', 'Due aziende metalmeccaniche della stessa filiera, in CIGS con esuberi previsti.');
    await fill('Caratteristiche dei destinatari', '20 lavoratori, operai specializzati; fabbisogni formativi sulla saldatura.');
    await fill('Obiettivi specifici', 'Ricollocare almeno metà dei lavoratori entro 12 mesi.');
    await fill('Composizione e caratteristiche del partenariato', 'Capofila accreditato ai servizi al lavoro, un ente di formazione, un sindacato.');
    await fill('Assetto organizzativo del progetto', 'Cabina di regia mensile presso il capofila.');
    await fill('Arco temporale di svolgimento', 'Marzo 2021 – febbraio 2022.');
    await fill('Risultati attesi, in particolare gli impatti occupazionali', 'Inserimenti lavorativi e qualificazioni.');
    await page.getByRole('button', { name: 'Salva la scheda' }).click();
    await hasText(completeness, 'Scheda incompleta. Mancano: Inserimenti lavorativi attesi.');
    await hasText(blocked, 'La scheda progetto è incompleta: mancano inserimenti lavorativi attesi.');
    expect(await sheets()).toEqual([{ date: '2021-02-25', expected_placements: null }]);

    // A day before the call opened: refused on the date, in plain Italian, and nothing saved.
    await fill('Inserimenti lavorativi attesi', '10');
    await fill('Data di presentazione della domanda', '18/02/2021');
    await page.getByRole('button', { name: 'Salva la scheda' }).click();
    await page.getByText('La domanda del 18/02/2021 è fuori dalla finestra dell’avviso (dal 19/02/2021 al 31/12/2021).').waitFor();
    expect(await sheets()).toEqual([{ date: '2021-02-25', expected_placements: null }]);

    await fill('Data di presentazione della domanda', '31/12/2021');
    await page.getByRole('button', { name: 'Salva la scheda' }).click();
    await hasText(completeness, 'Scheda completa');
    await eventually(async () => expect(await sheets()).toEqual([{ date: '2021-12-31', expected_placements: 10 }]));
    // Nothing blocks the activation any more.
    await eventually(async () => expect(await blocked.count()).toBe(0));
    expect(await page.getByRole('button', { name: 'Attiva', exact: true }).isEnabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Once active, with € 70.000,00 committed, the server refuses a plan below the commitments: on the amount, in plain Italian.
    const current = await must(t, tenant.editor, `query($id: ID!) { network(id: $id) { id version } }`, { id: network.id });
    await must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { id } }`, current);
    await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
      input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '70000.00', allocatedOn: '2021-04-01', kind: 'PROCESS' },
    });
    await page.reload();
    await networkPage.tab('Piano dei conti');
    await hasText(page.getByTestId('plan-committed'), '€ 70.000,00');
    await networkPage.planAmount(measure.placement, '20.000,00');
    await hasText(placement, 'Le assegnazioni impegnate (€ 70.000,00) superano il piano dei conti (€ 60.000,00).');
    expect((await lines()).map((line) => line.amount)).toEqual(['30000.00', '40000.00']);

    // Someone else saved a line meanwhile: the stale version is told in plain words, and nothing is overwritten.
    const processLine = async () => (await t.owner.query('SELECT id, version, planned_amount::text AS amount FROM network_account_lines WHERE network_id = $1 AND service_type_id = $2', [network.id, measure.process]))[0];
    const before = await processLine();
    // Any other amount would break the tier or the commitments, and saving the same one changes nothing: the other writer's save is made in SQL.
    await t.owner.query('UPDATE network_account_lines SET planned_amount = planned_amount WHERE id = $1', [before.id]);
    await networkPage.planAmount(measure.process, '39.000,00');
    await page.getByText('Qualcun altro ha modificato questo record nel frattempo.').waitFor();
    expect(await processLine()).toEqual({ ...before, version: before.version + 1 });
  });
}, BROWSER_TEST_TIMEOUT);
