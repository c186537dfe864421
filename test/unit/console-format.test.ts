import { formatAmount, formatEuro, formatLocalDate, parseAmount } from '../../admin/src/common/format';

describe("the console's Italian formats", () => {
  test.each([
    ['70000.00', '€ 70.000,00'],
    ['2000', '€ 2.000,00'],
    ['1835.5', '€ 1.835,50'],
    ['4381148.00', '€ 4.381.148,00'],
    ['999.99', '€ 999,99'],
    ['0', '€ 0,00'],
  ])('money %s reads %s, thousands always grouped', (amount, shown) => {
    expect(formatEuro(amount)).toBe(shown);
  });

  test.each([
    ['70.000,50', '70000.50'],
    ['70000,5', '70000.5'],
    ['70000.50', '70000.50'],
    ['€ 2.000', '2000'],
    ['1.835,00', '1835.00'],
  ])('typed %s is sent as %s', (typed, sent) => {
    expect(parseAmount(typed)).toBe(sent);
  });

  test.each(['', 'abc', '1,234,5', '-5', '12.3456'])('%p is not an amount', (typed) => {
    expect(parseAmount(typed)).toBeUndefined();
  });

  test('what is typed comes back in full Italian form', () => {
    expect(formatAmount(parseAmount('70000,5')!)).toBe('70.000,50');
  });

  test('a calendar date reads day/month/year whatever the time zone', () => {
    expect(formatLocalDate('2023-01-16')).toBe('16/01/2023');
  });
});
