import { formatItalianDate, nextDay } from '../../common/dates';
import { formatEuro, formatEuroEn, fromCents, sumCents, toCents } from '../../common/money';
import { RuleCode } from '../measure/measure.entity';
import { NetworkStatus } from './network.entity';
import { defineNetworkRule, RuleFinding, RuleParameters, RuleViolation, violationOf } from './rule-registry';
import { networkSnapshot } from './network.snapshot';

type RecipientKind = 'SUSPENDED' | 'UNEMPLOYED';

/**
 * Everything the network's own rules look at, loaded once per network (network.snapshot.ts). The
 * rules themselves touch no database; rules of other modules load what they need themselves.
 */
export interface NetworkSnapshot {
  /** The day the composition is judged on: today, brought within the network's dates. */
  asOf: string;
  startDate: string;
  endDate: string;
  planned: { suspended: number; unemployed: number };
  enrolled: { suspended: number; unemployed: number };
  /** This network's enrolments that overlap an enrolment of the same person in an incompatible measure. */
  overlappingEnrolments: string[];
  members: { partnerId: string; role: 'LEAD' | 'PARTNER'; partnerTypeCode: string; labourAccredited: boolean; joinedOn: string | null; leftOn: string | null }[];
  /** Partner types' names by code, for the messages. */
  partnerTypeNames: Record<string, string>;
  companies: { id: string; atecoDivision: string | null; supplyChain: string | null; expectedRedundancies: number; parentTaxCode?: string | null }[];
  allocations: { id: string; fundSourceId: string; kind: 'PROCESS' | 'RESULT' | 'VOUCHER'; amount: string; status: 'COMMITTED' | 'REVOKED'; allocatedOn: string }[];
  /** Fund sources this network draws on, with budget, availability and what all tenants together committed. */
  fundSources: { id: string; name: string; budget: string; committed: string; availableFrom: string | null; availableTo: string | null }[];
}

/** The measure's rule parameters, editable by administrators. */
export interface MeasureParameters {
  rules: RuleCode[];
  minPartners: number | null;
  /** Partner types that may lead besides operators accredited for labour services. */
  leadPartnerTypeCodes: string[];
  requiredPartnerTypeCodes: string[];
  minCompanies: number | null;
  maxCompanies: number | null;
  minRecipients: number | null;
  maxRecipients: number | null;
  /** Kinds of recipient the measure admits; empty admits both. */
  eligibleRecipientKinds: RecipientKind[];
  /** Suspended workers only where a linked company expects redundancies (seed 000). */
  suspendedNeedRedundancies: boolean;
  maxDurationMonths: number | null;
  processCapPerRecipient: string | null;
  placementCapPerRecipient: string | null;
  selfEmploymentCapPerRecipient: string | null;
  tiers: { minRecipients: number; maxRecipients: number; maxContribution: string }[];
}

export type { RuleViolation } from './rule-registry';

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function tierFor(params: Pick<MeasureParameters, 'tiers'>, recipients: number) {
  return params.tiers.find((t) => recipients >= t.minRecipients && recipients <= t.maxRecipients);
}

/** Today within the network's dates: a past network is judged on its last day, a future one on its first. */
export function judgedOn(today: string, startDate: string, endDate: string): string {
  return today < startDate ? startDate : today > endDate ? endDate : today;
}

type Finding = RuleFinding;
const finding = (field: string, message: string, messageEn: string, ids: string[] = [], from: string | null = null): Finding => ({ message, messageEn, ids, field, from });

/** "1 soggetto", "3 soggetti". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const typeLabel = (s: NetworkSnapshot, code: string) => `«${s.partnerTypeNames[code] ?? code}»`;
const typeLabelEn = (s: NetworkSnapshot, code: string) => `"${s.partnerTypeNames[code] ?? code}"`;
const plannedTotal = (s: NetworkSnapshot) => s.planned.suspended + s.planned.unemployed;
const committed = (s: NetworkSnapshot) => s.allocations.filter((a) => a.status === 'COMMITTED');

/** The members on a day: a member counts from joining through the day they leave. */
const membersOn = (s: NetworkSnapshot, day: string) => s.members.filter((m) => (!m.joinedOn || m.joinedOn <= day) && (!m.leftOn || m.leftOn >= day));

/**
 * A composition rule judged on `asOf` and, when it holds then, on each day after a planned
 * departure before the network ends: the first day it would break is reported with `from`.
 */
