import { formatEuro, fromCents, toCents } from '../../common/money';
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
}

export const PLAN_RULES = [RuleCode.PLAN_SERVICES, RuleCode.PHASE2_CHOICE, RuleCode.SERVICE_HOURS, RuleCode.PER_RECIPIENT_CAPS, RuleCode.RELOCATION_TRAINING_ONLY] as const;

/** Planned and delivered are two views of one plan: a cap bounds the larger of the two. */
function larger<T extends number | bigint>(services: PlanService[], value: (rows: PlanService[]) => T): T {
  const [planned, delivered] = [value(services.filter((s) => s.status === 'PLANNED')), value(services.filter((s) => s.status === 'DELIVERED'))];
  return planned > delivered ? planned : delivered;
}
const totalCents = (rows: PlanService[]) => rows.reduce((total, s) => total + toCents(s.amount), 0n);
const totalHours = (rows: PlanService[]) => rows.reduce((total, s) => total + s.hours, 0);

type PlanCheck = (plan: EnrolmentPlan, type: (id: string) => PlanServiceType, p: PlanParameters) => { it: string; en: string }[];

/** Each check says, for one plan, what it breaks; the messages name no person, the ids are enrolments. */
const PLAN_CHECKS: Record<(typeof PLAN_RULES)[number], PlanCheck> = {
  // The plan counts as defined once its phase-2 alternative is chosen: services are recorded first.
  PLAN_SERVICES: (plan, type, p) => {
    if (!plan.phase2ServiceTypeId && !plan.relocationAllowance) return [];
    const count = (category: PlanServiceType['category']) => plan.services.filter((s) => type(s.serviceTypeId).category === category).length;
    const guidance = p.minGuidanceServices ?? 0;
    const intensive = plan.relocationAllowance ? 0 : (p.minIntensiveServices ?? 0);
    return count('GUIDANCE_TRAINING') < guidance || count('INTENSIVE_ASSISTANCE') < intensive
      ? [{ it: `il piano personalizzato (PIP) deve prevedere almeno ${guidance} servizi di orientamento e ${intensive} di assistenza intensiva`, en: `the personal plan (PIP) must include at least ${guidance} guidance and ${intensive} intensive-assistance services` }]
      : [];
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
  RELOCATION_TRAINING_ONLY: (plan, type) =>
    plan.relocationAllowance && plan.services.some((s) => !type(s.serviceTypeId).training)
      ? [{ it: "chi ha l'Assegno di Ricollocazione può ricevere solo servizi di formazione", en: 'an Assegno di Ricollocazione holder may receive training services only' }]
      : [],
};

/**
 * The violations of a network's plans against its measure, one per rule and message, naming how
 * many recipients break it and their enrolments' ids.
 */
export function evaluatePlanRules(plans: EnrolmentPlan[], types: PlanServiceType[], params: PlanParameters): RuleViolation[] {
  const byId = new Map(types.map((t) => [t.id, t]));
  const type = (id: string) => byId.get(id)!;
  return PLAN_RULES.filter((rule) => params.rules.includes(rule)).flatMap((rule) => {
    const found = new Map<string, { en: string; ids: string[] }>();
    for (const plan of plans) {
      for (const { it, en } of PLAN_CHECKS[rule](plan, type, params)) {
        const entry = found.get(it) ?? { en, ids: [] };
        if (!entry.ids.includes(plan.id)) entry.ids.push(plan.id);
        found.set(it, entry);
      }
    }
    return [...found].map(([it, { en, ids }]) => ({
      rule,
      message: `${ids.length === 1 ? '1 destinatario' : `${ids.length} destinatari`}: ${it}.`,
      messageEn: `${ids.length} recipient(s): ${en}.`,
      ids,
      field: 'recipientEnrolments',
      from: null,
    }));
  });
}
