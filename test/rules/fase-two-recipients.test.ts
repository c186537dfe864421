import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { countRows, createNetwork, must, personTaxCode, referenceIds, ReferenceIds, uniqueCode } from '../helpers/factories';
import { Principal } from '../../server/src/common/request';

/**
 * Issue 24, item 4: what Fase II (seed 000) and GOL P5 (seed 003) ask of each recipient and no rule
 * read before: the unemployed's previous contract and residence, and the measures outside the
 * registry a recipient declares taking part in.
 */

let t: TestApp;
let ref: ReferenceIds;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let rho: string;
beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  tenant = await newTenant(t);
  rho = ref.municipality('015182');
});
afterAll(() => t.close());

interface Violation { rule: string; message: string; messageEn: string; ids: string[]; field: string; from: string | null }
const RULES = ['SUBORDINATE_PREVIOUS_CONTRACT', 'RESIDENCE_IN_LOMBARDY', 'EXCLUSIVE_POLICY_OUTSIDE'];
const ENROL = `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id version outsidePolicies } }`;

/** An unemployed recipient who meets every requirement unless `extra` says otherwise. */
const eligible = (networkId: string, extra: Record<string, unknown> = {}) => ({
  networkId, taxCode: personTaxCode(), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', previousContract: 'SUBORDINATE', residenceMunicipalityId: rho, ...extra,
});
const enrol = (networkId: string, extra: Record<string, unknown> = {}, principal: Principal = tenant.editor) =>
  must(t, principal, ENROL, { input: eligible(networkId, extra) });

/** The violations of the three rules, with everything the report says of them. */
async function declarations(networkId: string): Promise<Violation[]> {
  const network = await must(t, tenant.editor, `query($id: ID!) { network(id: $id) { compliance { violations { rule message messageEn ids field from } } } }`, { id: networkId });
  return network.compliance.violations.filter((v: Violation) => RULES.includes(v.rule));
}

test('Fase II lists the three rules, the general measure the residence only, GOL P5 the outside measures only (seeds 000, 002, 003)', async () => {
  const rows: { code: string; rules: string[] }[] = await t.owner.query(`SELECT code, rules FROM measures WHERE code IN ('AZIONI_RETE_FASE_II', 'AZIONI_RETE_LAVORO', 'RETE_RICOLLOCAZIONE_GOL_P5', 'COPROGETTAZIONE_ART55') ORDER BY code`);
  const listed = Object.fromEntries(rows.map((r) => [r.code, r.rules.filter((rule) => RULES.includes(rule))]));
  expect(listed).toEqual({
    AZIONI_RETE_FASE_II: RULES,
    AZIONI_RETE_LAVORO: ['RESIDENCE_IN_LOMBARDY'],
    COPROGETTAZIONE_ART55: [],
    RETE_RICOLLOCAZIONE_GOL_P5: ['EXCLUSIVE_POLICY_OUTSIDE'],
  });
  expect(await t.owner.query(`SELECT code, owner FROM rule_codes WHERE code = ANY ($1) ORDER BY code`, [RULES])).toEqual(
    [...RULES].sort().map((code) => ({ code, owner: 'recipient' })),
  );
});

test("a Fase II unemployed recipient is flagged unless their previous employment was subordinate; a suspended worker's is not read", async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  await enrol(network.id);
  await enrol(network.id, { kind: 'SUSPENDED', previousContract: 'OTHER' });
  expect(await declarations(network.id)).toEqual([]);

  const other = await enrol(network.id, { previousContract: 'OTHER' });
  const missing = await enrol(network.id, { previousContract: null });
  const missingToo = await enrol(network.id, { previousContract: null });
  expect(await declarations(network.id)).toEqual([
    {
      rule: 'SUBORDINATE_PREVIOUS_CONTRACT',
      message: "1 destinatario disoccupato non proviene da un rapporto di lavoro subordinato: l'avviso ammette solo disoccupati cessati da un rapporto di lavoro di tipo subordinato.",
      messageEn: '1 unemployed recipient does not come from subordinate employment: the call admits only unemployed people whose subordinate employment ended.',
      ids: [other.id],
      field: 'recipientEnrolments',
      from: null,
    },
    {
      rule: 'SUBORDINATE_PREVIOUS_CONTRACT',
      message: "2 destinatari disoccupati non indicano il rapporto di lavoro di provenienza: l'avviso ammette solo disoccupati cessati da un rapporto di lavoro di tipo subordinato.",
      messageEn: '2 unemployed recipients have no previous employment recorded: the call admits only unemployed people whose subordinate employment ended.',
      ids: expect.arrayContaining([missing.id, missingToo.id]),
      field: 'recipientEnrolments',
      from: null,
    },
  ]);
});