function composition(s: NetworkSnapshot, check: (members: NetworkSnapshot['members'], from: string | null) => Finding[]): Finding[] {
  const now = check(membersOn(s, s.asOf), null);
  if (now.length) return now;
  const departures = [...new Set(s.members.flatMap((m) => (m.leftOn && m.leftOn >= s.asOf && m.leftOn < s.endDate ? [nextDay(m.leftOn)] : [])))].sort();
  for (const day of departures) {
    const later = check(membersOn(s, day), day);
    if (later.length) return later;
  }
  return [];
}

const KIND_LABELS: Record<RecipientKind, { key: 'suspended' | 'unemployed'; field: string; it: string; en: string }> = {
  SUSPENDED: { key: 'suspended', field: 'plannedSuspended', it: 'Occupati sospesi', en: 'Suspended workers' },
  UNEMPLOYED: { key: 'unemployed', field: 'plannedUnemployed', it: 'Disoccupati', en: 'Unemployed recipients' },
};

function availability(from: string | null, to: string | null): { it: string; en: string } {
  if (from && to) return { it: `dal ${formatItalianDate(from)} al ${formatItalianDate(to)}`, en: `from ${formatItalianDate(from)} to ${formatItalianDate(to)}` };
  return from ? { it: `dal ${formatItalianDate(from)}`, en: `from ${formatItalianDate(from)}` } : { it: `fino al ${formatItalianDate(to!)}`, en: `until ${formatItalianDate(to!)}` };
}

/** The network's own rules, judged on its snapshot; rules on what hangs on it (recipients' plans, accounts) are declared by their modules. */
export const MIN_PARTNERS = defineNetworkRule({
  code: RuleCode.MIN_PARTNERS,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['network', 'networkMember'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p) =>
      composition(s, (members, from) => {
        const min = p.minPartners;
        if (min === null || members.length >= min) return [];
        const ids = members.map((m) => m.partnerId);
        return from
          ? [finding('members', `Dal ${formatItalianDate(from)} la rete avrà ${count(members.length, 'soggetto', 'soggetti')}: ne servono almeno ${min}, capofila incluso.`, `From ${formatItalianDate(from)} the network will have ${count(members.length, 'member', 'members')}; at least ${min} are required, lead included.`, ids, from)]
          : [finding('members', `La rete ha ${count(members.length, 'soggetto', 'soggetti')}: ne servono almeno ${min}, capofila incluso.`, `The network has ${count(members.length, 'member', 'members')}; at least ${min} are required, lead included.`, ids)];
      }),
});

export const ONE_LEAD = defineNetworkRule({
  code: RuleCode.ONE_LEAD,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['networkMember'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s) => {
      const leads = s.members.filter((m) => m.role === 'LEAD');
      return leads.length === 1 ? [] : [finding('members', `La rete deve avere un solo capofila (ora ${leads.length}).`, `The network must have exactly one lead (now ${leads.length}).`, leads.map((m) => m.partnerId))];
    },
});

export const LEAD_TYPE = defineNetworkRule({
  code: RuleCode.LEAD_TYPE,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['networkMember', 'partner', 'partnerType'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p) => {
      const lead = s.members.find((m) => m.role === 'LEAD');
      if (!lead || lead.labourAccredited || p.leadPartnerTypeCodes.includes(lead.partnerTypeCode)) return [];
      const others = p.leadPartnerTypeCodes.map((code) => ` o un soggetto di tipo ${typeLabel(s, code)}`).join('');
      const othersEn = p.leadPartnerTypeCodes.map((code) => ` or a partner of type ${typeLabelEn(s, code)}`).join('');
      return [finding('members', `Il capofila deve essere un operatore accreditato ai servizi al lavoro${others}.`, `The lead must be an operator accredited for labour services${othersEn}.`, [lead.partnerId])];
    },
});

export const PROVINCE_AND_CPI = defineNetworkRule({
  code: RuleCode.PROVINCE_AND_CPI,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['network', 'networkMember', 'partner', 'partnerType'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p) =>
      composition(s, (members, from) =>
        p.requiredPartnerTypeCodes
          .filter((code) => !members.some((m) => m.partnerTypeCode === code))
          .map((code) =>
            from
              ? finding('members', `Dal ${formatItalianDate(from)} nella rete mancherà un soggetto di tipo ${typeLabel(s, code)}.`, `From ${formatItalianDate(from)} the network will have no member of type ${typeLabelEn(s, code)}.`, [], from)
              : finding('members', `Nella rete manca un soggetto di tipo ${typeLabel(s, code)}.`, `The network has no member of type ${typeLabelEn(s, code)}.`),
          ),
      ),
});

