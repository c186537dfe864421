const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** Cents of an API amount such as "69999.5", exactly. */
function cents(amount: string): bigint {
  const match = AMOUNT.exec(amount);
  if (!match) throw new Error(`Not an amount: ${amount}`);
  const [, sign, units, decimals = ''] = match;
  const value = BigInt(units) * 100n + BigInt(decimals.padEnd(2, '0'));
  return sign ? -value : value;
}

/** The exact sum of API amounts, as an API amount with two decimals: ["0.10", "0.2"] → "0.30". */
export function sumAmounts(amounts: readonly string[]): string {
  const total = amounts.reduce((sum, amount) => sum + cents(amount), 0n);
  const magnitude = total < 0n ? -total : total;
  return `${total < 0n ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}
