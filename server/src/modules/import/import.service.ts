import { EntityManager } from 'typeorm';
import { scopedQuery } from '../../db/scoped-query';
import { Partner } from '../partner/partner.entity';
import { CrisisCompany, CrisisInstrument } from '../crisis-company/crisis-company.entity';
import { ENUM_LABELS, ExportResource, FIELD_LABELS, YES_NO } from '../../common/labels';
import { EntityClass, RequestContext } from '../../common/request';
import { authorizeWrite } from '../../crud/crud.service';
import { normaliseTaxCode } from '../../common/tax-code';
import { CreatePartnerInput } from '../partner/partner.inputs';
import { CreateCrisisCompanyInput } from '../crisis-company/crisis-company.inputs';
import { LOMBARDY_PROVINCES } from '../crisis-company/crisis-company.service';
import { CellError, columnPositions, convertRow, CsvColumn, date, defaultsOf, headerKey, inputErrors, integer, oneOf, readCsv, timeSlices } from './csv';
import { ImportKind, ImportReport, ImportRowError } from './import.entity';
import { importServices, SERVICE_COLUMNS } from './services-import';

type Row = Record<string, string>;
type Lookup = (value: string) => string | undefined;

type Column = CsvColumn<Lookups>;

interface Lookups {
  partnerType: Lookup;
  municipality: Lookup;
  /** Production units are in Lombardy (seeds 000, 002). */
  lombardMunicipality: Lookup;
  ateco: Lookup;
}

const YES = new Set(['si', 'true', '1', 'x', YES_NO.it[0], YES_NO.en[0]]);
const yes = (value: string) => YES.has(value.trim().toLowerCase());
const lookup = (lookupOf: (l: Lookups) => Lookup) => (value: string, lookups: Lookups) => {
  const id = lookupOf(lookups)(value);
  if (!id) throw new CellError('unknownValue', `Valore sconosciuto: ${value}`);
  return id;
};

/** The header keys of a field as the screen names it, in Italian and in English. */
const labelled = (resource: ExportResource, field: string) =>
  [FIELD_LABELS.it, FIELD_LABELS.en].map((labels) => headerKey((labels[resource] as Record<string, string>)[field]));

const SPECS: Record<Exclude<ImportKind, ImportKind.SERVICES>, { entity: EntityClass; input: new () => object; columns: Column[] }> = {
  PARTNERS: {
    entity: Partner,
    input: CreatePartnerInput,
    columns: [
      { headers: ['ragione_sociale', 'denominazione', 'legalname', ...labelled('partners', 'legalName')], field: 'legalName' },
      { headers: ['codice_fiscale', 'partita_iva', 'taxcode', ...labelled('partners', 'taxCode')], field: 'taxCode' },
      {
        headers: ['tipo', ...labelled('partners', 'partnerTypeCode'), 'tipologia', 'partnertype', ...labelled('partners', 'partnerTypeId')],
        field: 'partnerTypeId',
        convert: lookup((l) => l.partnerType),
      },
      {
        headers: ['comune_istat', ...labelled('partners', 'municipalityCode'), 'comune', 'municipality', ...labelled('partners', 'municipalityId')],
        field: 'municipalityId',
        convert: lookup((l) => l.municipality),
      },
      { headers: ['accreditato_lavoro', 'labouraccredited', ...labelled('partners', 'labourAccredited')], field: 'labourAccredited', convert: yes },
      { headers: ['albo_lavoro', 'labourregisternumber', ...labelled('partners', 'labourRegisterNumber')], field: 'labourRegisterNumber' },
      { headers: ['accreditato_formazione', 'trainingaccredited', ...labelled('partners', 'trainingAccredited')], field: 'trainingAccredited', convert: yes },
      { headers: ['albo_formazione', 'trainingregisternumber', ...labelled('partners', 'trainingRegisterNumber')], field: 'trainingRegisterNumber' },
      { headers: ['indirizzo', 'address', ...labelled('partners', 'address')], field: 'address' },
      { headers: ['email', 'pec', ...labelled('partners', 'email')], field: 'email' },
      { headers: ['telefono', 'phone', ...labelled('partners', 'phone')], field: 'phone' },
    ],
  },
  CRISIS_COMPANIES: {
    entity: CrisisCompany,
    input: CreateCrisisCompanyInput,
    columns: [
      { headers: ['ragione_sociale', 'denominazione', 'name', ...labelled('crisisCompanies', 'name')], field: 'name' },
      { headers: ['codice_fiscale', 'partita_iva', 'taxcode', ...labelled('crisisCompanies', 'taxCode')], field: 'taxCode' },
      { headers: ['ateco', 'codice_ateco', 'ateco_code', ...labelled('crisisCompanies', 'atecoSectorId')], field: 'atecoSectorId', convert: lookup((l) => l.ateco) },
      { headers: ['filiera', 'supplychain', ...labelled('crisisCompanies', 'supplyChain')], field: 'supplyChain' },
      {
        headers: ['comune_istat', ...labelled('crisisCompanies', 'municipalityCode'), 'comune', 'municipality', ...labelled('crisisCompanies', 'municipalityId')],
        field: 'municipalityId',
        convert: (value, lookups) => {
          if (lookups.municipality(value) && !lookups.lombardMunicipality(value)) throw new CellError('lombardy', `Il comune ${value} non è in Lombardia`);
          return lookup((l) => l.municipality)(value, lookups);
        },
      },
      {
        headers: ['strumento', 'crisisinstrument', ...labelled('crisisCompanies', 'crisisInstrument')],
        field: 'crisisInstrument',
        convert: oneOf(CrisisInstrument, [ENUM_LABELS.it.CrisisInstrument, ENUM_LABELS.en.CrisisInstrument]),
      },
      { headers: ['lavoratori_coinvolti', 'workersinvolved', ...labelled('crisisCompanies', 'workersInvolved')], field: 'workersInvolved', convert: integer },
      { headers: ['esuberi_previsti', 'expectedredundancies', ...labelled('crisisCompanies', 'expectedRedundancies')], field: 'expectedRedundancies', convert: integer },
      { headers: ['data_accordo', 'unionagreementon', ...labelled('crisisCompanies', 'unionAgreementOn')], field: 'unionAgreementOn', convert: date },
    ],
  },
};

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
  return (kind === ImportKind.SERVICES ? SERVICE_COLUMNS : SPECS[kind].columns).map((column) => column.headers[0]);
}