export const MAX_COMPANIES = defineNetworkRule({
  code: RuleCode.MAX_COMPANIES,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['networkCompany', 'crisisCompany'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p) => {
      const out: Finding[] = [];
      const n = s.companies.length;
      const ids = s.companies.map((c) => c.id);
      if (p.minCompanies !== null && n < p.minCompanies) {
        out.push(
          p.minCompanies === 1
            ? finding('companies', "La rete deve servire almeno un'azienda in crisi: non ne ha collegate.", 'The network must serve at least one company in crisis; none is linked.')
            : finding('companies', `La rete deve servire almeno ${p.minCompanies} aziende in crisi: ne ha ${n}.`, `The network must serve at least ${p.minCompanies} companies in crisis; it has ${n}.`, ids),
        );
      }
      if (p.maxCompanies !== null && n > p.maxCompanies) {
        out.push(finding('companies', `Le aziende in crisi sono ${n}: al massimo ${p.maxCompanies}.`, `${count(n, 'company', 'companies')} in crisis; at most ${p.maxCompanies}.`, ids));
      }
      const sameDivision = new Set(s.companies.map((c) => c.atecoDivision)).size === 1 && s.companies[0]?.atecoDivision;
      const sameChain = new Set(s.companies.map((c) => c.supplyChain?.trim().toLowerCase())).size === 1 && s.companies[0]?.supplyChain;
      // Seed 002: companies "collegate ad una stessa azienda" (one group) qualify like one sector.
      const sameGroup = new Set(s.companies.map((c) => c.parentTaxCode)).size === 1 && s.companies[0]?.parentTaxCode;
      if (n > 1 && !sameDivision && !sameChain && !sameGroup) {
        out.push(finding('companies', 'Le aziende in crisi devono appartenere allo stesso settore (divisione ATECO), alla stessa filiera o allo stesso gruppo.', 'The companies in crisis must share one sector (ATECO division), supply chain or group.', ids));
      }
      return out;
    },
});

export const RECIPIENTS_RANGE = defineNetworkRule({
  code: RuleCode.RECIPIENTS_RANGE,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['network', 'recipientEnrolment'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p) => {
      const n = plannedTotal(s);
      const out: Finding[] = [];
      const { minRecipients: min, maxRecipients: max } = p;
      if ((min !== null && n < min) || (max !== null && n > max)) {
        const range =
          min !== null && max !== null
            ? { it: `tra ${min} e ${max}`, en: `between ${min} and ${max}` }
            : min !== null
              ? { it: `almeno ${min}`, en: `at least ${min}` }
              : { it: `al massimo ${max}`, en: `at most ${max}` };
        out.push(finding('plannedRecipients', `Destinatari previsti: ${n}; la misura ne ammette ${range.it}.`, `Planned recipients: ${n}; the measure allows ${range.en}.`));
      }
      for (const { key, field, it, en } of Object.values(KIND_LABELS)) {
        if (s.enrolled[key] > s.planned[key]) {
          out.push(finding(field, `${it}: iscritti ${s.enrolled[key]}, previsti ${s.planned[key]}.`, `${en}: ${s.enrolled[key]} enrolled, ${s.planned[key]} planned.`));
        }
      }
      return out;
    },
});

export const DURATION = defineNetworkRule({
  code: RuleCode.DURATION,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['network'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p) => {
      if (p.maxDurationMonths === null) return [];
      const limit = addMonths(s.startDate, p.maxDurationMonths);
      const months = count(p.maxDurationMonths, 'mese', 'mesi');
      const monthsEn = count(p.maxDurationMonths, 'month', 'months');
      return s.endDate > limit
        ? [finding('endDate', `Il progetto può durare al massimo ${months} dall'avvio: deve finire entro il ${formatItalianDate(limit)}.`, `The project may last at most ${monthsEn} from its start: it must end by ${formatItalianDate(limit)}.`)]
        : [];
    },
});

