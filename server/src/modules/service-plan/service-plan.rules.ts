import { formatItalianDate, nextDay } from '../../common/dates';
import { formatEuro, formatEuroEn, fromCents, toCents } from '../../common/money';
import { RuleCode } from '../measure/measure.entity';
import type { RuleViolation } from '../network/network.rules';

/** What a service of a given type costs at the standard rates: the voucher's value, or hours × the hourly unit cost. */
export function standardAmount(type: { voucherValue: string | null; hourlyUnitCost: string | null }, hours: number): string | null {
  if (type.voucherValue !== null) return type.voucherValue;
  if (type.hourlyUnitCost !== null) return fromCents(toCents(type.hourlyUnitCost) * BigInt(hours));
  return null;
}

export interface PlanService {
  serviceTypeId: string;
  status: 'PLANNED' | 'DELIVERED';
  hours: number;
  amount: string;
}

/** A recipient's plan per service type, in the order the types are given: hours and amounts planned and delivered, and what the cap leaves. */
export function planLines(services: PlanService[], types: { id: string; maxHours: number | null }[]) {
  return types.flatMap((type) => {
    const of = (status: PlanService['status']) => services.filter((s) => s.serviceTypeId === type.id && s.status === status);
    const hours = (rows: PlanService[]) => rows.reduce((total, s) => total + s.hours, 0);
    const amount = (rows: PlanService[]) => fromCents(rows.reduce((total, s) => total + toCents(s.amount), 0n));
    const [planned, delivered] = [of('PLANNED'), of('DELIVERED')];
    if (!planned.length && !delivered.length) return [];
    const used = Math.max(hours(planned), hours(delivered));
    return [{
      serviceTypeId: type.id,
      plannedHours: hours(planned),
      deliveredHours: hours(delivered),
      maxHours: type.maxHours,
      hoursLeft: type.maxHours === null ? null : type.maxHours - used,
      plannedAmount: amount(planned),
      deliveredAmount: amount(delivered),
    }];
  });
}

/** A service type as the plan rules see it (its caps and flags are reference data on the type). */
export interface PlanServiceType {
  id: string;
  phase: number;
  category: 'ACCESS' | 'GUIDANCE_TRAINING' | 'VOUCHER_TRAINING' | 'INTENSIVE_ASSISTANCE';
  payment: 'PROCESS' | 'RESULT' | 'PROCESS_CONDITIONAL_ON_RESULT' | 'VOUCHER';
  maxHours: number | null;
  minHours: number | null;
  training: boolean;
  resultKind: 'PLACEMENT' | 'SELF_EMPLOYMENT' | null;
}

/** One recipient's plan: the enrolment's coarse attributes and its services. */
export interface EnrolmentPlan {
  id: string;
  relocationAllowance: boolean;
  aidBand: number | null;
  phase2ServiceTypeId: string | null;
  services: PlanService[];
}

/** The measure's parameters for plans, editable by administrators. */
export interface PlanParameters {
  rules: RuleCode[];
  minGuidanceServices: number | null;
  minIntensiveServices: number | null;
  maxPhase2Alternatives: number | null;
  processCapPerRecipient: string | null;
  placementCapPerRecipient: string | null;
  selfEmploymentCapPerRecipient: string | null;
  /** RESULT_BAND_AMOUNTS: per result kind, the amount of each aid band (band 1 first); null for none. */
  placementAmountsByBand: (string | null)[];
  selfEmploymentAmountsByBand: (string | null)[];
}

/**
 * When the network's plans are judged: a plan begun without its phase-2 choice is still being
 * written while its network is ACTIVE, and must foresee its services by the project's end (an
 * ACTIVE network is judged within its dates, as its composition is: see judgedOn).
 */
export interface PlanTiming {
  active: boolean;
  endDate: string;
}

export const PLAN_RULES = [RuleCode.PLAN_SERVICES, RuleCode.PHASE2_CHOICE, RuleCode.SERVICE_HOURS, RuleCode.PER_RECIPIENT_CAPS, RuleCode.RELOCATION_TRAINING_ONLY, RuleCode.RESULT_BAND_AMOUNTS] as const;

