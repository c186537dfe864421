import { formatItalianDate, parseItalianDate } from '../../server/src/common/dates';
import { formatAmount as serverAmount } from '../../server/src/common/money';
import { formatAmount, formatEuro, formatNumber, parseAmount, parseNumber } from '../../admin/src/common/format';

describe('dates typed gg/mm/aaaa', () => {
  test.each([
    ['28/02/2021', '2021-02-28'],
    ['28022021', '2021-02-28'],
    ['1/3/2021', '2021-03-01'],
    ['28.02.2021', '2021-02-28'],
    ['28-02-2021', '2021-02-28'],
    ['2021-02-28', '2021-02-28'],
    [' 29/02/2024 ', '2024-02-29'],
  ])('%p is %s', (typed, iso) => expect(parseItalianDate(typed)).toBe(iso));

  test.each(['280220221', '28/02/22021', '28/02/21', '29/02/2021', '31/04/2021', '00/01/2021', '2021-02-30', 'ieri', ''])('%p is no date', (typed) =>
    expect(parseItalianDate(typed)).toBeUndefined(),
  );

  test('an ISO date reads dd/mm/yyyy and back', () => {
    expect(formatItalianDate('2021-03-15')).toBe('15/03/2021');
    expect(parseItalianDate(formatItalianDate('2021-03-15'))).toBe('2021-03-15');
  });
});

describe('numbers typed the reader’s way', () => {
  test.each([
    ['1.200', 1200],
    ['1.200,50', 1200.5],
    ['1200', 1200],
    ['1200,5', 1200.5],
    ['12.345.678', 12345678],
    ['0', 0],
  ])('Italian %p is %d', (typed, value) => expect(parseNumber(typed)).toBe(value));

  test.each(['1.2', '1.20', '12.34.567', '1,2,3', 'mille', ''])('Italian %p is no number', (typed) => expect(parseNumber(typed)).toBeUndefined());

  test('English groups with commas and points decimals', () => {
    expect(parseNumber('1,200', 'en')).toBe(1200);
    expect(parseNumber('1,200.5', 'en')).toBe(1200.5);
    expect(formatNumber(1200, 'en')).toBe('1,200');
    expect(formatNumber(1200.5)).toBe('1.200,5');
  });
});

describe('money in English mode', () => {
  test('shown and read with English separators', () => {
    expect(formatEuro('70000.5', 'en')).toBe('€70,000.50');
    expect(formatAmount('1234567.5', 'en')).toBe('1,234,567.50');
    expect(parseAmount('70,000.50', 'en')).toBe('70000.50');
    expect(parseAmount('70.000,50', 'en')).toBeUndefined();
  });

  test('the server writes the same as the console', () => {
    for (const amount of ['0', '999.99', '1234567.5', '70000', '-5.5', '-1234.56']) {
      expect(serverAmount(amount)).toBe(formatAmount(amount));
      expect(serverAmount(amount, 'en')).toBe(formatAmount(amount, 'en'));
    }
  });
});
