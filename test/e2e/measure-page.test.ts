import { admin, newTenant } from '../helpers/app';
import { eventually } from '../helpers/browser';
import { addMember, createNetwork, createPartner, must, personTaxCode, referenceIds, uniqueCode } from '../helpers/factories';
import { MeasurePage } from './pages/measure.page';
import { BROWSER_TEST_TIMEOUT, useConsole, visible } from './support/console';

/** A measure's parameters in the console: every change goes through its dry run, and what it breaks is flagged once saved. */

const reti = useConsole();
const { t } = reti;

/** A measure of the test's own, MIN_PARTNERS and ONE_LEAD, with a minimum of 3, and an ACTIVE network of exactly 3 under it. */
async function measureWithActiveNetwork(codePrefix: string) {
  const ref = await referenceIds(t);
  const tenant = await newTenant(t);
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
    input: { code: uniqueCode(`E2E_${codePrefix}`), name: `Misura di prova ${uniqueCode('M')}`, rules: ['MIN_PARTNERS', 'ONE_LEAD'], minPartners: 3 },
  });
  const network = await createNetwork(t, tenant.editor, ref, { measureId: measure.id, code: uniqueCode(`RETE-${codePrefix}`).replace(/_/g, '-') });
  await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref)).id, 'LEAD');
  await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref, 'CPI')).id);
  await addMember(t, tenant.editor, network.id, (await createPartner(t, tenant.editor, ref, 'TRADE_UNION')).id);
  await must(t, tenant.editor, `mutation($id: ID!) { setNetworkStatus(id: $id, version: 1, status: ACTIVE) { id } }`, { id: network.id });
  return { tenant, measure: measure as { id: string }, network };
}

/** The measure's minimum and version as the database holds them. */
const stored = async (id: string) => (await t.owner.query('SELECT min_partners, version FROM measures WHERE id = $1', [id]))[0];

test('raising a minimum shows the ACTIVE networks it would break before saving; once saved they are flagged in the list and on the status bar', async () => {
  const { tenant, measure, network } = await measureWithActiveNetwork('MISURA');
  const { session } = await reti.openAs('ADMIN');

  await session.shot('rules-dry-run-and-flag', async () => {
    const measurePage = await new MeasurePage(session).edit(measure.id);
    await measurePage.setMinimum(4);

    const warning = measurePage.dryRunWarning;
    await warning.waitFor();
    await eventually(async () => {
      expect(await warning.innerText()).toContain(network.code);
      expect(await warning.innerText()).toContain('La rete ha 3 soggetti: ne servono almeno 4, capofila incluso.');
    });
    // Nothing is saved until the administrator confirms.
    expect((await stored(measure.id)).min_partners).toBe(3);
    await session.page.getByRole('button', { name: 'Salva comunque' }).click();
    await eventually(async () => expect((await stored(measure.id)).min_partners).toBe(4));
  });

  // The editor, in a browser of their own.
  const { session: editor, page } = await reti.openAs('EDITOR', { tenant });
  await editor.shot('rules-flag-seen-by-editor', async () => {
    await editor.goto('networks');
    const row = page.getByRole('row').filter({ hasText: network.code });
    await row.getByTestId('out-of-compliance-flag').waitFor();
    await row.click();
    const alert = page.getByTestId('out-of-compliance');
    await alert.waitFor();
    await eventually(async () => expect(await alert.innerText()).toContain('ne servono almeno 4'));
  });
}, BROWSER_TEST_TIMEOUT);

