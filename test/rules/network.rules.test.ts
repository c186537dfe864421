import { addMonths, evaluateRules as evaluate, MeasureParameters, NETWORK_RULES, NetworkSnapshot as CompositionSnapshot } from '../../server/src/modules/network/network.rules';
import { FUND_BUDGET, FundingSnapshot, PER_RECIPIENT_CAPS, TIER_CAP } from '../../server/src/modules/funding/funding.rule';
import { EXCLUSIVE_POLICY, RECIPIENT_ELIGIBILITY } from '../../server/src/modules/recipient/recipient.rule';
import { FUNDING_TIERS, MEASURES } from '../../server/src/seed/registry-reference';
import { RuleCode } from '../../server/src/modules/measure/measure.entity';

/** The measure's parameters exactly as loaded from the seeds. */
function seeded(code: string): MeasureParameters {
  const m = MEASURES.find((x) => x.code === code)!;
  return {
    rules: m.rules as RuleCode[],
    minPartners: m.min_partners,
    leadPartnerTypeCodes: m.lead_partner_type_codes,
    requiredPartnerTypeCodes: m.required_partner_type_codes,
    minCompanies: m.min_companies,
    maxCompanies: m.max_companies,
    eligibleRecipientKinds: m.eligible_recipient_kinds as MeasureParameters['eligibleRecipientKinds'],
    suspendedNeedRedundancies: m.suspended_need_redundancies,
    minRecipients: m.min_recipients,
    maxRecipients: m.max_recipients,
    maxDurationMonths: m.max_duration_months,
    processCapPerRecipient: m.process_cap_per_recipient,
    placementCapPerRecipient: m.placement_cap_per_recipient,
    selfEmploymentCapPerRecipient: m.self_employment_cap_per_recipient,
    tiers: FUNDING_TIERS.filter((t) => t.measure_code === code).map((t) => ({ minRecipients: t.min_recipients, maxRecipients: t.max_recipients, maxContribution: t.max_contribution })),
  };
}

const member = (partnerId: string, partnerTypeCode: string, role: 'LEAD' | 'PARTNER' = 'PARTNER', labourAccredited = partnerTypeCode === 'LABOUR_OPERATOR') =>
  ({ partnerId, role, partnerTypeCode, labourAccredited, joinedOn: null, leftOn: null as string | null });

let allocationSeq = 0;
/** A committed (or revoked) allocation from the AZIONI_RETE fund, dated within its availability. */
const allocation = (kind: 'PROCESS' | 'RESULT' | 'VOUCHER', amount: string, status: 'COMMITTED' | 'REVOKED' = 'COMMITTED') =>
  ({ id: `a${++allocationSeq}`, fundSourceId: 'f1', kind, amount, status, allocatedOn: '2021-04-01' });
const company = (id: string, atecoDivision: string | null, supplyChain: string | null, expectedRedundancies = 5) => ({ id, atecoDivision, supplyChain, expectedRedundancies });

/** What the network's own rules and those on its money and recipients look at. */
type NetworkSnapshot = CompositionSnapshot & FundingSnapshot & { overlappingEnrolments: string[] };
const evaluateRules = (snapshot: NetworkSnapshot, params: MeasureParameters) =>
  evaluate(snapshot, params, [...NETWORK_RULES, TIER_CAP, FUND_BUDGET, PER_RECIPIENT_CAPS, EXCLUSIVE_POLICY, RECIPIENT_ELIGIBILITY]);

function faseII(overrides: Partial<NetworkSnapshot> = {}): NetworkSnapshot {
  return {
    asOf: '2022-03-01',
    startDate: '2021-03-01',
    endDate: '2022-03-01',
    planned: { suspended: 12, unemployed: 8 },
    enrolled: { suspended: 0, unemployed: 0 },
    overlappingEnrolments: [],
    members: [member('lead', 'LABOUR_OPERATOR', 'LEAD'), member('p2', 'TRAINING_OPERATOR'), member('p3', 'TRADE_UNION')],
    partnerTypeNames: { CPI: "Centro per l'Impiego (CPI)", PROVINCE: 'Provincia / Città metropolitana' },
    companies: [company('c1', '25', 'Meccanica')],
    allocations: [allocation('PROCESS', '40000.00')],
    fundSources: [{ id: 'f1', name: 'Azioni di rete per il lavoro', budget: '5000000.00', committed: '40000.00', availableFrom: null, availableTo: null }],
    ...overrides,
  };
}