/**
 * Reads a CSV file of partners or companies in crisis (services: services-import.ts), checks every row as the API would (format,
 * tax code, references, duplicates in the file and in the tenant) and, unless it is a dry run,
 * writes the valid rows in one statement inside one transaction.
 */
export async function importCsv(ctx: RequestContext, kind: ImportKind, csv: string, dryRun: boolean): Promise<ImportReport> {
  authorizeWrite(ctx, 'TENANT');
  if (kind === ImportKind.SERVICES) return importServices(ctx, csv, dryRun);
  const spec = SPECS[kind];
  const { keys, rows } = await readCsv(csv);
  const positions = columnPositions(spec.columns, keys, ['legalName', 'name', 'taxCode']);

  return ctx.scope.write(async (manager) => {
    const lookups = await referenceLookups(manager);
    const existing = new Set<string>(
      (await scopedQuery(manager, spec.entity, ctx.principal).select('r.taxCode', 'taxCode').getRawMany()).map((r: { taxCode: string }) => r.taxCode),
    );
    const defaults = defaultsOf(spec.input);
    const seen = new Map<string, number>();
    const errors: ImportRowError[] = [];
    const valid: Row[] = [];
    const slice = timeSlices();
    for (const row of rows) {
      await slice();
      const { line } = row;
      const converted = convertRow(spec.columns, positions, row, lookups);
      const input: Record<string, unknown> = { ...defaults, ...converted.input };
      const rowErrors = converted.errors;
      for (const error of await inputErrors(spec.input, input, line)) if (!rowErrors.some((e) => e.field === error.field)) rowErrors.push(error);
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

/** Rows written per statement: each statement's JSON is built in a few milliseconds. */
const INSERT_BATCH = 1_000;

async function insertRows(manager: EntityManager, kind: keyof typeof SPECS, tenantId: string, rows: Row[]): Promise<void> {
  const metadata = manager.connection.getMetadata(SPECS[kind].entity);
  const columns = SPECS[kind].columns.map((c) => metadata.findColumnWithPropertyName(c.field)!);
  for (let start = 0; start < rows.length; start += INSERT_BATCH) {
    await manager.query(
      `INSERT INTO ${metadata.tableName} (tenant_id, ${columns.map((c) => c.databaseName).join(', ')})
       SELECT $1, ${columns.map((c) => `x."${c.propertyName}"`).join(', ')}
       FROM jsonb_to_recordset($2::jsonb) AS x(${columns.map((c) => `"${c.propertyName}" ${c.type as string}`).join(', ')})`,
      [tenantId, JSON.stringify(rows.slice(start, start + INSERT_BATCH))],
    );
  }
}