export const TIER_CAP = defineNetworkRule({
  code: RuleCode.TIER_CAP,
  owner: 'network',
  kind: 'LIMIT',
  reachedBy: ['network', 'allocation'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p) => {
      const n = plannedTotal(s);
      const tier = tierFor(p, n);
      if (!tier) return [finding('plannedRecipients', `Nessuna fascia di contributo per ${count(n, 'destinatario previsto', 'destinatari previsti')}.`, `No funding tier for ${count(n, 'planned recipient', 'planned recipients')}.`)];
      const total = fromCents(sumCents(committed(s).map((a) => a.amount)));
      return toCents(total) > toCents(tier.maxContribution)
        ? [finding('allocations', `Le assegnazioni impegnate (${formatEuro(total)}) superano il massimo della fascia da ${tier.minRecipients} a ${tier.maxRecipients} destinatari (${formatEuro(tier.maxContribution)}).`, `Committed allocations (${formatEuroEn(total)}) exceed the maximum of the ${tier.minRecipients}–${tier.maxRecipients} recipients tier (${formatEuroEn(tier.maxContribution)}).`)]
        : [];
    },
});

export const FUND_BUDGET = defineNetworkRule({
  code: RuleCode.FUND_BUDGET,
  owner: 'network',
  kind: 'LIMIT',
  everyMeasure: true,
  reachedBy: ['allocation', 'fundSource'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s) => {
      const sources = new Map(s.fundSources.map((f) => [f.id, f]));
      const outside = committed(s).flatMap((a) => {
        const f = sources.get(a.fundSourceId);
        if (!f || ((!f.availableFrom || a.allocatedOn >= f.availableFrom) && (!f.availableTo || a.allocatedOn <= f.availableTo))) return [];
        const period = availability(f.availableFrom, f.availableTo);
        return [finding('allocations', `L'assegnazione del ${formatItalianDate(a.allocatedOn)} dalla fonte «${f.name}» cade fuori dal periodo in cui la fonte è utilizzabile (${period.it}).`, `The allocation of ${formatItalianDate(a.allocatedOn)} from "${f.name}" falls outside the period the fund can be used (${period.en}).`, [a.id])];
      });
      const overspent = s.fundSources
        .filter((f) => toCents(f.committed) > toCents(f.budget))
        .map((f) => finding('allocations', `La fonte «${f.name}» non ha fondi sufficienti: tutti gli enti insieme vi impegnerebbero ${formatEuro(f.committed)} su una dotazione di ${formatEuro(f.budget)}.`, `Fund source "${f.name}" lacks the funds: all tenants together would commit ${formatEuroEn(f.committed)} of a ${formatEuroEn(f.budget)} budget.`, [f.id]));
      return [...outside, ...overspent];
    },
});

export const EXCLUSIVE_POLICY = defineNetworkRule({
  code: RuleCode.EXCLUSIVE_POLICY,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['recipientEnrolment', 'measureCompatibility'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s) => {
      const n = s.overlappingEnrolments.length;
      if (!n) return [];
      return [
        n === 1
          ? finding('recipientEnrolments', "1 destinatario risulta iscritto, nelle stesse date, a un altro intervento di politica attiva finanziato con risorse pubbliche.", '1 recipient is enrolled, on the same dates, in another publicly funded active-labour-policy intervention.', s.overlappingEnrolments)
          : finding('recipientEnrolments', `${n} destinatari risultano iscritti, nelle stesse date, a un altro intervento di politica attiva finanziato con risorse pubbliche.`, `${n} recipients are enrolled, on the same dates, in another publicly funded active-labour-policy intervention.`, s.overlappingEnrolments),
      ];
    },
});

