import { parse } from 'csv-parse/sync';
import { validate } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { parseItalianDate } from '../../common/dates';
import { badInput } from '../../common/errors';
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

/** An export puts an apostrophe before a cell that would start a formula; reading it back drops it. */
const unneutralised = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

export interface CsvRow {
  cells: string[];
  /** The record's line in the file, the header being line 1. */
  line: number;
}

/** The header keys and the data rows of a CSV file (";" or "," separated, with or without a BOM), of at most `maxRows` rows. */
export function readCsv(csv: string, maxRows = MAX_IMPORT_ROWS): { keys: string[]; rows: CsvRow[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const firstLine = csv.split('\n', 1)[0];
    const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
    // info gives each record's line in the file, which blank lines and multi-line cells shift.
    records = parse(csv, { delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw badInput('csv', `The file is not valid CSV: ${(error as Error).message}`);
  }
  const rows = records.slice(1).map(({ record, info }) => ({ cells: record, line: info.lines }));
  if (rows.length > maxRows) throw badInput('csv', `At most ${maxRows} rows per file`);
  return { keys: (records[0]?.record ?? []).map(headerKey), rows };
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
    const raw = unneutralised(positions[i] >= 0 ? (cells[positions[i]] ?? '') : '');
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