test('a parameter change goes through its preview every time; an unchanged form saves nothing', async () => {
  const { measure, network } = await measureWithActiveNetwork('PREV');
  const quiet = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
    input: { code: uniqueCode('E2E_QUIET'), name: `Misura senza reti ${uniqueCode('M')}`, rules: ['MIN_PARTNERS'], minPartners: 3 },
  });

  const { session } = await reti.openAs('ADMIN');
  await session.shot('finish-parameter-preview', async () => {
    const page = session.page;
    const measurePage = new MeasurePage(session);

    // An unchanged form: nothing saved, the version stays.
    await measurePage.edit(quiet.id);
    await measurePage.save();
    await visible(page.getByText('Nessuna modifica da salvare'));
    expect(await stored(quiet.id)).toEqual({ min_partners: 3, version: 1 });

    // A change that breaks no ACTIVE network still shows its preview, and waits for the confirmation.
    await measurePage.setMinimum(12);
    await visible(measurePage.dryRunClear);
    expect(await measurePage.dryRunClear.innerText()).toContain('Nessuna rete attiva interessata');
    expect(await stored(quiet.id)).toEqual({ min_partners: 3, version: 1 });
    await page.getByRole('button', { name: 'Conferma e salva' }).click();
    await eventually(async () => expect(await stored(quiet.id)).toEqual({ min_partners: 12, version: 2 }));

    // A change that breaks one lists it, by code and title, with the rule it would break.
    await measurePage.edit(measure.id);
    await measurePage.setMinimum(12);
    const warning = measurePage.dryRunWarning;
    await visible(warning);
    expect(await warning.innerText()).toContain(network.code);
    expect(await warning.innerText()).toContain('ne servono almeno 12');
    expect(await stored(measure.id)).toEqual({ min_partners: 3, version: 1 });
    await page.getByRole('button', { name: 'Annulla' }).click();
    expect(await stored(measure.id)).toEqual({ min_partners: 3, version: 1 });
  });
}, BROWSER_TEST_TIMEOUT);

test('an amount per aid band is a parameter like the others: typed the Italian way, previewed with the networks it would break, saved on confirmation', async () => {
  const t = reti.t;
  const ref = await referenceIds(t);
  const tenant = await newTenant(t);
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
    input: { code: uniqueCode('E2E_BAND'), name: `Misura con fasce ${uniqueCode('M')}`, rules: ['RESULT_BAND_AMOUNTS'] },
  });
  const placement = await must(t, admin, `mutation($input: CreateServiceTypeInput!) { createServiceType(input: $input) { id } }`, {
    input: { measureId: measure.id, code: 'INSERIMENTO', name: 'Inserimento', phase: 2, category: 'INTENSIVE_ASSISTANCE', payment: 'RESULT', resultKind: 'PLACEMENT' },
  });
  const network = await createNetwork(t, tenant.editor, ref, { measureId: measure.id, code: uniqueCode('RETE-BAND').replace(/_/g, '-') });
  const lead = await createPartner(t, tenant.editor, ref);
  await addMember(t, tenant.editor, network.id, lead.id, 'LEAD');
  const enrolment = await must(t, tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
    input: { networkId: network.id, taxCode: personTaxCode(), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand: 2 },
  });
  await must(t, tenant.editor, `mutation($input: CreateRecipientServiceInput!) { createRecipientService(input: $input) { id } }`, {
    input: { enrolmentId: enrolment.id, serviceTypeId: placement.id, partnerId: lead.id, serviceDate: '2021-09-01', hours: 0, amount: '1200.00' },
  });
  await must(t, tenant.editor, `mutation($id: ID!) { setNetworkStatus(id: $id, version: 1, status: ACTIVE) { id } }`, { id: network.id });
  const amounts = async () => (await t.owner.query('SELECT placement_amounts_by_band::text[] AS a FROM measures WHERE id = $1', [measure.id]))[0].a;

  const { session } = await reti.openAs('ADMIN');
  await session.shot('measure-band-amounts', async () => {
    const measurePage = await new MeasurePage(session).edit(measure.id);
    await visible(measurePage.bandAmount(4, 'autoimprenditorialità'));
    await measurePage.bandAmount(2, 'inserimento lavorativo').fill('1.000,00');
    await measurePage.save();
    const warning = measurePage.dryRunWarning;
    await visible(warning);
    expect(await warning.innerText()).toContain(network.code);
    expect(await warning.innerText()).toContain("i servizi di inserimento lavorativo (€ 1.200,00) superano l'importo della fascia di aiuto 2 (€ 1.000,00)");
    expect(await amounts()).toEqual([]);
    await session.page.getByRole('button', { name: 'Salva comunque' }).click();
    await eventually(async () => expect(await amounts()).toEqual([null, '1000.00']));
  });
}, BROWSER_TEST_TIMEOUT);