test('a Fase II unemployed recipient with no municipality of residence or domicile is flagged; a suspended worker needs none', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  await enrol(network.id);
  await enrol(network.id, { kind: 'SUSPENDED', residenceMunicipalityId: null });
  expect(await declarations(network.id)).toEqual([]);

  const homeless = await enrol(network.id, { residenceMunicipalityId: null });
  expect(await declarations(network.id)).toEqual([
    {
      rule: 'RESIDENCE_IN_LOMBARDY',
      message: "1 destinatario disoccupato non indica il comune di residenza o di domicilio: l'avviso ammette solo disoccupati residenti o domiciliati in Regione Lombardia.",
      messageEn: '1 unemployed recipient has no municipality of residence or domicile recorded: the call admits only unemployed people resident or domiciled in Lombardy.',
      ids: [homeless.id],
      field: 'recipientEnrolments',
      from: null,
    },
  ]);
  // The municipalities the registry knows are Lombardy's: naming one is what clears the flag.
  await must(t, tenant.editor, `mutation($id: ID!, $v: Int!, $m: ID!) { updateRecipientEnrolment(id: $id, version: $v, input: { residenceMunicipalityId: $m }) { id } }`, { id: homeless.id, v: homeless.version, m: rho });
  expect(await declarations(network.id)).toEqual([]);
});

