import { performance } from 'node:perf_hooks';
import { validate } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { parseItalianDate } from '../../common/dates';
import { restoreFormulas } from '../../common/csv';
import { badInput, DomainError, ErrorCode } from '../../common/errors';
import { ImportRowError } from './import.entity';

/** What every kind of CSV import shares: reading the file, finding its columns, reading cells. */

export const MAX_IMPORT_ROWS = 20_000;

/**
 * A column of the file: the headers it goes by, most telling first (the first is the template's;
 * the screen's labels, which exports use, are among them) and how it becomes an input field.
 */
export interface CsvColumn<L = unknown> {
  headers: string[];
  field: string;
  convert?: (value: string, lookups: L) => unknown;
}

/** A cell the converter cannot read; its code and message become the row's error. */
export class CellError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export const integer = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : value);
export const date = (value: string) => {
  const iso = parseItalianDate(value);
  if (!iso) throw new CellError('isoDate', `Data non valida: ${value} (formato GG/MM/AAAA)`);
  return iso;
};
/** A value of an enum by its code or by its Italian or English label, as exports write it. */
export const oneOf = (allowed: Record<string, string>, labels: Record<string, string>[]) => (value: string) => {
  const wanted = value.trim().toUpperCase();
  const code = Object.values(allowed).find((c) => c === wanted || labels.some((l) => l[c]?.toUpperCase() === wanted));
  if (!code) throw new CellError('isEnum', `Valori ammessi: ${Object.values(labels[0]).join(', ')}`);
  return code;
};
export const headerKey = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

export interface CsvRow {
  cells: string[];
  /** The line of the file the record starts on, the header being line 1. */
  line: number;
}

/** What a row may take on average: a file larger than its kind's rows allow is refused unread. */
export const MAX_BYTES_PER_ROW = 512;
/** A file over its kind's limits, refused as a whole: `limit` says which, `max` its value. */
const tooManyRows = (maxRows: number) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `Al massimo ${maxRows} righe per file`, { field: 'csv', limit: 'rows', max: maxRows, messageEn: `At most ${maxRows} rows per file` });
const tooManyBytes = (maxRows: number, maxBytes: number) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `Il file supera ${maxBytes} byte, il massimo per ${maxRows} righe`, {
    field: 'csv',
    limit: 'bytes',
    max: maxBytes,
    messageEn: `The file is larger than ${maxBytes} bytes, the most for ${maxRows} rows`,
  });

/**
 * Gives way to other requests in a long loop: `await slice()` after each step waits for the event
 * loop's next turn once `budgetMs` have passed since the last time it did, so no request waits
 * behind an import for more than a few milliseconds.
 */
export function timeSlices(budgetMs = 4): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return undefined;
    return new Promise((resolve) => setImmediate(() => {
      since = performance.now();
      resolve();
    }));
  };
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const notCsv = (problem: string, problemEn: string, line: number) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, `Il file non è un CSV valido: ${problem} (riga ${line})`, { field: 'csv', line, messageEn: `The file is not valid CSV: ${problemEn} (line ${line})` });

/**
 * The records of a CSV text one at a time, each with the line it starts on: cells separated by
 * `delimiter`, records by LF, CRLF or CR; a cell in double quotes may hold the delimiter, line
 * breaks and doubled quotes; unquoted cells are trimmed, a quote inside one is kept as it is;
 * blank lines are skipped. (csv-parse, used before, builds an Error with a stack trace for every
 * record whose length differs from the header's: seconds for a file of short rows.)
 */
export function* csvRecords(text: string, delimiter: string): Generator<CsvRow> {
  const separator = delimiter.charCodeAt(0);
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let quoted = false;
    for (;;) {
      let j = i;
      while (j < n && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
      if (text.charCodeAt(j) === QUOTE) {
        quoted = true;
        let value = '';
        for (j += 1; ; ) {
          const close = text.indexOf('"', j);
          if (close < 0) throw notCsv('virgolette non chiuse', 'a quote is not closed', start);
          value += text.slice(j, close);
          j = close + 1;
          if (text.charCodeAt(j) !== QUOTE) break;
          value += '"';
          j += 1;
        }
        line += (value.match(/\r\n?|\n/g) ?? []).length;
        while (j < n && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
        const next = text.charCodeAt(j);
        if (j < n && next !== separator && next !== CR && next !== LF) throw notCsv('testo dopo le virgolette di chiusura', 'text after a closing quote', line);
        cells.push(value);
        i = j;
      } else {
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === separator || c === CR || c === LF) break;
          k += 1;
        }
        cells.push(text.slice(j, k).trim());
        i = k;
      }
      if (i < n && text.charCodeAt(i) === separator) {
        i += 1;
        continue;
      }
      if (text.charCodeAt(i) === CR) i += 1;
      if (text.charCodeAt(i) === LF) i += 1;
      line += 1;
      break;
    }
    if (quoted || cells.length > 1 || cells[0] !== '') yield { cells, line: start };
  }
}

