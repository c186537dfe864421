/**
 * Italian formats, done by hand where Intl falls short: it-IT leaves 4-digit numbers ungrouped
 * (2000 rather than 2.000), and money must never pass through a float.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
const API_MONEY = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

export type Locale = 'it' | 'en';

const SEPARATORS: Record<Locale, { group: string; point: string }> = { it: { group: '.', point: ',' }, en: { group: ',', point: '.' } };

const groupThousands = (units: string, group = '.') => units.replace(/\B(?=(\d{3})+(?!\d))/g, group);

/** "70000.5" → "70.000,50" (or "70,000.50" in English): thousands always grouped. */
export function formatAmount(amount: string, locale: Locale = 'it'): string {
  const match = DECIMAL.exec(amount);
  if (!match) return amount;
  const [, sign, units, decimals = ''] = match;
  const { group, point } = SEPARATORS[locale];
  return `${sign}${groupThousands(units, group)}${point}${decimals.padEnd(2, '0')}`;
}

/** "70000.00" → "€ 70.000,00", or "€70,000.00" in English. */
export const formatEuro = (amount: string, locale: Locale = 'it'): string =>
  DECIMAL.test(amount) ? `€${locale === 'it' ? ' ' : ''}${formatAmount(amount, locale)}` : amount;

/** Typed text with the locale's separators as plain digits with a decimal point: "1.200,50" → "1200.50". */
function canonicalNumber(text: string, locale: Locale): string {
  const compact = text.replace(/[\s€]/g, '');
  const { group, point } = SEPARATORS[locale];
  const grouped = new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${point}\\d*)?$`);
  if (grouped.test(compact) || compact.includes(point)) return compact.split(group).join('').replace(point, '.');
  return compact;
}

/**
 * What a person types ("70.000,50", "70000,5", "70000.50") as the API's decimal string
 * ("70000.50"), or undefined when it is not an amount.
 */
export function parseAmount(text: string, locale: Locale = 'it'): string | undefined {
  const decimal = canonicalNumber(text, locale);
  return API_MONEY.test(decimal) ? decimal : undefined;
}

/** A number typed the Italian way: "1.200" is twelve hundred, "1.200,50" and "1200,5" work too. */
export function parseNumber(text: string, locale: Locale = 'it'): number | undefined {
  // "1.2" is no Italian number: the dot only groups thousands.
  const { group, point } = SEPARATORS[locale];
  const compact = text.trim();
  if (compact.includes(group) && !new RegExp(`^-?\\d{1,3}(\\${group}\\d{3})+(\\${point}\\d*)?$`).test(compact)) return undefined;
  const decimal = canonicalNumber(text, locale);
  return /^-?\d+(\.\d+)?$/.test(decimal) ? Number(decimal) : undefined;
}

/** 1200 → "1.200", 1200.5 → "1.200,5" (or "1,200.5" in English). */
export function formatNumber(value: number, locale: Locale = 'it'): string {
  const [units, decimals] = String(Math.abs(value)).split('.');
  const { group, point } = SEPARATORS[locale];
  return `${value < 0 ? '-' : ''}${groupThousands(units, group)}${decimals ? `${point}${decimals}` : ''}`;
}

/** "2023-01-16" → "16/01/2023", without going through a time zone. */
export function formatLocalDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return day && month && year ? `${day}/${month}/${year}` : isoDate;
}

const DATE_TIME = new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'medium' });

/** An instant in the reader's time zone: "16/01/23, 10:15:30". */
export const formatDateTime = (instant: string): string => DATE_TIME.format(new Date(instant));
