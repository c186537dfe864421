/** Exact money: decimal strings in, integer cents for arithmetic, decimal strings out. Never floats. */
export function toCents(amount: string): bigint {
  const [units, decimals = ''] = amount.split('.');
  return BigInt(units) * 100n + BigInt((decimals + '00').slice(0, 2));
}

export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function sumCents(amounts: string[]): bigint {
  return amounts.reduce((total, amount) => total + toCents(amount), 0n);
}

const grouped = (units: string, separator: string) => units.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** Italian format, thousands always grouped: "€ 2.000,00", "€ 70.000,00". */
export function formatEuro(amount: string): string {
  const [units, decimals] = fromCents(toCents(amount)).split('.');
  return `€ ${grouped(units, '.')},${decimals}`;
}

/** English format: "€2,000.00". */
export function formatEuroEn(amount: string): string {
  const [units, decimals] = fromCents(toCents(amount)).split('.');
  return `€${grouped(units, ',')}.${decimals}`;
}
