import { formatEuro, formatEuroEn, toCents } from '../../common/money';
import { RuleCode } from '../measure/measure.entity';
import type { RuleViolation } from '../network/network.rules';

export interface FundCheck {
  measure: { code: string; name: string; rules: RuleCode[] };
  source: { id: string; code: string; name: string; measureCodes: string[]; reducedHoursOnly: boolean };
  /** The source to draw on first, with what it still has available across tenants. */
  drawnAfter: { id: string; code: string; name: string; available: string } | null;
  amount: string;
  /** The network's recipients whose hours were cut by more than 30 %. */
  recipientsOverThreshold: number;
}

/** Why a committed allocation may not come from this source (seed 003), for the measure's fund rules: named as on screen, with what to do instead. */
export function fundViolations(c: FundCheck): RuleViolation[] {
  const applies = (rule: RuleCode) => c.measure.rules.includes(rule);
  const out: RuleViolation[] = [];
  if (applies(RuleCode.FUND_MEASURES) && c.source.measureCodes.length && !c.source.measureCodes.includes(c.measure.code)) {
    out.push({ rule: RuleCode.FUND_MEASURES, message: `La fonte «${c.source.name}» non finanzia la misura «${c.measure.name}»: scegli una fonte che la finanzi.`, messageEn: `Fund source «${c.source.name}» does not pay measure «${c.measure.name}»: choose a source that pays it.`, ids: [c.source.id], field: 'allocations', from: null });
  }
  if (applies(RuleCode.FUND_ORDER) && c.drawnAfter && toCents(c.drawnAfter.available) >= toCents(c.amount)) {
    out.push({
      rule: RuleCode.FUND_ORDER,
      message: `Vanno usate prima le risorse della fonte «${c.drawnAfter.name}», che ha ancora ${formatEuro(c.drawnAfter.available)} disponibili: assegna da quella fonte.`,
      messageEn: `Fund source «${c.drawnAfter.name}» comes first and still has ${formatEuroEn(c.drawnAfter.available)} available: allocate from that source.`,
      ids: [c.drawnAfter.id], field: 'allocations', from: null,
    });
  }
  if (applies(RuleCode.FUND_RECIPIENTS) && c.source.reducedHoursOnly && c.recipientsOverThreshold === 0) {
    out.push({
      rule: RuleCode.FUND_RECIPIENTS,
      message: `La fonte «${c.source.name}» è riservata ai lavoratori con una riduzione d'orario superiore al 30% e la rete non ne ha iscritti: iscrivili prima, o scegli un'altra fonte.`,
      messageEn: `Fund source «${c.source.name}» is for workers whose hours were cut by more than 30 %, and the network has none enrolled: enrol them first, or choose another source.`,
      ids: [c.source.id], field: 'allocations', from: null,
    });
  }
  return out;
}
