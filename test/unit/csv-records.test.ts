import { csvRecords } from '../../server/src/modules/import/csv';

const read = (text: string, delimiter = ';') => [...csvRecords(text, delimiter)].map((r) => [r.line, ...r.cells]);

test('cells, quotes, line breaks inside quotes, blank lines and the lines records start on', () => {
  const text = '\uFEFFa;b;c\r\n\r\n "x; y" ; "he said ""hi""";  plain  \n"two\nlines";2\r3;"";\n  \nlast';
  expect(read(text)).toEqual([
    [1, 'a', 'b', 'c'],
    [3, 'x; y', 'he said "hi"', 'plain'],
    [4, 'two\nlines', '2'],
    [6, '3', '', ''],
    [8, 'last'],
  ]);
  expect(read('a,b\n1,"2,5"\n', ',')).toEqual([[1, 'a', 'b'], [2, '1', '2,5']]);
  // A quote inside an unquoted cell is kept as it is.
  expect(read('Società "Il Ponte" srl;1')).toEqual([[1, 'Società "Il Ponte" srl', '1']]);
  expect(read('')).toEqual([]);
});

test('an unclosed quote or text after a closing quote is not CSV, with the line it is on', () => {
  expect(() => read('a;b\n1;"open\n\n')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ line: 2 }) }));
  expect(() => read('a;b\n"x"y;2')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ line: 2 }) }));
});
