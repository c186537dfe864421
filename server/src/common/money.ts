/** Exact money: decimal strings in, integer cents for arithmetic, decimal strings out. Never floats. */
export function toCents(amount: string): bigint {
  const negative = amount.startsWith('-');
  const [units, decimals = ''] = (negative ? amount.slice(1) : amount).split('.');
  const cents = BigInt(units) * 100n + BigInt((decimals + '00').slice(0, 2));
  return negative ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function sumCents(amounts: string[]): bigint {
  return amounts.reduce((total, amount) => total + toCents(amount), 0n);
}

/** "70000.5" → "70.000,50" (Italian) or "70,000.50" (English), thousands always grouped. */
export function formatAmount(amount: string, locale: 'it' | 'en' = 'it'): string {
  const [units, decimals] = fromCents(toCents(amount)).split('.');
  const [group, point] = locale === 'it' ? ['.', ','] : [',', '.'];
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${point}${decimals}`;
}

/** Italian format, thousands always grouped: "€ 2.000,00", "€ 70.000,00". */
export const formatEuro = (amount: string): string => `€ ${formatAmount(amount)}`;

/** English format: "€2,000.00". */
export const formatEuroEn = (amount: string): string => `€${formatAmount(amount, 'en')}`;
