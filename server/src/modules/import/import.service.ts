import { parse } from 'csv-parse/sync';
import { validate } from 'class-validator';
import { EntityManager } from 'typeorm';
import { getMetadataStorage } from 'type-graphql';
import { scopedQuery } from '../../db/scoped-query';
import { Partner } from '../partner/partner.entity';
import { CrisisCompany, CrisisInstrument } from '../crisis-company/crisis-company.entity';
import { isIsoDate } from '../../common/dates';
import { EntityClass, RequestContext } from '../../common/request';
import { badInput } from '../../common/errors';
import { authorizeWrite } from '../../crud/crud.service';
import { normaliseTaxCode } from '../../common/tax-code';
import { CreatePartnerInput } from '../partner/partner.inputs';
import { CreateCrisisCompanyInput } from '../crisis-company/crisis-company.inputs';
import { LOMBARDY_PROVINCES } from '../crisis-company/crisis-company.service';
import { ImportKind, ImportReport, ImportRowError } from './import.entity';

export const MAX_IMPORT_ROWS = 20_000;

type Row = Record<string, string>;
type Lookup = (value: string) => string | undefined;

/** A column of the file: its Italian and English headers (the first is the template's) and how it becomes an input field. */
interface Column {
  headers: string[];
  field: string;
  convert?: (value: string, lookups: Lookups) => unknown;
}

interface Lookups {
  partnerType: Lookup;
  municipality: Lookup;
  /** Production units are in Lombardy (seeds 000, 002). */
  lombardMunicipality: Lookup;
  ateco: Lookup;
}

/** A cell the converter cannot read; its code and message become the row's error. */
class CellError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const YES = new Set(['si', 'sì', 'yes', 'true', '1', 'x']);
const yes = (value: string) => YES.has(value.trim().toLowerCase());
const integer = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : value);
const lookup = (lookupOf: (l: Lookups) => Lookup) => (value: string, lookups: Lookups) => {
  const id = lookupOf(lookups)(value);
  if (!id) throw new CellError('unknownValue', `Valore sconosciuto: ${value}`);
  return id;
};
const date = (value: string) => {
  if (!isIsoDate(value.trim())) throw new CellError('isoDate', `Data non valida: ${value} (formato AAAA-MM-GG)`);
  return value.trim();
};
const oneOf = (allowed: Record<string, string>) => (value: string) => {
  const code = value.trim().toUpperCase();
  if (!Object.values(allowed).includes(code)) throw new CellError('isEnum', `Valori ammessi: ${Object.values(allowed).join(', ')}`);
  return code;
};

const SPECS: Record<ImportKind, { entity: EntityClass; input: new () => object; columns: Column[] }> = {
  PARTNERS: {
    entity: Partner,
    input: CreatePartnerInput,
    columns: [
      { headers: ['ragione_sociale', 'denominazione', 'legalname'], field: 'legalName' },
      { headers: ['codice_fiscale', 'partita_iva', 'taxcode'], field: 'taxCode' },
      { headers: ['tipo', 'tipologia', 'partnertype'], field: 'partnerTypeId', convert: lookup((l) => l.partnerType) },
      { headers: ['comune_istat', 'comune', 'municipality'], field: 'municipalityId', convert: lookup((l) => l.municipality) },
      { headers: ['accreditato_lavoro', 'labouraccredited'], field: 'labourAccredited', convert: yes },
      { headers: ['albo_lavoro', 'labourregisternumber'], field: 'labourRegisterNumber' },
      { headers: ['accreditato_formazione', 'trainingaccredited'], field: 'trainingAccredited', convert: yes },
      { headers: ['albo_formazione', 'trainingregisternumber'], field: 'trainingRegisterNumber' },
      { headers: ['indirizzo', 'address'], field: 'address' },
      { headers: ['email', 'pec'], field: 'email' },
      { headers: ['telefono', 'phone'], field: 'phone' },
    ],
  },
  CRISIS_COMPANIES: {
    entity: CrisisCompany,
    input: CreateCrisisCompanyInput,
    columns: [
      { headers: ['ragione_sociale', 'denominazione', 'name'], field: 'name' },
      { headers: ['codice_fiscale', 'partita_iva', 'taxcode'], field: 'taxCode' },
      { headers: ['ateco', 'codice_ateco', 'ateco_code'], field: 'atecoSectorId', convert: lookup((l) => l.ateco) },
      { headers: ['filiera', 'supplychain'], field: 'supplyChain' },
      {
        headers: ['comune_istat', 'comune', 'municipality'],
        field: 'municipalityId',
        convert: (value, lookups) => {
          if (lookups.municipality(value) && !lookups.lombardMunicipality(value)) throw new CellError('lombardy', `Il comune ${value} non è in Lombardia`);
          return lookup((l) => l.municipality)(value, lookups);
        },
      },
      { headers: ['strumento', 'crisisinstrument'], field: 'crisisInstrument', convert: oneOf(CrisisInstrument) },
      { headers: ['lavoratori_coinvolti', 'workersinvolved'], field: 'workersInvolved', convert: integer },
      { headers: ['esuberi_previsti', 'expectedredundancies'], field: 'expectedRedundancies', convert: integer },
      { headers: ['data_accordo', 'unionagreementon'], field: 'unionAgreementOn', convert: date },
    ],
  },
};

