/**
 * The one CSV writer of the exports, the open data and the console: `;` between cells, CRLF after
 * each line, a BOM before the first so that Excel reads UTF-8. Spreadsheets split lines on the
 * separator of their locale, `;` in Italian and `,` in English, so a cell holding either (an English
 * amount, 1,234.50), a quote, a tab or a line break is quoted whatever the file's separator.
 */

export const CSV_BOM = '\uFEFF';

/**
 * A formula's first character (OWASP, "CSV injection"), after any apostrophes: an exported cell
 * that starts with one gets one more apostrophe, which a spreadsheet shows as text and an import
 * takes off again, so that a value that really starts with `'=` comes back as it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** The same after a separator inside the cell, for a program that splits lines without reading quotes. */
const FORMULA_AFTER_SEPARATOR = /(?<!^)([,;\t\r\n][ \t]*)('*[=+\-@])/g;

/** Text a spreadsheet shows as text: an apostrophe before a formula at the start and after any separator. */
export function neutraliseFormulas(text: string): string {
  const inside = text.replace(FORMULA_AFTER_SEPARATOR, "$1'$2");
  return FORMULA_START.test(inside) ? `'${inside}` : inside;
}

/** The text neutraliseFormulas was given back: what imports read from an exported file. */
export function restoreFormulas(text: string): string {
  const inside = text.replace(/(?<!^)([,;\t\r\n][ \t]*)'('*[=+\-@])/g, '$1$2');
  return /^'+[=+\-@\t\r]/.test(inside) ? inside.slice(1) : inside;
}

const NEEDS_QUOTES = /[;,"\t\r\n]/;

/** One cell as written: in double quotes, with quotes doubled, when it holds a separator, a quote or a line break. */
export const csvField = (cell: string) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** One line of cells already formatted (and, for text, neutralised), `;`-separated, ending in CRLF. */
export const csvLine = (cells: readonly string[]) => `${cells.map(csvField).join(';')}\r\n`;