/** The result kinds, with the measure's cap per recipient and amounts per band for each. */
export const RESULT_KINDS = [
  { kind: 'PLACEMENT', cap: 'placementCapPerRecipient', byBand: 'placementAmountsByBand', it: 'inserimento lavorativo', en: 'job-placement' },
  { kind: 'SELF_EMPLOYMENT', cap: 'selfEmploymentCapPerRecipient', byBand: 'selfEmploymentAmountsByBand', it: 'autoimprenditorialità', en: 'self-employment' },
] as const;

/** The amount the measure sets for a result kind in an aid band, if it sets one. */
export const bandAmount = (p: Pick<PlanParameters, 'placementAmountsByBand' | 'selfEmploymentAmountsByBand'>, byBand: (typeof RESULT_KINDS)[number]['byBand'], band: number): string | null =>
  p[byBand][band - 1] ?? null;

/** Planned and delivered are two views of one plan: a cap bounds the larger of the two. */
function larger<T extends number | bigint>(services: PlanService[], value: (rows: PlanService[]) => T): T {
  const [planned, delivered] = [value(services.filter((s) => s.status === 'PLANNED')), value(services.filter((s) => s.status === 'DELIVERED'))];
  return planned > delivered ? planned : delivered;
}
const totalCents = (rows: PlanService[]) => rows.reduce((total, s) => total + toCents(s.amount), 0n);
const totalHours = (rows: PlanService[]) => rows.reduce((total, s) => total + s.hours, 0);

type PlanCheck = (plan: EnrolmentPlan, type: (id: string) => PlanServiceType, p: PlanParameters, timing?: PlanTiming) => { it: string; en: string; from?: string | null }[];