const headerKey = (header: string) => header.trim().toLowerCase().replace(/[\s-]+/g, '_');

async function referenceLookups(manager: EntityManager): Promise<Lookups> {
  const map = async (sql: string, params: unknown[] = []) => {
    const entries = new Map<string, string>();
    for (const row of (await manager.query(sql, params)) as { id: string; keys: string[] }[]) {
      for (const key of row.keys) if (key) entries.set(key.toLowerCase(), row.id);
    }
    return (value: string) => entries.get(value.trim().toLowerCase());
  };
  const [partnerType, municipality, lombardMunicipality, ateco] = await Promise.all([
    map('SELECT id, ARRAY[code, name] AS keys FROM partner_types'),
    map('SELECT id, ARRAY[istat_code, name] AS keys FROM municipalities'),
    map('SELECT id, ARRAY[istat_code, name] AS keys FROM municipalities WHERE left(istat_code, 3) = ANY($1)', [LOMBARDY_PROVINCES]),
    map(`SELECT id, ARRAY[code] AS keys FROM ateco_sectors WHERE ateco_version = '2007'`),
  ]);
  return { partnerType, municipality, lombardMunicipality, ateco };
}

/** The template's header line for a kind of import. */
export function importColumns(kind: ImportKind): string[] {
  return SPECS[kind].columns.map((column) => column.headers[0]);
}

/**
 * Reads a CSV file of partners or companies in crisis, checks every row as the API would (format,
 * tax code, references, duplicates in the file and in the tenant) and, unless it is a dry run,
 * writes the valid rows in one statement inside one transaction.
 */
