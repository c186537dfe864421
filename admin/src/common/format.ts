/**
 * Italian formats, done by hand where Intl falls short: it-IT leaves 4-digit numbers ungrouped
 * (2000 rather than 2.000), and money must never pass through a float.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const API_MONEY = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

const groupThousands = (units: string) => units.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** "70000.5" → "70.000,50": thousands always grouped. */
export function formatAmount(amount: string): string {
  const match = DECIMAL.exec(amount);
  if (!match) return amount;
  const [, sign, units, decimals = ''] = match;
  return `${sign}${groupThousands(units)},${decimals.padEnd(2, '0')}`;
}

/** "70000.00" → "€ 70.000,00". */
export const formatEuro = (amount: string): string => (DECIMAL.test(amount) ? `€ ${formatAmount(amount)}` : amount);

/**
 * What a person types ("70.000,50", "70000,5", "70000.50") as the API's decimal string
 * ("70000.50"), or undefined when it is not an amount.
 */
export function parseAmount(text: string): string | undefined {
  const compact = text.replace(/[\s€]/g, '');
  const decimal = compact.includes(',') || /^\d{1,3}(\.\d{3})+$/.test(compact) ? compact.replace(/\./g, '').replace(',', '.') : compact;
  return API_MONEY.test(decimal) ? decimal : undefined;
}

/** "2023-01-16" → "16/01/2023", without going through a time zone. */
export function formatLocalDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return day && month && year ? `${day}/${month}/${year}` : isoDate;
}

const DATE_TIME = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium' });

/** An instant in the reader's time zone: "16/01/23, 10:15:30". */
export const formatDateTime = (instant: string): string => DATE_TIME.format(new Date(instant));