/**
 * The header keys and the data rows of a CSV file (";" or "," separated, with or without a BOM),
 * of at most `maxRows` rows. A file over `maxRows` × MAX_BYTES_PER_ROW bytes is refused before it
 * is read, and one with more rows as soon as row `maxRows` + 1 is read; reading gives way to
 * other requests every few milliseconds.
 */
export async function readCsv(csv: string, maxRows = MAX_IMPORT_ROWS): Promise<{ keys: string[]; rows: CsvRow[] }> {
  const maxBytes = maxRows * MAX_BYTES_PER_ROW;
  // Every character takes one to three bytes (four for a surrogate pair's two).
  if (csv.length > maxBytes || (csv.length * 3 > maxBytes && Buffer.byteLength(csv) > maxBytes)) throw tooManyBytes(maxRows, maxBytes);
  const newline = csv.indexOf('\n');
  const firstLine = newline < 0 ? csv : csv.slice(0, newline);
  const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
  const slice = timeSlices();
  let keys: string[] | undefined;
  const rows: CsvRow[] = [];
  for (const record of csvRecords(csv, delimiter)) {
    if (!keys) keys = record.cells.map(headerKey);
    else if (rows.push(record) > maxRows) throw tooManyRows(maxRows);
    await slice();
  }
  return { keys: keys ?? [], rows };
}

/**
 * Where each column is in the file, -1 when it is not, after checking that the `required` fields'
 * columns are there. A file may carry a column twice, as code and as name (an export does): the
 * first header listed wins.
 */
export function columnPositions(columns: CsvColumn<never>[], keys: string[], required: string[]): number[] {
  const positions = columns.map((column) => column.headers.map((h) => keys.indexOf(h)).find((i) => i >= 0) ?? -1);
  const missing = columns.filter((c, i) => positions[i] < 0 && required.includes(c.field));
  if (missing.length) throw badInput('csv', `Missing columns: ${missing.map((c) => c.headers[0]).join(', ')}`);
  return positions;
}

/**
 * One row's cells converted into an input's fields (empty cells left out), and what could not be
 * read, one error per column.
 */
export function convertRow<L>(columns: CsvColumn<L>[], positions: number[], { cells, line }: CsvRow, lookups: L): { input: Record<string, unknown>; errors: ImportRowError[] } {
  const input: Record<string, unknown> = {};
  const errors: ImportRowError[] = [];
  columns.forEach((column, i) => {
    const raw = restoreFormulas(positions[i] >= 0 ? (cells[positions[i]] ?? '') : '');
    if (raw === '') return;
    if (raw.includes('\u0000')) {
      errors.push({ line, field: column.field, code: 'noNul', message: 'Carattere NUL non ammesso' });
      return;
    }
    try {
      input[column.field] = column.convert ? column.convert(raw, lookups) : raw;
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      errors.push({ line, field: column.field, code: error.code, message: error.message });
    }
  });
  return { input, errors };
}

/** The input's class-validator constraints the row breaks, one error per field. */
export async function inputErrors(input: new () => object, values: Record<string, unknown>, line: number): Promise<ImportRowError[]> {
  return (await validate(Object.assign(new input(), values), { forbidUnknownValues: false })).map((error) => {
    const [code, message] = Object.entries(error.constraints ?? {})[0] ?? ['invalid', 'Valore non valido'];
    return { line, field: error.property, code, message };
  });
}

/** The defaults the GraphQL input declares, so an import fills in what the API would. */
export function defaultsOf(input: Function): Record<string, unknown> {
  return Object.fromEntries(
    getMetadataStorage()
      .fields.filter((f) => f.target === input && f.typeOptions.defaultValue !== undefined)
      .map((f) => [f.name, f.typeOptions.defaultValue]),
  );
}