const rulesBroken = (snapshot: NetworkSnapshot, code = 'AZIONI_RETE_FASE_II') => evaluateRules(snapshot, seeded(code)).map((v) => v.rule);

test('a compliant Fase II network reports no violation', () => {
  expect(rulesBroken(faseII())).toEqual([]);
});

test('RECIPIENTS_RANGE: 10 and 100 recipients pass, 9 and 101 do not', () => {
  const allocations = [allocation('PROCESS', '10000.00')];
  expect(rulesBroken(faseII({ planned: { suspended: 10, unemployed: 0 }, allocations }))).toEqual([]);
  expect(rulesBroken(faseII({ planned: { suspended: 100, unemployed: 0 }, allocations }))).toEqual([]);
  expect(rulesBroken(faseII({ planned: { suspended: 9, unemployed: 0 }, allocations }))).toEqual(expect.arrayContaining(['RECIPIENTS_RANGE']));
  expect(rulesBroken(faseII({ planned: { suspended: 101, unemployed: 0 }, allocations }))).toEqual(expect.arrayContaining(['RECIPIENTS_RANGE']));
});

test.each([
  [20, '70000.00', '70000.01'],
  [21, '110000.00', '110000.01'],
  [30, '110000.00', '110000.01'],
  [31, '180000.00', '180000.01'],
  [50, '180000.00', '180000.01'],
  [51, '250000.00', '250000.01'],
])('TIER_CAP: %i recipients allow up to %s, not %s', (recipients, allowed, tooMuch) => {
  // Split between process and result services so the per-recipient caps stay out of the way.
  const at = (amount: string) => faseII({ planned: { suspended: recipients, unemployed: 0 }, allocations: [allocation('RESULT', amount)] });
  expect(rulesBroken(at(allowed))).not.toContain('TIER_CAP');
  expect(rulesBroken(at(tooMuch))).toContain('TIER_CAP');
});

test('TIER_CAP counts committed allocations only: a revoked one frees its amount', () => {
  const allocations = [allocation('RESULT', '60000.00'), allocation('RESULT', '20000.00', 'REVOKED')];
  expect(rulesBroken(faseII({ allocations }))).not.toContain('TIER_CAP');
});

test('DURATION: 12 months from the start pass, 12 months and 1 day do not', () => {
  expect(addMonths('2021-03-01', 12)).toBe('2022-03-01');
  expect(rulesBroken(faseII({ endDate: '2022-03-01' }))).not.toContain('DURATION');
  expect(rulesBroken(faseII({ endDate: '2022-03-02' }))).toContain('DURATION');
  expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
});

test('MAX_COMPANIES: 3 companies of one sector pass; 4, or companies of different sectors, do not', () => {
  expect(rulesBroken(faseII({ companies: [company('a', '25', null), company('b', '25', null), company('c', '25', null)] }))).not.toContain('MAX_COMPANIES');
  expect(rulesBroken(faseII({ companies: ['a', 'b', 'c', 'd'].map((id) => company(id, '25', null)) }))).toContain('MAX_COMPANIES');
  expect(rulesBroken(faseII({ companies: [company('a', '25', null), company('b', '47', null)] }))).toContain('MAX_COMPANIES');
  // Same supply chain across sectors is allowed ("stesso settore o filiera").
  expect(rulesBroken(faseII({ companies: [company('a', '25', 'Automotive'), company('b', '29', 'automotive')] }))).not.toContain('MAX_COMPANIES');
});

test('MIN_PARTNERS: 3 subjects pass, 2 do not; ONE_LEAD: exactly one lead', () => {
  const [lead, second] = faseII().members;
  expect(rulesBroken(faseII({ members: [lead, second] }))).toContain('MIN_PARTNERS');
  expect(rulesBroken(faseII())).not.toContain('MIN_PARTNERS');
  expect(rulesBroken(faseII({ members: [lead, { ...second, role: 'LEAD' }, member('p3', 'OTHER')] }))).toContain('ONE_LEAD');
  expect(rulesBroken(faseII({ members: [member('a', 'OTHER'), member('b', 'OTHER'), member('c', 'OTHER')] }))).toContain('ONE_LEAD');
});