/** Each check says, for one plan, what it breaks; the messages name no person, the ids are enrolments. */
const PLAN_CHECKS: Record<(typeof PLAN_RULES)[number], PlanCheck> = {
  /*
   * Seed 000: every worker's plan foresees a guidance and an intensive-assistance service. A plan
   * is judged once begun (a service recorded) or defined (its phase-2 alternative chosen). One
   * begun without a choice is still being written while its network is ACTIVE: it is listed as
   * due by the project's end, so recording its services one by one is never refused.
   */
  PLAN_SERVICES: (plan, type, p, timing) => {
    const defined = plan.phase2ServiceTypeId !== null || plan.relocationAllowance;
    if (!defined && !plan.services.length) return [];
    const count = (category: PlanServiceType['category']) => plan.services.filter((s) => type(s.serviceTypeId).category === category).length;
    const guidance = p.minGuidanceServices ?? 0;
    const intensive = plan.relocationAllowance ? 0 : (p.minIntensiveServices ?? 0);
    if (count('GUIDANCE_TRAINING') >= guidance && count('INTENSIVE_ASSISTANCE') >= intensive) return [];
    const it = `il piano personalizzato (PIP) deve prevedere almeno ${guidance} servizi di orientamento e ${intensive} di assistenza intensiva`;
    const en = `the personal plan (PIP) must include at least ${guidance} guidance and ${intensive} intensive-assistance services`;
    if (!defined && timing?.active) {
      const end = formatItalianDate(timing.endDate);
      return [{ it: `entro la fine del progetto (${end}) ${it}`, en: `by the end of the project (${end}) ${en}`, from: nextDay(timing.endDate) }];
    }
    return [{ it, en }];
  },
  PHASE2_CHOICE: (plan, type, p) => {
    const chosen = new Set(plan.services.filter((s) => type(s.serviceTypeId).phase === 2).map((s) => s.serviceTypeId));
    const out = [];
    if (plan.phase2ServiceTypeId) {
      if (type(plan.phase2ServiceTypeId).phase !== 2) out.push({ it: 'la scelta della fase 2 deve essere un servizio di assistenza intensiva', en: 'the phase-2 choice must be an intensive-assistance service' });
      chosen.add(plan.phase2ServiceTypeId);
    }
    const max = p.maxPhase2Alternatives ?? 1;
    if (chosen.size > max) out.push({ it: `in fase 2 è ammessa ${max === 1 ? 'una sola alternativa' : `al massimo ${max} alternative`} (ora ${chosen.size})`, en: `phase 2 allows ${max} alternative(s) (now ${chosen.size})` });
    return out;
  },
  SERVICE_HOURS: (plan, type) => {
    const out = [];
    for (const id of new Set(plan.services.map((s) => s.serviceTypeId))) {
      const { maxHours } = type(id);
      const hours = larger(plan.services.filter((s) => s.serviceTypeId === id), totalHours);
      if (maxHours !== null && hours > maxHours) out.push({ it: `un servizio supera il massimo di ${maxHours} ore (${hours})`, en: `a service exceeds its ${maxHours}-hour cap (${hours})` });
    }
    for (const s of plan.services) {
      const { minHours } = type(s.serviceTypeId);
      if (minHours !== null && s.hours < minHours) out.push({ it: `un percorso a voucher deve durare almeno ${minHours} ore (${s.hours})`, en: `a voucher course must last at least ${minHours} hours (${s.hours})` });
    }
    return out;
  },
  PER_RECIPIENT_CAPS: (plan, type, p) => {
    const out = [];
    const of = (test: (t: PlanServiceType) => boolean) => plan.services.filter((s) => test(type(s.serviceTypeId)));
    const process = larger(of((t) => t.payment === 'PROCESS'), totalCents);
    if (p.processCapPerRecipient !== null && process > toCents(p.processCapPerRecipient)) {
      out.push({ it: `i servizi a processo (${formatEuro(fromCents(process))}) superano ${formatEuro(p.processCapPerRecipient)}`, en: `process services (${fromCents(process)}) exceed ${p.processCapPerRecipient}` });
    }
    const caps = [['PLACEMENT', p.placementCapPerRecipient, 'inserimento lavorativo', 'placement'], ['SELF_EMPLOYMENT', p.selfEmploymentCapPerRecipient, 'autoimprenditorialità', 'self-employment']] as const;
    for (const [kind, cap, it, en] of caps) {
      const result = larger(of((t) => t.resultKind === kind), totalCents);
      if (cap !== null && result > toCents(cap)) out.push({ it: `i servizi di ${it} (${formatEuro(fromCents(result))}) superano ${formatEuro(cap)}`, en: `${en} services (${fromCents(result)}) exceed ${cap}` });
    }
    if (plan.aidBand === null && of((t) => t.payment === 'RESULT').length) {
      out.push({ it: 'i servizi a risultato richiedono la fascia di aiuto del destinatario', en: "result services need the recipient's aid band" });
    }
    return out;
  },
  // Seed 002: result services are "quantificati secondo la Fascia di Aiuto del destinatario".
  RESULT_BAND_AMOUNTS: (plan, type, p) => {
    if (plan.aidBand === null) return [];
    return RESULT_KINDS.flatMap(({ kind, byBand, it, en }) => {
      const amount = bandAmount(p, byBand, plan.aidBand!);
      const result = larger(plan.services.filter((s) => type(s.serviceTypeId).resultKind === kind), totalCents);
      return amount !== null && result > toCents(amount)
        ? [{ it: `i servizi di ${it} (${formatEuro(fromCents(result))}) superano l'importo della fascia di aiuto ${plan.aidBand} (${formatEuro(amount)})`, en: `${en} services (${formatEuroEn(fromCents(result))}) exceed the amount of aid band ${plan.aidBand} (${formatEuroEn(amount)})` }]
        : [];
    });
  },
  RELOCATION_TRAINING_ONLY: (plan, type) =>
    plan.relocationAllowance && plan.services.some((s) => !type(s.serviceTypeId).training)
      ? [{ it: "chi ha l'Assegno di Ricollocazione può ricevere solo servizi di formazione", en: 'an Assegno di Ricollocazione holder may receive training services only' }]
      : [],
};

