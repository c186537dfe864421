import { formatEuro, formatEuroEn, toCents } from '../../common/money';
import { RuleCode } from '../measure/measure.entity';
import type { RuleViolation } from '../network/network.rules';

export interface FundCheck {
  measure: { code: string; rules: RuleCode[] };
  source: { id: string; code: string; measureCodes: string[]; reducedHoursOnly: boolean };
  /** The source to draw on first, with what it still has available across tenants. */
  drawnAfter: { id: string; code: string; available: string } | null;
  amount: string;
  /** The network's recipients whose hours were cut by more than 30 %. */
  recipientsOverThreshold: number;
}

/** Why a committed allocation may not come from this source (seed 003), for the measure's fund rules. */
export function fundViolations(c: FundCheck): RuleViolation[] {
  const applies = (rule: RuleCode) => c.measure.rules.includes(rule);
  const out: RuleViolation[] = [];
  if (applies(RuleCode.FUND_MEASURES) && c.source.measureCodes.length && !c.source.measureCodes.includes(c.measure.code)) {
    out.push({ rule: RuleCode.FUND_MEASURES, message: `La fonte ${c.source.code} non può finanziare la misura ${c.measure.code}.`, messageEn: `Fund source ${c.source.code} may not pay measure ${c.measure.code}.`, ids: [c.source.id], field: 'allocations', from: null });
  }
  if (applies(RuleCode.FUND_ORDER) && c.drawnAfter && toCents(c.drawnAfter.available) >= toCents(c.amount)) {
    out.push({
      rule: RuleCode.FUND_ORDER,
      message: `Vanno usate in prima istanza le risorse della fonte ${c.drawnAfter.code}, che ha ancora ${formatEuro(c.drawnAfter.available)} disponibili.`,
      messageEn: `Fund source ${c.drawnAfter.code} comes first and still has ${formatEuroEn(c.drawnAfter.available)} available.`,
      ids: [c.drawnAfter.id], field: 'allocations', from: null,
    });
  }
  if (applies(RuleCode.FUND_RECIPIENTS) && c.source.reducedHoursOnly && c.recipientsOverThreshold === 0) {
    out.push({
      rule: RuleCode.FUND_RECIPIENTS,
      message: `La fonte ${c.source.code} è riservata ai lavoratori con una riduzione d'orario superiore al 30%: la rete non ne ha iscritti.`,
      messageEn: `Fund source ${c.source.code} is for workers whose hours were cut by more than 30 %; the network has none enrolled.`,
      ids: [c.source.id], field: 'allocations', from: null,
    });
  }
  return out;
}
