import { csvField, csvLine, neutraliseFormulas, restoreFormulas } from '../../server/src/common/csv';
import { csvText } from '../../server/src/modules/export/export.service';

/** The one CSV writer (server/src/common/csv.ts) of the exports, the open data and the console's workspace. */

test.each(['=1+1', '+39 02 123', '-2+3', '@SUM(A1)', '\t=1', '\r=1', "'=1"])('%p starts with an apostrophe', (value) => expect(neutraliseFormulas(value)).toBe(`'${value}`));
test.each(['Cooperativa = Lavoro', 'Alfa', '3-2', 'Acme, s.r.l.', 'Rossi;Bianchi'])('%p stays as it is', (value) => expect(neutraliseFormulas(value)).toBe(value));

test('a formula after a separator inside a cell is neutralised too, for programs that split lines without reading quotes', () => {
  expect(neutraliseFormulas('Acme,=1+2')).toBe("Acme,'=1+2");
  expect(neutraliseFormulas('Acme; +39 02 123')).toBe("Acme; '+39 02 123");
  expect(neutraliseFormulas('a\n@SUM(1)\t-2')).toBe("a\n'@SUM(1)\t'-2");
  expect(neutraliseFormulas('=x,=y')).toBe("'=x,'=y");
});

test('an import reads back exactly what was exported', () => {
  for (const value of ['=1+1', "'=1", "''+2", 'Acme,=1+2', "Acme,'=1+2", 'a\n@b; -c', '\t=1', 'Alfa', "l'=", 'x, y']) {
    expect(restoreFormulas(neutraliseFormulas(value))).toBe(value);
  }
});

test('a cell holding either locale\'s separator, a quote, a tab or a line break is quoted', () => {
  expect(csvField('Acme,=1+2')).toBe('"Acme,=1+2"');
  expect(csvLine(['a;b', 'say "hi"', 'two\nlines', 'tab\there', 'plain'])).toBe('"a;b";"say ""hi""";"two\nlines";"tab\there";plain\r\n');
  // Amounts in both locales hold a comma.
  expect(csvLine([csvText({ kind: 'money', value: '1234.5' }, 'en'), csvText({ kind: 'money', value: '1234.5' }, 'it'), csvText({ kind: 'money', value: '12.5' }, 'en')])).toBe('"1,234.50";"1.234,50";12.50\r\n');
  expect(csvText({ kind: 'money', value: '-5.5' }, 'it')).toBe('-5,50');
  expect(csvText({ kind: 'date', value: '2022-09-15' }, 'en')).toBe('15/09/2022');
  expect(csvText({ kind: 'int', value: 1200 }, 'it')).toBe('1200');
  expect(csvText({ kind: 'text', value: null }, 'it')).toBe('');
  expect(csvText({ kind: 'text', value: 'Acme,=1+2' }, 'en')).toBe("Acme,'=1+2");
});
