import { formatEuro, fromCents, sumCents, toCents } from '../../common/money';
import { RuleCode } from '../measure/measure.entity';

/** Everything the rules look at, loaded once. The rules themselves touch no database. */
export interface NetworkSnapshot {
  startDate: string;
  endDate: string;
  planned: { suspended: number; unemployed: number };
  enrolled: { suspended: number; unemployed: number };
  /** This network's enrolments that overlap an enrolment of the same person in another exclusive measure. */
  overlappingEnrolments: string[];
  members: { partnerId: string; role: 'LEAD' | 'PARTNER'; partnerTypeCode: string; labourAccredited: boolean; leftOn: string | null }[];
  companies: { id: string; atecoDivision: string | null; supplyChain: string | null; parentTaxCode?: string | null }[];
  allocations: { kind: 'PROCESS' | 'RESULT' | 'VOUCHER'; amount: string; status: 'COMMITTED' | 'REVOKED' }[];
  /** Fund sources this network draws on, with budget and what all tenants together committed. */
  fundSources: { id: string; code: string; budget: string; committed: string }[];
}

/** The measure's rule parameters, editable by administrators. */
export interface MeasureParameters {
  rules: RuleCode[];
  minPartners: number | null;
  leadPartnerTypeCodes: string[];
  requiredPartnerTypeCodes: string[];
  maxCompanies: number | null;
  minRecipients: number | null;
  maxRecipients: number | null;
  maxDurationMonths: number | null;
  processCapPerRecipient: string | null;
  placementCapPerRecipient: string | null;
  selfEmploymentCapPerRecipient: string | null;
  tiers: { minRecipients: number; maxRecipients: number; maxContribution: string }[];
}

export interface RuleViolation {
  rule: RuleCode;
  message: string;
  messageEn: string;
  ids: string[];
}


/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function tierFor(params: MeasureParameters, recipients: number) {
  return params.tiers.find((t) => recipients >= t.minRecipients && recipients <= t.maxRecipients);
}

type Check = (s: NetworkSnapshot, p: MeasureParameters) => Omit<RuleViolation, 'rule'>[];
const violation = (message: string, messageEn: string, ids: string[] = []) => ({ message, messageEn, ids });

const plannedTotal = (s: NetworkSnapshot) => s.planned.suspended + s.planned.unemployed;