export const PER_RECIPIENT_CAPS = defineNetworkRule({
  code: RuleCode.PER_RECIPIENT_CAPS,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['network', 'allocation'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p) => {
      const out: Finding[] = [];
      const n = plannedTotal(s);
      const committedOf = (kind: string) => sumCents(committed(s).filter((a) => a.kind === kind).map((a) => a.amount));
      const over = (label: string, labelEn: string, total: bigint, cap: bigint) =>
        finding('allocations', `${label} impegnati (${formatEuro(fromCents(total))}) superano ${formatEuro(fromCents(cap))} per destinatario: con ${count(n, 'destinatario previsto', 'destinatari previsti')} il massimo è ${formatEuro(fromCents(cap * BigInt(n)))}.`, `${labelEn} committed (${formatEuroEn(fromCents(total))}) exceed ${formatEuroEn(fromCents(cap))} per recipient: with ${count(n, 'planned recipient', 'planned recipients')} the maximum is ${formatEuroEn(fromCents(cap * BigInt(n)))}.`);
      if (p.processCapPerRecipient !== null && committedOf('PROCESS') > toCents(p.processCapPerRecipient) * BigInt(n)) {
        out.push(over('I servizi a processo', 'Process services', committedOf('PROCESS'), toCents(p.processCapPerRecipient)));
      }
      // A result service pays placement or self-employment; the larger cap bounds the total.
      const resultCap = [p.placementCapPerRecipient, p.selfEmploymentCapPerRecipient].filter((c): c is string => c !== null).map(toCents).sort((a, b) => (a > b ? -1 : 1))[0];
      if (resultCap !== undefined && committedOf('RESULT') > resultCap * BigInt(n)) {
        out.push(over('I servizi a risultato', 'Result services', committedOf('RESULT'), resultCap));
      }
      return out;
    },
});

export const RECIPIENT_ELIGIBILITY = defineNetworkRule({
  code: RuleCode.RECIPIENT_ELIGIBILITY,
  owner: 'network',
  kind: 'FLAG',
  reachedBy: ['network', 'recipientEnrolment', 'networkCompany', 'crisisCompany'],
  load: (network, loaders) => networkSnapshot(network, loaders),
  evaluate: (s, p: MeasureParameters) => {
      const out: Finding[] = [];
      for (const [kind, { key, field, it, en }] of Object.entries(KIND_LABELS) as [RecipientKind, (typeof KIND_LABELS)[RecipientKind]][]) {
        if (p.eligibleRecipientKinds.length && !p.eligibleRecipientKinds.includes(kind) && (s.planned[key] > 0 || s.enrolled[key] > 0)) {
          out.push(finding(field, `La misura non ammette ${it.toLowerCase()}: previsti ${s.planned[key]}, iscritti ${s.enrolled[key]}.`, `The measure does not admit ${en.toLowerCase()}: ${s.planned[key]} planned, ${s.enrolled[key]} enrolled.`));
        }
      }
      const suspended = s.planned.suspended > 0 || s.enrolled.suspended > 0;
      if (p.suspendedNeedRedundancies && suspended && !s.companies.some((c) => c.expectedRedundancies > 0)) {
        out.push(finding('companies', 'Gli occupati sospesi sono ammessi solo se sono previsti esuberi: nessuna azienda in crisi collegata ne prevede.', 'Suspended workers are admitted only where redundancies are expected: no linked company in crisis expects any.', s.companies.map((c) => c.id)));
      }
      return out;
    },
});

const OWN_RULES = [MIN_PARTNERS, ONE_LEAD, LEAD_TYPE, PROVINCE_AND_CPI, MAX_COMPANIES, RECIPIENTS_RANGE, DURATION, TIER_CAP, FUND_BUDGET, EXCLUSIVE_POLICY, PER_RECIPIENT_CAPS, RECIPIENT_ELIGIBILITY];

/** The network's own rules on a snapshot, as the registry runs them: only the measure's own rules apply. */
export function evaluateRules(snapshot: NetworkSnapshot, params: MeasureParameters): RuleViolation[] {
  return params.rules.flatMap((code) => OWN_RULES.filter((rule) => rule.code === code).flatMap((rule) => rule.evaluate(snapshot, params as RuleParameters, undefined as never).map((f) => violationOf(code, f))));
}

/** The workflow: DRAFT → ACTIVE (only when compliant) → CLOSED, or DRAFT/ACTIVE → WITHDRAWN. */
const TRANSITIONS: Record<NetworkStatus, NetworkStatus[]> = {
  DRAFT: [NetworkStatus.ACTIVE, NetworkStatus.WITHDRAWN],
  ACTIVE: [NetworkStatus.CLOSED, NetworkStatus.WITHDRAWN],
  CLOSED: [],
  WITHDRAWN: [],
};

/** The statuses a network may move to, each with what stands in the way: activation needs compliance. */
export function transitionsFrom(status: NetworkStatus, violations: RuleViolation[]): { status: NetworkStatus; blockedBy: RuleViolation[] }[] {
  return TRANSITIONS[status].map((next) => ({ status: next, blockedBy: next === NetworkStatus.ACTIVE ? violations : [] }));
}