export async function importCsv(ctx: RequestContext, kind: ImportKind, csv: string, dryRun: boolean): Promise<ImportReport> {
  authorizeWrite(ctx, 'TENANT');
  const spec = SPECS[kind];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const firstLine = csv.split('\n', 1)[0];
    const delimiter = (firstLine.match(/;/g) ?? []).length > (firstLine.match(/,/g) ?? []).length ? ';' : ',';
    // info gives each record's line in the file, which blank lines and multi-line cells shift.
    records = parse(csv, { delimiter, bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw badInput('csv', `The file is not valid CSV: ${(error as Error).message}`);
  }
  const header = records[0]?.record ?? [];
  const rows = records.slice(1);
  if (rows.length > MAX_IMPORT_ROWS) throw badInput('csv', `At most ${MAX_IMPORT_ROWS} rows per file`);
  const positions = spec.columns.map((column) => header.findIndex((h) => column.headers.includes(headerKey(h))));
  const missing = spec.columns.filter((c, i) => positions[i] < 0 && ['legalName', 'name', 'taxCode'].includes(c.field));
  if (missing.length) throw badInput('csv', `Missing columns: ${missing.map((c) => c.headers[0]).join(', ')}`);

  return ctx.scope.write(async (manager) => {
    const lookups = await referenceLookups(manager);
    const existing = new Set<string>(
      (await scopedQuery(manager, spec.entity, ctx.principal).select('r.taxCode', 'taxCode').getRawMany()).map((r: { taxCode: string }) => r.taxCode),
    );
    const defaults = defaultsOf(spec.input);
    const seen = new Map<string, number>();
    const errors: ImportRowError[] = [];
    const valid: Row[] = [];
    for (const { record: cells, info } of rows) {
      const line = info.lines;
      const input: Record<string, unknown> = { ...defaults };
      const rowErrors: ImportRowError[] = [];
      spec.columns.forEach((column, i) => {
        const raw = positions[i] >= 0 ? (cells[positions[i]] ?? '') : '';
        if (raw === '') return;
        if (raw.includes('\u0000')) {
          rowErrors.push({ line, field: column.field, code: 'noNul', message: 'Carattere NUL non ammesso' });
          return;
        }
        try {
          input[column.field] = column.convert ? column.convert(raw, lookups) : raw;
        } catch (error) {
          if (!(error instanceof CellError)) throw error;
          rowErrors.push({ line, field: column.field, code: error.code, message: error.message });
        }
      });
      const instance = Object.assign(new spec.input(), input);
      for (const error of await validate(instance, { forbidUnknownValues: false })) {
        const [code, message] = Object.entries(error.constraints ?? {})[0] ?? ['invalid', 'Valore non valido'];
        if (!rowErrors.some((e) => e.field === error.property)) rowErrors.push({ line, field: error.property, code, message });
      }
      const taxCode = typeof input.taxCode === 'string' ? normaliseTaxCode(input.taxCode) : undefined;
      if (taxCode && !rowErrors.some((e) => e.field === 'taxCode')) {
        if (existing.has(taxCode)) rowErrors.push({ line, field: 'taxCode', code: 'alreadyExists', message: `Codice fiscale ${taxCode} già presente` });
        else if (seen.has(taxCode)) rowErrors.push({ line, field: 'taxCode', code: 'repeatedInFile', message: `Codice fiscale ${taxCode} ripetuto (riga ${seen.get(taxCode)})` });
        seen.set(taxCode, seen.get(taxCode) ?? line);
        input.taxCode = taxCode;
      }
      if (rowErrors.length) errors.push(...rowErrors);
      else valid.push(input as Row);
    }
    if (!dryRun && valid.length) await insertRows(manager, kind, ctx.principal.tenantId!, valid);
    return { kind, dryRun, total: rows.length, valid: valid.length, imported: dryRun ? 0 : valid.length, errors };
  });
}

/** The defaults the GraphQL input declares, so an import fills in what the API would. */
function defaultsOf(input: Function): Record<string, unknown> {
  return Object.fromEntries(
    getMetadataStorage()
      .fields.filter((f) => f.target === input && f.typeOptions.defaultValue !== undefined)
      .map((f) => [f.name, f.typeOptions.defaultValue]),
  );
}

async function insertRows(manager: EntityManager, kind: ImportKind, tenantId: string, rows: Row[]): Promise<void> {
  const metadata = manager.connection.getMetadata(SPECS[kind].entity);
  const columns = SPECS[kind].columns.map((c) => metadata.findColumnWithPropertyName(c.field)!);
  await manager.query(
    `INSERT INTO ${metadata.tableName} (tenant_id, ${columns.map((c) => c.databaseName).join(', ')})
     SELECT $1, ${columns.map((c) => `x."${c.propertyName}"`).join(', ')}
     FROM jsonb_to_recordset($2::jsonb) AS x(${columns.map((c) => `"${c.propertyName}" ${c.type as string}`).join(', ')})`,
    [tenantId, JSON.stringify(rows)],
  );
}
