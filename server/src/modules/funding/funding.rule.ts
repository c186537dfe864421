import { BatchReads, present } from '../../common/request';
import { formatItalianDate } from '../../common/dates';
import { formatEuro, formatEuroEn, fromCents, sumCents, toCents } from '../../common/money';
import { RuleCode } from '../measure/measure.entity';
import type { Network } from '../network/network.entity';
import { count, finding, plannedTotal, tierFor } from '../network/network.rules';
import { defineNetworkRule, RuleFinding } from '../network/rule-registry';
import { Allocation, FundSource } from './funding.entity';

/** What the money rules look at: the planned recipients, the network's allocations and the fund sources they draw on. */
export interface FundingSnapshot {
  planned: { suspended: number; unemployed: number };
  allocations: { id: string; fundSourceId: string; kind: 'PROCESS' | 'RESULT' | 'VOUCHER'; amount: string; status: 'COMMITTED' | 'REVOKED'; allocatedOn: string }[];
  /** Fund sources this network draws on, with budget, availability and what all tenants together committed. */
  fundSources: { id: string; name: string; budget: string; committed: string; availableFrom: string | null; availableTo: string | null }[];
}

/** Through the loaders; a fund's total across tenants is `fundCommitted`, which a write may prime with the figure it read under the fund's lock. */
export async function fundingSnapshot(network: Network, loaders: BatchReads): Promise<FundingSnapshot> {
  const allocations = await loaders.manyBy(Allocation, 'networkId').load(network.id);
  const sources = present(await loaders.byId(FundSource).loadMany([...new Set(allocations.map((a) => a.fundSourceId))]));
  const committed = await Promise.all(sources.map((s) => loaders.fundCommitted.load(s.id)));
  return {
    planned: { suspended: network.plannedSuspended, unemployed: network.plannedUnemployed },
    allocations: allocations.map((a) => ({ id: a.id, fundSourceId: a.fundSourceId, kind: a.kind, amount: a.amount, status: a.status, allocatedOn: a.allocatedOn })),
    fundSources: sources.map((s, i) => ({ id: s.id, name: s.name, budget: s.budget, committed: committed[i], availableFrom: s.availableFrom, availableTo: s.availableTo })),
  };
}

const committed = (s: Pick<FundingSnapshot, 'allocations'>) => s.allocations.filter((a) => a.status === 'COMMITTED');

function availability(from: string | null, to: string | null): { it: string; en: string } {
  if (from && to) return { it: `dal ${formatItalianDate(from)} al ${formatItalianDate(to)}`, en: `from ${formatItalianDate(from)} to ${formatItalianDate(to)}` };
  return from ? { it: `dal ${formatItalianDate(from)}`, en: `from ${formatItalianDate(from)}` } : { it: `fino al ${formatItalianDate(to!)}`, en: `until ${formatItalianDate(to!)}` };
}

export const TIER_CAP = defineNetworkRule({
  code: RuleCode.TIER_CAP,
  owner: 'funding',
  kind: 'LIMIT',
  reachedBy: ['network', 'allocation'],
  load: fundingSnapshot,
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
  owner: 'funding',
  kind: 'LIMIT',
  everyMeasure: true,
  reachedBy: ['allocation', 'fundSource'],
  load: fundingSnapshot,
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

export const PER_RECIPIENT_CAPS = defineNetworkRule({
  code: RuleCode.PER_RECIPIENT_CAPS,
  owner: 'funding',
  kind: 'FLAG',
  reachedBy: ['network', 'allocation'],
  load: fundingSnapshot,
  evaluate: (s, p) => {
    const out: RuleFinding[] = [];
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