/** The network's own rules; rules on what hangs on it (recipients' plans) are checked by their modules. */
const CHECKS: Partial<Record<RuleCode, Check>> = {
  MIN_PARTNERS: (s, p) => {
    const current = s.members.filter((m) => !m.leftOn);
    return p.minPartners !== null && current.length < p.minPartners
      ? [violation(`La rete ha ${current.length} soggetti: ne servono almeno ${p.minPartners}, capofila incluso.`, `The network has ${current.length} members; at least ${p.minPartners} are required, lead included.`)]
      : [];
  },
  ONE_LEAD: (s) => {
    const leads = s.members.filter((m) => m.role === 'LEAD');
    return leads.length === 1 ? [] : [violation(`La rete deve avere un solo capofila (ora ${leads.length}).`, `The network must have exactly one lead (now ${leads.length}).`, leads.map((m) => m.partnerId))];
  },
  LEAD_TYPE: (s, p) => {
    const lead = s.members.find((m) => m.role === 'LEAD');
    if (!lead || !p.leadPartnerTypeCodes.length) return [];
    const allowed = p.leadPartnerTypeCodes.includes(lead.partnerTypeCode) && (lead.partnerTypeCode !== 'LABOUR_OPERATOR' || lead.labourAccredited);
    return allowed ? [] : [violation(`Il capofila deve essere: ${p.leadPartnerTypeCodes.join(' o ')} (accreditato ai servizi al lavoro).`, `The lead must be: ${p.leadPartnerTypeCodes.join(' or ')} (accredited for labour services).`, [lead.partnerId])];
  },
  PROVINCE_AND_CPI: (s, p) =>
    p.requiredPartnerTypeCodes
      .filter((code) => !s.members.some((m) => !m.leftOn && m.partnerTypeCode === code))
      .map((code) => violation(`Nella rete manca un soggetto di tipo ${code}.`, `The network has no member of type ${code}.`)),
  MAX_COMPANIES: (s, p) => {
    const out = [];
    if (p.maxCompanies !== null && s.companies.length > p.maxCompanies) {
      out.push(violation(`Le aziende in crisi sono ${s.companies.length}: al massimo ${p.maxCompanies}.`, `${s.companies.length} companies in crisis; at most ${p.maxCompanies}.`, s.companies.map((c) => c.id)));
    }
    const sameDivision = new Set(s.companies.map((c) => c.atecoDivision)).size === 1 && s.companies[0]?.atecoDivision;
    const sameChain = new Set(s.companies.map((c) => c.supplyChain?.trim().toLowerCase())).size === 1 && s.companies[0]?.supplyChain;
    // Seed 002: companies "collegate ad una stessa azienda" (one group) qualify like one sector.
    const sameGroup = new Set(s.companies.map((c) => c.parentTaxCode)).size === 1 && s.companies[0]?.parentTaxCode;
    if (s.companies.length > 1 && !sameDivision && !sameChain && !sameGroup) {
      out.push(violation('Le aziende in crisi devono appartenere allo stesso settore (divisione ATECO), alla stessa filiera o allo stesso gruppo.', 'The companies in crisis must share one sector (ATECO division), supply chain or group.', s.companies.map((c) => c.id)));
    }
    return out;
  },
  RECIPIENTS_RANGE: (s, p) => {
    const n = plannedTotal(s);
    const low = p.minRecipients !== null && n < p.minRecipients;
    const high = p.maxRecipients !== null && n > p.maxRecipients;
    const range = `${p.minRecipients ?? 0}${p.maxRecipients !== null ? `–${p.maxRecipients}` : ' o più'}`;
    const out = low || high ? [violation(`I destinatari previsti sono ${n}: devono essere ${range}.`, `${n} planned recipients; the measure allows ${range}.`)] : [];
    const kinds = [['suspended', 'occupati sospesi', 'suspended workers'], ['unemployed', 'disoccupati', 'unemployed']] as const;
    for (const [kind, it, en] of kinds) {
      if (s.enrolled[kind] > s.planned[kind]) {
        out.push(violation(`Iscritti ${s.enrolled[kind]} ${it}, più dei ${s.planned[kind]} previsti.`, `${s.enrolled[kind]} ${en} enrolled, more than the ${s.planned[kind]} planned.`));
      }
    }
    return out;
  },
  DURATION: (s, p) => {
    if (p.maxDurationMonths === null) return [];
    const limit = addMonths(s.startDate, p.maxDurationMonths);
    return s.endDate > limit ? [violation(`La durata supera ${p.maxDurationMonths} mesi dall'avvio: la fine deve essere entro il ${limit}.`, `The project lasts more than ${p.maxDurationMonths} months: it must end by ${limit}.`)] : [];
  },
  TIER_CAP: (s, p) => {
    const tier = tierFor(p, plannedTotal(s));
    const committed = sumCents(s.allocations.filter((a) => a.status === 'COMMITTED').map((a) => a.amount));
    if (!tier) return [violation(`Nessuna fascia di contributo per ${plannedTotal(s)} destinatari.`, `No funding tier for ${plannedTotal(s)} recipients.`)];
    return committed > toCents(tier.maxContribution)
      ? [violation(`Le assegnazioni (${formatEuro(fromCents(committed))}) superano il massimo della fascia ${tier.minRecipients}–${tier.maxRecipients} destinatari (${formatEuro(tier.maxContribution)}).`, `Committed allocations (${fromCents(committed)}) exceed the tier maximum for ${tier.minRecipients}–${tier.maxRecipients} recipients (${tier.maxContribution}).`)]
      : [];
  },
  FUND_BUDGET: (s) =>
    s.fundSources
      .filter((f) => toCents(f.committed) > toCents(f.budget))
      .map((f) => violation(`La fonte ${f.code} è impegnata oltre la dotazione (${formatEuro(f.budget)}).`, `Fund source ${f.code} is committed beyond its budget (${f.budget}).`, [f.id])),
  EXCLUSIVE_POLICY: (s) =>
    s.overlappingEnrolments.length
      ? [violation(`${s.overlappingEnrolments.length} destinatari risultano iscritti a un'altra misura per date sovrapposte.`, `${s.overlappingEnrolments.length} recipients are enrolled in another measure for overlapping dates.`, s.overlappingEnrolments)]
      : [],
  PER_RECIPIENT_CAPS: (s, p) => {
    const out = [];
    const committedOf = (kind: string) => sumCents(s.allocations.filter((a) => a.status === 'COMMITTED' && a.kind === kind).map((a) => a.amount));
    const n = BigInt(plannedTotal(s));
    if (p.processCapPerRecipient !== null && committedOf('PROCESS') > toCents(p.processCapPerRecipient) * n) {
      out.push(violation(`I servizi a processo superano ${formatEuro(p.processCapPerRecipient)} per destinatario.`, `Process services exceed ${p.processCapPerRecipient} per recipient.`));
    }
    // A result service pays placement or self-employment; the larger cap bounds the total.
    const resultCap = [p.placementCapPerRecipient, p.selfEmploymentCapPerRecipient].filter((c): c is string => c !== null).map(toCents).sort((a, b) => (a > b ? -1 : 1))[0];
    if (resultCap !== undefined && committedOf('RESULT') > resultCap * n) {
      out.push(violation(`I servizi a risultato superano ${formatEuro(fromCents(resultCap))} per destinatario.`, `Result services exceed ${fromCents(resultCap)} per recipient.`));
    }
    return out;
  },
};

/** The violations of a network against its measure: only the measure's own rules apply. */
export function evaluateRules(snapshot: NetworkSnapshot, params: MeasureParameters): RuleViolation[] {
  return params.rules.flatMap((rule) => (CHECKS[rule]?.(snapshot, params) ?? []).map((v) => ({ rule, ...v })));
}
