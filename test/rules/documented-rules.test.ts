import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { addMember, createCrisisCompany, createNetwork, createPartner, expectError, must, orgTaxCode, referenceIds, ReferenceIds, uniqueCode } from '../helpers/factories';
import { Principal } from '../../server/src/common/request';
import { personCheckCharacter } from '../../server/src/common/tax-code';

/** Issue 10: the measures' rules as the seed documents state them, on every path that can break them. */

let t: TestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startTestApp(10);
  ref = await referenceIds(t);
});
afterAll(() => t.close());

interface Violation { rule: string; message: string; messageEn: string; ids: string[]; field: string; from: string | null }
const VIOLATION = 'rule message messageEn ids field from';

async function report(principal: Principal, id: string) {
  return (await must(t, principal, `query($id: ID!) { network(id: $id) { version status outOfCompliance violationCount
    compliance { ok violations { ${VIOLATION} } upcoming { ${VIOLATION} } }
    allowedTransitions { status allowed blockedBy { rule } } } }`, { id })) as {
    version: number; status: string; outOfCompliance: boolean; violationCount: number;
    compliance: { ok: boolean; violations: Violation[]; upcoming: Violation[] };
    allowedTransitions: { status: string; allowed: boolean; blockedBy: { rule: string }[] }[];
  };
}
const rules = async (principal: Principal, id: string) => (await report(principal, id)).compliance.violations.map((v) => v.rule);

const linkCompany = (principal: Principal, networkId: string, crisisCompanyId: string) =>
  must(t, principal, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, { input: { networkId, crisisCompanyId } });
const allocate = (principal: Principal, networkId: string, fundSourceId: string, allocatedOn: string, amount = '1000.00') =>
  t.gql(principal, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, { input: { networkId, fundSourceId, amount, allocatedOn, kind: 'PROCESS' } });
const activate = (principal: Principal, id: string, version: number) =>
  must(t, principal, `mutation($id: ID!, $v: Int!) { setNetworkStatus(id: $id, version: $v, status: ACTIVE) { version } }`, { id, v: version });

/** A compliant Fase II network, made ACTIVE: an accredited lead, two partners, one company in crisis. */
async function activeFaseII(principal: Principal, extra: Record<string, unknown> = {}) {
  const network = await createNetwork(t, principal, ref, extra);
  const lead = await createPartner(t, principal, ref, 'LABOUR_OPERATOR');
  await addMember(t, principal, network.id, lead.id, 'LEAD');
  await addMember(t, principal, network.id, (await createPartner(t, principal, ref, 'TRAINING_OPERATOR')).id);
  await addMember(t, principal, network.id, (await createPartner(t, principal, ref, 'TRADE_UNION')).id);
  const company = await createCrisisCompany(t, principal, ref, { supplyChain: 'Meccanica' });
  await linkCompany(principal, network.id, company.id);
  await activate(principal, network.id, network.version);
  return { network, lead, company };
}

