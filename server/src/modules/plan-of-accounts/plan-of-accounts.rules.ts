import { formatEuro, formatEuroEn, fromCents, sumCents, toCents } from '../../common/money';
import { RuleCode } from '../measure/measure.entity';
import type { RuleViolation } from '../network/network.rules';

export interface AccountsInput {
  lines: { serviceTypeId: string; plannedAmount: string }[];
  /** Delivered services, with their type's payment and whether the recipient reached a business start. */
  delivered: { serviceTypeId: string; amount: string; conditional: boolean; resultReached: boolean }[];
  allocations: { amount: string; status: 'COMMITTED' | 'REVOKED' }[];
  tierMaximum: string | null;
  /** The measure's conditional share, e.g. "0.30". */
  conditionalShare: string | null;
}

/** A share ("0.3000") of an amount in cents, rounded half up to the cent. */
export function shareOf(cents: bigint, share: string): bigint {
  const [units, decimals = ''] = share.split('.');
  const tenThousandths = BigInt(units) * 10000n + BigInt((decimals + '0000').slice(0, 4));
  return (cents * tenThousandths + 5000n) / 10000n;
}

export function summariseAccounts(input: AccountsInput) {
  const types = [...new Set([...input.lines.map((l) => l.serviceTypeId), ...input.delivered.map((d) => d.serviceTypeId)])];
  const pending = input.delivered.filter((d) => d.conditional && !d.resultReached).map((d) => toCents(d.amount));
  return {
    total: fromCents(sumCents(input.lines.map((l) => l.plannedAmount))),
    tierMaximum: input.tierMaximum,
    committed: fromCents(sumCents(input.allocations.filter((a) => a.status === 'COMMITTED').map((a) => a.amount))),
    delivered: fromCents(sumCents(input.delivered.map((d) => d.amount))),
    conditionalPending: fromCents(input.conditionalShare === null ? 0n : pending.reduce((total, cents) => total + shareOf(cents, input.conditionalShare!), 0n)),
    lines: types.map((serviceTypeId) => ({
      serviceTypeId,
      planned: fromCents(sumCents(input.lines.filter((l) => l.serviceTypeId === serviceTypeId).map((l) => l.plannedAmount))),
      delivered: fromCents(sumCents(input.delivered.filter((d) => d.serviceTypeId === serviceTypeId).map((d) => d.amount))),
    })),
  };
}

/** PLAN_OF_ACCOUNTS: a plan exists, fits the funding tier, and covers what is committed and delivered. */
export function planOfAccountsViolations(summary: ReturnType<typeof summariseAccounts>): RuleViolation[] {
  const rule = RuleCode.PLAN_OF_ACCOUNTS;
  if (!summary.lines.some((l) => toCents(l.planned) > 0n)) {
    return [{ rule, message: 'Il progetto deve definire il piano dei conti.', messageEn: 'The project must define its plan of accounts.', ids: [], field: 'accountLines', from: null }];
  }
  const out: RuleViolation[] = [];
  const total = toCents(summary.total);
  if (summary.tierMaximum !== null && total > toCents(summary.tierMaximum)) {
    out.push({ rule, message: `Il piano dei conti (${formatEuro(summary.total)}) supera il contributo massimo della fascia (${formatEuro(summary.tierMaximum)}).`, messageEn: `The plan of accounts (${formatEuroEn(summary.total)}) exceeds the tier maximum (${formatEuroEn(summary.tierMaximum)}).`, ids: [], field: 'accountLines', from: null });
  }
  if (toCents(summary.committed) > total) {
    out.push({ rule, message: `Le assegnazioni impegnate (${formatEuro(summary.committed)}) superano il piano dei conti (${formatEuro(summary.total)}).`, messageEn: `Committed allocations (${formatEuroEn(summary.committed)}) exceed the plan of accounts (${formatEuroEn(summary.total)}).`, ids: [], field: 'accountLines', from: null });
  }
  if (toCents(summary.delivered) > total) {
    out.push({ rule, message: `I servizi erogati (${formatEuro(summary.delivered)}) superano il piano dei conti (${formatEuro(summary.total)}).`, messageEn: `Delivered services (${formatEuroEn(summary.delivered)}) exceed the plan of accounts (${formatEuroEn(summary.total)}).`, ids: [], field: 'accountLines', from: null });
  }
  return out;
}