test('a recipient who declares Dote Unica Lavoro or Garanzia Giovani at enrolment is flagged, in Fase II and GOL P5 alike', async () => {
  const faseII = await createNetwork(t, tenant.editor, ref);
  const gol = await createNetwork(t, tenant.editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-01-16', endDate: '2023-12-31', plannedUnemployed: 0 });
  const none = await enrol(faseII.id);
  expect(none.outsidePolicies).toEqual([]);
  expect(await declarations(faseII.id)).toEqual([]);

  const dul = await enrol(faseII.id, { outsidePolicies: ['DOTE_UNICA_LAVORO', 'DOTE_UNICA_LAVORO'] });
  expect(dul.outsidePolicies).toEqual(['DOTE_UNICA_LAVORO']);
  const both = await enrol(faseII.id, { outsidePolicies: ['GARANZIA_GIOVANI', 'DOTE_UNICA_LAVORO'] });
  expect(await declarations(faseII.id)).toEqual([
    {
      rule: 'EXCLUSIVE_POLICY_OUTSIDE',
      message: '2 destinatari dichiarano di partecipare a un altro intervento di politica attiva finanziato con risorse pubbliche (Dote Unica Lavoro, Programma Garanzia Giovani): non possono partecipare contemporaneamente alla rete.',
      messageEn: '2 recipients declare taking part in another publicly funded active-labour-policy intervention (Dote Unica Lavoro, Garanzia Giovani (Youth Guarantee)) and may not take part in the network at the same time.',
      ids: [dul.id, both.id],
      field: 'recipientEnrolments',
      from: null,
    },
  ]);

  const suspended = await must(t, tenant.editor, ENROL, {
    input: { networkId: gol.id, taxCode: personTaxCode(), kind: 'SUSPENDED', enrolledOn: '2023-02-01', outsidePolicies: ['OTHER_PUBLIC_POLICY'] },
  });
  expect(await declarations(gol.id)).toEqual([
    expect.objectContaining({
      rule: 'EXCLUSIVE_POLICY_OUTSIDE',
      message: '1 destinatario dichiara di partecipare a un altro intervento di politica attiva finanziato con risorse pubbliche (Altro intervento di politica attiva finanziato con risorse pubbliche): non può partecipare contemporaneamente alla rete.',
      ids: [suspended.id],
    }),
  ]);
  // Only the declared values of the list are kept.
  const wrong = await t.gql(tenant.editor, ENROL, { input: eligible(faseII.id, { outsidePolicies: ['REDDITO_DI_CITTADINANZA'] }) });
  expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const cleared = await t.gql(tenant.editor, `mutation($id: ID!, $v: Int!) { updateRecipientEnrolment(id: $id, version: $v, input: { outsidePolicies: null }) { id } }`, { id: dul.id, v: dul.version });
  expect(cleared.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outsidePolicies', messageEn: expect.any(String) });
});

test('on an ACTIVE network each rule refuses the enrolment that breaks it, in both languages, and leaves nothing behind', async () => {
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
    input: { code: uniqueCode('M'), name: 'Misura con i requisiti dei destinatari della Fase II', rules: RULES },
  });
  const network = await createNetwork(t, tenant.editor, ref, { measureId: measure.id });
  await enrol(network.id);
  await must(t, tenant.editor, `mutation($id: ID!) { setNetworkStatus(id: $id, version: 1, status: ACTIVE) { status } }`, { id: network.id });

  for (const [rule, breaking] of [
    ['SUBORDINATE_PREVIOUS_CONTRACT', { previousContract: 'OTHER' }],
    ['SUBORDINATE_PREVIOUS_CONTRACT', { previousContract: null }],
    ['RESIDENCE_IN_LOMBARDY', { residenceMunicipalityId: null }],
    ['EXCLUSIVE_POLICY_OUTSIDE', { outsidePolicies: ['GARANZIA_GIOVANI'] }],
  ] as const) {
    const refused = await t.gql(tenant.editor, ENROL, { input: eligible(network.id, breaking) });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      violations: [expect.objectContaining({ rule, message: expect.stringMatching(/^1 destinatario /), messageEn: expect.stringMatching(/^1 (unemployed )?recipient /) })],
    });
  }
  expect(await countRows(t, 'recipient_enrolments', 'network_id = $1', [network.id])).toBe(1);
  // Meeting every requirement, a recipient still gets in.
  await enrol(network.id);
  expect(await countRows(t, 'recipient_enrolments', 'network_id = $1', [network.id])).toBe(2);
});

test('an ACTIVE network that already breaks a rule after a parameter change still refuses another recipient who breaks it, and admits one who does not', async () => {
  const measure = await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id version } }`, {
    input: { code: uniqueCode('M'), name: 'Misura a cui si aggiunge una regola', rules: [] },
  });
  const network = await createNetwork(t, tenant.editor, ref, { measureId: measure.id });
  const first = await enrol(network.id, { outsidePolicies: ['DOTE_UNICA_LAVORO'] });
  await must(t, tenant.editor, `mutation($id: ID!) { setNetworkStatus(id: $id, version: 1, status: ACTIVE) { status } }`, { id: network.id });
  await must(t, admin, `mutation($id: ID!, $v: Int!) { updateMeasure(id: $id, version: $v, input: { rules: [EXCLUSIVE_POLICY_OUTSIDE] }) { id } }`, { id: measure.id, v: measure.version });
  expect((await declarations(network.id)).map((v) => v.ids)).toEqual([[first.id]]);

  const refused = await t.gql(tenant.editor, ENROL, { input: eligible(network.id, { outsidePolicies: ['GARANZIA_GIOVANI'] }) });
  expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', violations: [expect.objectContaining({ rule: 'EXCLUSIVE_POLICY_OUTSIDE' })] });
  expect(await countRows(t, 'recipient_enrolments', 'network_id = $1', [network.id])).toBe(1);
  await enrol(network.id);
  expect(await countRows(t, 'recipient_enrolments', 'network_id = $1', [network.id])).toBe(2);
});