/**
 * The violations of a network's plans against its measure, one per rule and message, naming how
 * many recipients break it and their enrolments' ids.
 */
export function evaluatePlanRules(plans: EnrolmentPlan[], types: PlanServiceType[], params: PlanParameters, timing?: PlanTiming): RuleViolation[] {
  const byId = new Map(types.map((t) => [t.id, t]));
  const type = (id: string) => byId.get(id)!;
  return PLAN_RULES.filter((rule) => params.rules.includes(rule)).flatMap((rule) => {
    const found = new Map<string, { en: string; ids: string[]; from: string | null }>();
    for (const plan of plans) {
      for (const { it, en, from = null } of PLAN_CHECKS[rule](plan, type, params, timing)) {
        const entry = found.get(it) ?? { en, ids: [], from };
        if (!entry.ids.includes(plan.id)) entry.ids.push(plan.id);
        found.set(it, entry);
      }
    }
    return [...found].map(([it, { en, ids, from }]) => ({
      rule,
      message: `${ids.length === 1 ? '1 destinatario' : `${ids.length} destinatari`}: ${it}.`,
      messageEn: `${ids.length} recipient(s): ${en}.`,
      ids,
      field: 'recipientEnrolments',
      from,
    }));
  });
}

/** A network's result allocations as RESULT_BAND_AMOUNTS sees them. */
export interface ResultAllocation {
  id: string;
  kind: 'PROCESS' | 'RESULT' | 'VOUCHER';
  amount: string;
  status: 'COMMITTED' | 'REVOKED';
}

/**
 * RESULT_BAND_AMOUNTS on the money: the committed result allocations may not exceed what the
 * recipients' aid bands pay. Each recipient gets one result (placement or self-employment), so
 * counts the larger of its band's amounts, or of the caps per recipient where the band has none;
 * a recipient with no band yet, or a planned one not enrolled yet, counts the largest band's.
 * Checked only once the measure sets an amount for some band (until then PER_RECIPIENT_CAPS bounds
 * the allocations alone), and not at all where some amount is unbounded.
 */
export function resultAllocationViolations(plans: Pick<EnrolmentPlan, 'aidBand'>[], plannedRecipients: number, allocations: ResultAllocation[], params: PlanParameters): RuleViolation[] {
  if (!params.rules.includes(RuleCode.RESULT_BAND_AMOUNTS)) return [];
  if (!RESULT_KINDS.some(({ byBand }) => params[byBand].some((a) => a !== null))) return [];
  const perBand = [1, 2, 3, 4].map((band) => RESULT_KINDS.map(({ cap, byBand }) => bandAmount(params, byBand, band) ?? params[cap]));
  if (perBand.flat().some((amount) => amount === null)) return [];
  const largest = (amounts: (string | null)[]) => amounts.map((a) => toCents(a!)).reduce((a, b) => (a > b ? a : b));
  const bandBound = perBand.map(largest);
  const anyBand = bandBound.reduce((a, b) => (a > b ? a : b));
  const unknown = BigInt(Math.max(0, plannedRecipients - plans.length));
  const bound = plans.reduce((total, plan) => total + (plan.aidBand === null ? anyBand : bandBound[plan.aidBand - 1]), unknown * anyBand);
  const result = allocations.filter((a) => a.kind === 'RESULT' && a.status === 'COMMITTED');
  const committed = result.reduce((total, a) => total + toCents(a.amount), 0n);
  if (committed <= bound) return [];
  const [total, max] = [fromCents(committed), fromCents(bound)];
  return [{
    rule: RuleCode.RESULT_BAND_AMOUNTS,
    message: `I servizi a risultato impegnati (${formatEuro(total)}) superano quanto pagano le fasce di aiuto dei destinatari (${formatEuro(max)}).`,
    messageEn: `Result services committed (${formatEuroEn(total)}) exceed what the recipients' aid bands pay (${formatEuroEn(max)}).`,
    ids: result.map((a) => a.id),
    field: 'allocations',
    from: null,
  }];
}