/** A measure of this test alone, so changing it disturbs no other test. */
const createMeasure = (input: Record<string, unknown>) =>
  must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id version } }`, { input: { code: uniqueCode('MISURA'), name: 'Misura di prova', ...input } });

describe('1. writes that reach an ACTIVE network by another path are checked', () => {
  test('un-accrediting the lead partner is refused, and the partner stays accredited', async () => {
    const { editor } = await newTenant(t);
    const { lead } = await activeFaseII(editor);
    const result = await t.gql(editor, `mutation($id: ID!, $v: Int!) { updatePartner(id: $id, version: $v, input: { labourAccredited: false }) { id } }`, { id: lead.id, v: lead.version });
    expectError(result, 'RULE_VIOLATION');
    expect(result.errors![0].extensions!.violations.map((v: Violation) => v.rule)).toEqual(['LEAD_TYPE']);
    const [row] = await t.owner.query('SELECT labour_accredited FROM partners WHERE id = $1', [lead.id]);
    expect(row.labour_accredited).toBe(true);
    // A change no rule looks at still goes through.
    await must(t, editor, `mutation($id: ID!, $v: Int!) { updatePartner(id: $id, version: $v, input: { phone: "02 1234567" }) { id } }`, { id: lead.id, v: lead.version });
  });

  test('moving a linked company in crisis to another supply chain is refused', async () => {
    const { editor } = await newTenant(t);
    const { network } = await activeFaseII(editor);
    const second = await createCrisisCompany(t, editor, ref, { supplyChain: 'Meccanica' });
    await linkCompany(editor, network.id, second.id);
    const result = await t.gql(editor, `mutation($id: ID!, $v: Int!) { updateCrisisCompany(id: $id, version: $v, input: { supplyChain: "Tessile" }) { id } }`, { id: second.id, v: second.version });
    expectError(result, 'RULE_VIOLATION');
    expect(result.errors![0].extensions!.violations.map((v: Violation) => v.rule)).toEqual(['MAX_COMPANIES']);
  });

  test("an administrator renaming a partner type's code or narrowing a fund's dates is refused when an ACTIVE network depends on it", async () => {
    const typeCode = uniqueCode('TIPO');
    const type = await must(t, admin, `mutation($input: CreatePartnerTypeInput!) { createPartnerType(input: $input) { id version } }`, { input: { code: typeCode, name: 'Tipologia di prova' } });
    const measure = await createMeasure({ rules: ['ONE_LEAD', 'PROVINCE_AND_CPI', 'FUND_BUDGET'], requiredPartnerTypeCodes: [typeCode] });
    const source = await must(t, admin, `mutation($input: CreateFundSourceInput!) { createFundSource(input: $input) { id version } }`, {
      input: { code: uniqueCode('FONTE'), name: 'Fonte di prova', budget: '100000.00', availableFrom: '2021-01-01', availableTo: '2022-12-31' },
    });
    const { editor } = await newTenant(t);
    const network = await createNetwork(t, editor, ref, { measureId: measure.id });
    await addMember(t, editor, network.id, (await createPartner(t, editor, ref)).id, 'LEAD');
    await addMember(t, editor, network.id, (await createPartner(t, editor, ref, 'OTHER', { partnerTypeId: type.id })).id);
    expect((await allocate(editor, network.id, source.id, '2021-06-01')).errors).toBeUndefined();
    await activate(editor, network.id, network.version);

    expectError(await t.gql(admin, `mutation($id: ID!, $v: Int!, $code: String!) { updatePartnerType(id: $id, version: $v, input: { code: $code }) { id } }`, { id: type.id, v: type.version, code: uniqueCode('ALTRO') }), 'RULE_VIOLATION');
    expectError(await t.gql(admin, `mutation($id: ID!, $v: Int!) { updateFundSource(id: $id, version: $v, input: { availableTo: "2021-05-31" }) { id } }`, { id: source.id, v: source.version }), 'RULE_VIOLATION');
    expect((await report(editor, network.id)).compliance.ok).toBe(true);
  });
});

test('2. an allocation dated outside its fund source availability is refused (GOL PNRR 2022: through 2023)', async () => {
  const { editor } = await newTenant(t);
  const network = await createNetwork(t, editor, ref, { measureId: ref.measure('COPROGETTAZIONE_ART55'), startDate: '2021-01-01', endDate: '2024-12-31' });
  const gol = ref.fundSource('GOL_PNRR_2022');
  for (const day of ['2024-03-01', '2021-05-01']) {
    const result = await allocate(editor, network.id, gol, day, '10.00');
    expectError(result, 'RULE_VIOLATION');
    expect(result.errors![0].extensions!.violations[0]).toMatchObject({ rule: 'FUND_BUDGET', field: 'allocations' });
    expect(result.errors![0].extensions!.violations[0].message).toContain('dal 01/01/2022 al 31/12/2023');
  }
  expect((await allocate(editor, network.id, gol, '2023-12-31', '10.00')).errors).toBeUndefined();
});

test('3. exclusivity spans every measure, unless an administrator marks the two compatible', async () => {
  const a = await newTenant(t);
  const b = await newTenant(t);
  const person = (first15: string) => first15 + personCheckCharacter(first15);
  const enrol = (principal: Principal, networkId: string, enrolledOn: string, taxCode: string) =>
    must(t, principal, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, { input: { networkId, taxCode, kind: 'SUSPENDED', enrolledOn } });

  const faseII = await createNetwork(t, a.editor, ref);
  const lavoro = await createNetwork(t, b.editor, ref, { measureId: ref.measure('AZIONI_RETE_LAVORO'), code: `LAV-${orgTaxCode()}` });
  await enrol(a.editor, faseII.id, '2021-04-01', person('BNCLRA90A41F205'));
  await enrol(b.editor, lavoro.id, '2021-05-01', person('BNCLRA90A41F205'));
  expect(await rules(a.editor, faseII.id)).toContain('EXCLUSIVE_POLICY');

  const exclusive = await createMeasure({ rules: ['EXCLUSIVE_POLICY'] });
  const other = await createMeasure({ rules: [] });
  const mine = await createNetwork(t, a.editor, ref, { measureId: exclusive.id });
  const theirs = await createNetwork(t, b.editor, ref, { measureId: other.id, code: `ALT-${orgTaxCode()}` });
  await enrol(a.editor, mine.id, '2021-04-01', person('NREGNN75C12H501'));
  await enrol(b.editor, theirs.id, '2021-04-15', person('NREGNN75C12H501'));
  expect(await rules(a.editor, mine.id)).toEqual(['EXCLUSIVE_POLICY']);
  await must(t, admin, `mutation($input: CreateMeasureCompatibilityInput!) { createMeasureCompatibility(input: $input) { id } }`, { input: { measureId: other.id, compatibleMeasureId: exclusive.id } });
  expect(await rules(a.editor, mine.id)).toEqual([]);
});

test('4. a member counts while their membership lasts; a planned departure is reported with its date', async () => {
  const { editor } = await newTenant(t);
  const member = (networkId: string, partnerId: string, role: string, leftOn: string | null) =>
    must(t, editor, `mutation($input: CreateNetworkMemberInput!) { createNetworkMember(input: $input) { id } }`, { input: { networkId, partnerId, role, leftOn } });
  const roster = async (network: { id: string }, leftOn: string) => {
    await member(network.id, (await createPartner(t, editor, ref)).id, 'LEAD', null);
    await member(network.id, (await createPartner(t, editor, ref, 'TRADE_UNION')).id, 'PARTNER', null);
    await member(network.id, (await createPartner(t, editor, ref, 'TRAINING_OPERATOR')).id, 'PARTNER', leftOn);
  };
  const ended = await createNetwork(t, editor, ref);
  await roster(ended, '2022-02-28');
  expect(await rules(editor, ended.id)).not.toContain('MIN_PARTNERS');

  const future = await createNetwork(t, editor, ref, { startDate: '2030-01-01', endDate: '2030-12-31' });
  await roster(future, '2030-06-30');
  const { compliance } = await report(editor, future.id);
  expect(compliance.violations.map((v) => v.rule)).not.toContain('MIN_PARTNERS');
  expect(compliance.upcoming).toEqual([expect.objectContaining({ rule: 'MIN_PARTNERS', from: '2030-07-01', field: 'members' })]);
  expect(compliance.upcoming[0].message).toBe('Dal 01/07/2030 la rete avrà 2 soggetti: ne servono almeno 3, capofila incluso.');
});

test('5. LEAD_TYPE follows the accreditation for labour services, whatever the type; GOL P5 also allows a CPI', async () => {
  const { editor } = await newTenant(t);
  const faseII = await createNetwork(t, editor, ref);
  await addMember(t, editor, faseII.id, (await createPartner(t, editor, ref, 'TRAINING_OPERATOR', { labourAccredited: true })).id, 'LEAD');
  expect(await rules(editor, faseII.id)).not.toContain('LEAD_TYPE');

  const unaccredited = await createNetwork(t, editor, ref);
  await addMember(t, editor, unaccredited.id, (await createPartner(t, editor, ref, 'LABOUR_OPERATOR', { labourAccredited: false })).id, 'LEAD');
  expect(await rules(editor, unaccredited.id)).toContain('LEAD_TYPE');

  const gol = await createNetwork(t, editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), plannedUnemployed: 0 });
  await addMember(t, editor, gol.id, (await createPartner(t, editor, ref, 'CPI')).id, 'LEAD');
  expect(await rules(editor, gol.id)).not.toContain('LEAD_TYPE');
});

test('6. a Fase II or Azioni di rete network needs at least one company in crisis', async () => {
  const { editor } = await newTenant(t);
  for (const code of ['AZIONI_RETE_FASE_II', 'AZIONI_RETE_LAVORO']) {
    const network = await createNetwork(t, editor, ref, { measureId: ref.measure(code), plannedSuspended: 0 });
    const violation = (await report(editor, network.id)).compliance.violations.find((v) => v.rule === 'MAX_COMPANIES');
    expect(violation).toMatchObject({ field: 'companies', message: "La rete deve servire almeno un'azienda in crisi: non ne ha collegate." });
  }
});

test('7. GOL P5 sets no project duration (Allegato 1)', async () => {
  const measure = await must(t, admin, `query($id: ID!) { measure(id: $id) { rules maxDurationMonths } }`, { id: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5') });
  expect(measure.maxDurationMonths).toBeNull();
  expect(measure.rules).not.toContain('DURATION');
  const { editor } = await newTenant(t);
  const network = await createNetwork(t, editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-01-01', endDate: '2024-06-30', plannedUnemployed: 0 });
  expect(await rules(editor, network.id)).not.toContain('DURATION');
});

describe("8. recipients' eligibility", () => {
  test('GOL P5 is for suspended workers: planning unemployed recipients is flagged', async () => {
    const { editor } = await newTenant(t);
    const network = await createNetwork(t, editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), plannedSuspended: 10, plannedUnemployed: 5 });
    const violation = (await report(editor, network.id)).compliance.violations.find((v) => v.rule === 'RECIPIENT_ELIGIBILITY');
    expect(violation).toMatchObject({ field: 'plannedUnemployed', message: 'La misura non ammette disoccupati: previsti 5, iscritti 0.' });
  });

  test('Fase II admits suspended workers only where a linked company expects redundancies', async () => {
    const { editor } = await newTenant(t);
    const network = await createNetwork(t, editor, ref);
    await linkCompany(editor, network.id, (await createCrisisCompany(t, editor, ref, { expectedRedundancies: 0 })).id);
    expect(await rules(editor, network.id)).toContain('RECIPIENT_ELIGIBILITY');
    await linkCompany(editor, network.id, (await createCrisisCompany(t, editor, ref, { expectedRedundancies: 12 })).id);
    expect(await rules(editor, network.id)).not.toContain('RECIPIENT_ELIGIBILITY');
  });

  test("a company in crisis outside Lombardy is refused, even where an administrator added the territory", async () => {
    let [province] = await t.owner.query(`SELECT id FROM provinces WHERE istat_code = '033'`);
    province ??= await must(t, admin, `mutation { createProvince(input: { istatCode: "033", name: "Piacenza", plate: "PC", kind: PROVINCE }) { id } }`);
    let [municipality] = await t.owner.query(`SELECT id FROM municipalities WHERE istat_code = '033032'`);
    municipality ??= await must(t, admin, `mutation($p: ID!) { createMunicipality(input: { istatCode: "033032", name: "Piacenza", provinceId: $p }) { id } }`, { p: province.id });
    const { editor } = await newTenant(t);
    const result = await t.gql(editor, `mutation($input: CreateCrisisCompanyInput!) { createCrisisCompany(input: $input) { id } }`, {
      input: { name: 'Azienda emiliana', taxCode: orgTaxCode(), municipalityId: municipality.id, crisisInstrument: 'CIGS' },
    });
    expectError(result, 'BAD_USER_INPUT', 'municipalityId');
    const csv = `denominazione;codice_fiscale;comune_istat;strumento\nAzienda emiliana;${orgTaxCode()};033032;CIGS\nAzienda lombarda;${orgTaxCode()};015182;CIGS\n`;
    const imported = await must(t, editor, `mutation($csv: String!) { importCsv(kind: CRISIS_COMPANIES, csv: $csv, dryRun: true) { valid errors { line field code } } }`, { csv });
    expect(imported).toEqual({ valid: 1, errors: [{ line: 2, field: 'municipalityId', code: 'lombardy' }] });
  });
});

test("9. a parameter change has a dry run naming the ACTIVE networks it breaks; once saved, they are flagged", async () => {
  const measure = await createMeasure({ rules: ['MIN_PARTNERS', 'ONE_LEAD', 'TIER_CAP'], minPartners: 3 });
  const tier = await must(t, admin, `mutation($input: CreateFundingTierInput!) { createFundingTier(input: $input) { id version } }`, { input: { measureId: measure.id, minRecipients: 1, maxRecipients: 100, maxContribution: '5000.00' } });
  const { editor } = await newTenant(t);
  const network = await createNetwork(t, editor, ref, { measureId: measure.id });
  const lead = await createPartner(t, editor, ref);
  await addMember(t, editor, network.id, lead.id, 'LEAD');
  await addMember(t, editor, network.id, (await createPartner(t, editor, ref, 'CPI')).id);
  await addMember(t, editor, network.id, (await createPartner(t, editor, ref, 'TRADE_UNION')).id);
  expect((await allocate(editor, network.id, ref.fundSource('AZIONI_RETE'), '2021-04-01', '4000.00')).errors).toBeUndefined();
  await activate(editor, network.id, network.version);

  const preview = await must(t, admin, `mutation($id: ID!, $v: Int!) { previewUpdateMeasure(id: $id, version: $v, input: { minPartners: 4 }) { networkId code violations { rule field } } }`, { id: measure.id, v: measure.version });
  expect(preview).toEqual([{ networkId: network.id, code: network.code, violations: [{ rule: 'MIN_PARTNERS', field: 'members' }] }]);
  const tierPreview = await must(t, admin, `mutation($id: ID!, $v: Int!) { previewUpdateFundingTier(id: $id, version: $v, input: { maxContribution: "3000.00" }) { networkId violations { rule } } }`, { id: tier.id, v: tier.version });
  expect(tierPreview).toEqual([{ networkId: network.id, violations: [{ rule: 'TIER_CAP' }] }]);
  // Nothing was saved by the dry runs.
  expect((await report(editor, network.id)).outOfCompliance).toBe(false);

  await must(t, admin, `mutation($id: ID!, $v: Int!) { updateMeasure(id: $id, version: $v, input: { minPartners: 4 }) { id } }`, { id: measure.id, v: measure.version });
  const after = await report(editor, network.id);
  expect(after).toMatchObject({ status: 'ACTIVE', outOfCompliance: true, violationCount: 1 });
  const listed = await must(t, editor, `query { networks(filter: { statuses: [ACTIVE] }) { items { id outOfCompliance } } }`);
  expect(listed.items).toEqual([{ id: network.id, outOfCompliance: true }]);
  // A rule already broken does not block changes that break nothing new.
  await must(t, editor, `mutation($id: ID!, $v: Int!) { updateNetwork(id: $id, version: $v, input: { title: "Titolo nuovo" }) { id } }`, { id: network.id, v: after.version });
});

test('10. messages in plain Italian and English: labels, dd/mm/yyyy, € 1.234,56, plurals, and the field concerned', async () => {
  const { editor } = await newTenant(t);
  const gol = await createNetwork(t, editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), plannedUnemployed: 0 });
  await addMember(t, editor, gol.id, (await createPartner(t, editor, ref, 'TRADE_UNION')).id, 'LEAD');
  const golViolations = (await report(editor, gol.id)).compliance.violations;
  expect(golViolations).toEqual(expect.arrayContaining([
    expect.objectContaining({ rule: 'MIN_PARTNERS', field: 'members', message: 'La rete ha 1 soggetto: ne servono almeno 3, capofila incluso.', messageEn: 'The network has 1 member; at least 3 are required, lead included.' }),
    expect.objectContaining({ rule: 'LEAD_TYPE', message: "Il capofila deve essere un operatore accreditato ai servizi al lavoro o un soggetto di tipo «Centro per l'Impiego (CPI)»." }),
    expect.objectContaining({ rule: 'PROVINCE_AND_CPI', message: 'Nella rete manca un soggetto di tipo «Provincia / Città metropolitana».' }),
  ]));

  const faseII = await createNetwork(t, editor, ref, { endDate: '2022-03-02', plannedSuspended: 20, plannedUnemployed: 0 });
  const { violations } = (await report(editor, faseII.id)).compliance;
  expect(violations.find((v) => v.rule === 'DURATION')).toMatchObject({
    field: 'endDate',
    message: "Il progetto può durare al massimo 12 mesi dall'avvio: deve finire entro il 01/03/2022.",
    messageEn: 'The project may last at most 12 months from its start: it must end by 01/03/2022.',
  });
  const refused = await t.gql(editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId: faseII.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '70000.01', allocatedOn: '2021-04-01', kind: 'RESULT' },
  });
  expect(refused.errors![0].extensions!.violations).toEqual([
    expect.objectContaining({
      rule: 'TIER_CAP',
      field: 'allocations',
      message: 'Le assegnazioni impegnate (€ 70.000,01) superano il massimo della fascia da 10 a 20 destinatari (€ 70.000,00).',
      messageEn: 'Committed allocations (€70,000.01) exceed the maximum of the 10–20 recipients tier (€70,000.00).',
    }),
  ]);
});

test('allowedTransitions: the console reads the workflow and what blocks activation from the API', async () => {
  const { editor } = await newTenant(t);
  const network = await createNetwork(t, editor, ref);
  const { allowedTransitions } = await report(editor, network.id);
  expect(allowedTransitions.map((x) => [x.status, x.allowed])).toEqual([['ACTIVE', false], ['WITHDRAWN', true]]);
  expect(allowedTransitions[0].blockedBy.map((v) => v.rule)).toEqual(expect.arrayContaining(['MIN_PARTNERS', 'ONE_LEAD', 'MAX_COMPANIES']));
});