test('LEAD_TYPE: a Fase II lead that is not an accredited labour operator is reported', () => {
  const others = faseII().members.slice(1);
  expect(rulesBroken(faseII({ members: [member('lead', 'TRAINING_OPERATOR', 'LEAD'), ...others] }))).toContain('LEAD_TYPE');
  expect(rulesBroken(faseII({ members: [member('lead', 'LABOUR_OPERATOR', 'LEAD', false), ...others] }))).toContain('LEAD_TYPE');
  expect(rulesBroken(faseII({ members: [member('lead', 'CPI', 'LEAD'), ...others] }))).toContain('LEAD_TYPE');
});

test('GOL P5: the lead may be a CPI; the network must include the Province and the CPI', () => {
  const gol = (members: NetworkSnapshot['members']) => rulesBroken(faseII({ members, companies: [], allocations: [], planned: { suspended: 20, unemployed: 0 } }), 'RETE_RICOLLOCAZIONE_GOL_P5');
  expect(gol([member('cpi', 'CPI', 'LEAD'), member('prov', 'PROVINCE'), member('op', 'LABOUR_OPERATOR')])).toEqual([]);
  expect(gol([member('cpi', 'CPI', 'LEAD'), member('u', 'TRADE_UNION'), member('op', 'LABOUR_OPERATOR')])).toEqual(['PROVINCE_AND_CPI']);
  expect(gol([member('op', 'LABOUR_OPERATOR', 'LEAD'), member('prov', 'PROVINCE'), member('u', 'TRADE_UNION')])).toEqual(['PROVINCE_AND_CPI']);
  // Rules of other measures do not apply to GOL P5: 4 companies of mixed sectors are fine here.
  expect(rulesBroken(faseII({ members: [member('cpi', 'CPI', 'LEAD'), member('prov', 'PROVINCE'), member('op', 'LABOUR_OPERATOR')], planned: { suspended: 5, unemployed: 0 } }), 'RETE_RICOLLOCAZIONE_GOL_P5')).toEqual([]);
});

test('PER_RECIPIENT_CAPS: process services at most € 2.000 per recipient, result services within € 3.860', () => {
  const process = (amount: string) => faseII({ planned: { suspended: 20, unemployed: 0 }, allocations: [allocation('PROCESS', amount)] });
  expect(rulesBroken(process('40000.00'))).not.toContain('PER_RECIPIENT_CAPS');
  expect(rulesBroken(process('40000.01'))).toContain('PER_RECIPIENT_CAPS');
  const violation = evaluateRules(process('40000.01'), seeded('AZIONI_RETE_FASE_II')).find((v) => v.rule === 'PER_RECIPIENT_CAPS')!;
  expect(violation.message).toContain('€ 2.000,00');
});

test('RECIPIENTS_RANGE compares the planned recipients with the actual enrolments, by kind', () => {
  const enrolled = (suspended: number, unemployed: number) => faseII({ enrolled: { suspended, unemployed } });
  expect(rulesBroken(enrolled(12, 8))).toEqual([]);
  expect(rulesBroken(enrolled(13, 0))).toEqual(['RECIPIENTS_RANGE']);
  expect(rulesBroken(enrolled(0, 9))).toEqual(['RECIPIENTS_RANGE']);
});

test('EXCLUSIVE_POLICY flags enrolments that overlap another exclusive measure, naming only our own enrolments', () => {
  const [violation] = evaluateRules(faseII({ overlappingEnrolments: ['e1'] }), seeded('AZIONI_RETE_FASE_II'));
  expect(violation).toMatchObject({ rule: 'EXCLUSIVE_POLICY', ids: ['e1'] });
  expect(violation.message).toBe('1 destinatario risulta iscritto, nelle stesse date, a un altro intervento di politica attiva finanziato con risorse pubbliche.');
  // AZIONI_RETE_LAVORO does not carry the rule (seed 002 does not state it).
  expect(rulesBroken(faseII({ overlappingEnrolments: ['e1'] }), 'AZIONI_RETE_LAVORO')).toEqual([]);
});
