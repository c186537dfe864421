import { formatEuro } from '../common/format';

/**
 * Charts need numbers to draw bars; the amounts they show come from the API's exact strings.
 * Euro amounts of this size are exact as doubles to the cent, so the tooltip rounds back safely.
 */
export const amountToNumber = (amount: string) => Number(amount);

export const euroTick = (value: number) => formatEuro(value.toFixed(2)).replace(/,00$/, '');

export const euroTooltip = (value: unknown) => formatEuro(Number(value).toFixed(2));
