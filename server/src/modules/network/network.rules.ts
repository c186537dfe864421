import { formatItalianDate, nextDay } from '../../common/dates';
import { RuleCode } from '../measure/measure.entity';
import { NetworkStatus } from './network.entity';
import { AnyNetworkRule, defineNetworkRule, RuleFinding, RuleParameters, RuleViolation, violationOf } from './rule-registry';
import { networkSnapshot } from './network.snapshot';

export type RecipientKind = 'SUSPENDED' | 'UNEMPLOYED';

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
  members: { partnerId: string; role: 'LEAD' | 'PARTNER'; partnerTypeCode: string; labourAccredited: boolean; joinedOn: string | null; leftOn: string | null }[];
  /** Partner types' names by code, for the messages. */
  partnerTypeNames: Record<string, string>;
  companies: { id: string; atecoDivision: string | null; supplyChain: string | null; expectedRedundancies: number; parentTaxCode?: string | null }[];
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
export const finding = (field: string, message: string, messageEn: string, ids: string[] = [], from: string | null = null): Finding => ({ message, messageEn, ids, field, from });

/** "1 soggetto", "3 soggetti". */
export const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const typeLabel = (s: NetworkSnapshot, code: string) => `«${s.partnerTypeNames[code] ?? code}»`;
const typeLabelEn = (s: NetworkSnapshot, code: string) => `"${s.partnerTypeNames[code] ?? code}"`;
export const plannedTotal = (s: Pick<NetworkSnapshot, 'planned'>) => s.planned.suspended + s.planned.unemployed;

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

export const KIND_LABELS: Record<RecipientKind, { key: 'suspended' | 'unemployed'; field: string; it: string; en: string }> = {
  SUSPENDED: { key: 'suspended', field: 'plannedSuspended', it: 'Occupati sospesi', en: 'Suspended workers' },
  UNEMPLOYED: { key: 'unemployed', field: 'plannedUnemployed', it: 'Disoccupati', en: 'Unemployed recipients' },
};

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

export const NETWORK_RULES = [MIN_PARTNERS, ONE_LEAD, LEAD_TYPE, PROVINCE_AND_CPI, MAX_COMPANIES, RECIPIENTS_RANGE, DURATION];

/**
 * Rules that judge what `loaded` holds (the network's snapshot, say), as the registry runs them:
 * only the measure's own rules apply, in its order.
 */
export function evaluateRules<L>(loaded: L, params: MeasureParameters, rules: readonly AnyNetworkRule[] = NETWORK_RULES): RuleViolation[] {
  return params.rules.flatMap((code) => rules.filter((rule) => rule.code === code).flatMap((rule) => rule.evaluate(loaded, params as RuleParameters, undefined as never).map((f) => violationOf(code, f))));
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
