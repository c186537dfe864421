import { formatEuro as formatEuroIn, Locale } from '../common/format';
import { i18nProvider } from '../providers/i18nProvider';

/** An amount in the reader's money format. */
export const formatEuro = (amount: string) => formatEuroIn(amount, i18nProvider.getLocale() as Locale);

/**
 * Charts need numbers to draw bars; the amounts they show come from the API's exact strings.
 * Euro amounts of this size are exact as doubles to the cent, so the tooltip rounds back safely.
 */
export const amountToNumber = (amount: string) => Number(amount);

export const euroTick = (value: number) => formatEuro(value.toFixed(2)).replace(/[,.]00$/, '');

export const euroTooltip = (value: unknown) => formatEuro(Number(value).toFixed(2));
