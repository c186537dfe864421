import { EntityManager, ObjectLiteral } from 'typeorm';
import { CrudService, SortInput } from '../../crud/crud.service';
import { BaseFilter } from '../../crud/inputs';
import { Resource } from '../../crud/resource';
import { formatAmount } from '../../common/money';
import { formatItalianDate } from '../../common/dates';
import { ENUM_LABELS, EnumName, ExportResource, FIELD_LABELS, Locale, YES_NO } from '../../common/labels';
import { DomainError, ErrorCode } from '../../common/errors';
import { neutraliseFormulas } from '../../common/csv';
import { RequestContext } from '../../common/request';
import { selectPlain } from '../../db/scoped-query';
import { partnerResource } from '../partner/partner.service';
import { crisisCompanyResource } from '../crisis-company/crisis-company.service';
import { networkResource } from '../network/network.service';
import { allocationResource, fundSourceResource } from '../funding/funding.service';
import { fundingTierResource, measureResource, serviceTypeResource } from '../measure/measure.service';
import { atecoSectorResource, municipalityResource, partnerTypeResource, provinceResource } from '../reference/reference.service';

/** The most rows one export carries by default; a larger one is refused with the count, so the user narrows the filters. */
export const EXPORT_MAX_ROWS = 100_000;
/** Rows fetched from the cursor at a time: memory stays flat whatever the export's size. */
const BATCH = 500;

type Row = Record<string, unknown>;

/** A value as the writer needs it: text, a day, money, a whole number or yes/no. */
export type Cell =
  | { kind: 'text'; value: string | null }
  | { kind: 'date'; value: string | null }
  | { kind: 'money'; value: string | null }
  | { kind: 'int'; value: number | null };

/** Names of referenced records, by table then id, read once per batch of rows. */
type Names = Map<string, Map<string, Row>>;

interface Reference {
  table: string;
  columns: string[];
}

const REFERENCES = {
  partnerType: { table: 'partner_types', columns: ['code', 'name'] },
  municipality: { table: 'municipalities', columns: ['name', 'istat_code'] },
  measure: { table: 'measures', columns: ['code', 'name'] },
  ateco: { table: 'ateco_sectors', columns: ['code', 'title'] },
  pact: { table: 'competence_pacts', columns: ['name'] },
  network: { table: 'networks', columns: ['code', 'title'] },
  fundSource: { table: 'fund_sources', columns: ['code', 'name'] },
  province: { table: 'provinces', columns: ['name', 'plate'] },
} satisfies Record<string, Reference>;
type ReferenceName = keyof typeof REFERENCES;

interface Column {
  key: string;
  cell(row: Row, names: Names, locale: Locale): Cell;
  /** The reference the column names, by the row's `from` property. */
  reference?: { name: ReferenceName; from: string };
}

const text = (key: string): Column => ({ key, cell: (row) => ({ kind: 'text', value: (row[key] as string | null) ?? null }) });
const date = (key: string): Column => ({ key, cell: (row) => ({ kind: 'date', value: (row[key] as string | null) ?? null }) });
const int = (key: string): Column => ({ key, cell: (row) => ({ kind: 'int', value: (row[key] as number | null) ?? null }) });
const money = (key: string): Column => ({ key, cell: (row) => ({ kind: 'money', value: (row[key] as string | null) ?? null }) });
const yesNo = (key: string): Column => ({ key, cell: (row, _names, locale) => ({ kind: 'text', value: YES_NO[locale][row[key] ? 0 : 1] }) });
const label = (key: string, enumName: EnumName): Column => ({
  key,
  cell: (row, _names, locale) => ({ kind: 'text', value: row[key] ? ((ENUM_LABELS[locale][enumName] as Record<string, string>)[row[key] as string] ?? String(row[key])) : null }),
});
/** A list of codes, or of their labels when `enumName` is given, in one cell. */
const list = (key: string, enumName?: EnumName): Column => ({
  key,
  cell: (row, _names, locale) => {
    const codes = (row[key] as string[] | null) ?? [];
    const labels = enumName ? (ENUM_LABELS[locale][enumName] as Record<string, string>) : {};
    return { kind: 'text', value: codes.map((code) => labels[code] ?? code).join(', ') };
  },
});
/** A column naming the record that `from` points to, with the referenced table's `column`. */
const named = (key: string, name: ReferenceName, from: string, column: string): Column => ({
  key,
  reference: { name, from },
  cell: (row, names) => ({ kind: 'text', value: row[from] ? ((names.get(name)?.get(row[from] as string)?.[column] as string | undefined) ?? null) : null }),
});

interface Spec {
  resource: Resource<ObjectLiteral, object, BaseFilter>;
  columns: Column[];
  /** Values the list shows that are not columns of the table: SQL on the row `r`, by key. */
  computed?: Record<string, string>;
}

/**
 * The exported resources and their columns. Partners and companies in crisis export the columns
 * their CSV import reads (import.service.ts knows these headers), so an export can be imported again.
 */
const SPECS: Record<ExportResource, Spec> = {
  partners: {
    resource: partnerResource as Spec['resource'],
    columns: [
      text('legalName'),
      text('taxCode'),
      named('partnerTypeCode', 'partnerType', 'partnerTypeId', 'code'),
      named('partnerTypeId', 'partnerType', 'partnerTypeId', 'name'),
      named('municipalityCode', 'municipality', 'municipalityId', 'istat_code'),
      named('municipalityId', 'municipality', 'municipalityId', 'name'),
      text('address'),
      text('email'),
      text('phone'),
      yesNo('labourAccredited'),
      text('labourRegisterNumber'),
      yesNo('trainingAccredited'),
      text('trainingRegisterNumber'),
    ],
  },
  crisisCompanies: {
    resource: crisisCompanyResource as Spec['resource'],
    columns: [
      text('name'),
      text('taxCode'),
      named('atecoSectorId', 'ateco', 'atecoSectorId', 'code'),
      named('atecoSectorName', 'ateco', 'atecoSectorId', 'title'),
      text('supplyChain'),
      named('municipalityCode', 'municipality', 'municipalityId', 'istat_code'),
      named('municipalityId', 'municipality', 'municipalityId', 'name'),
      label('crisisInstrument', 'CrisisInstrument'),
      int('workersInvolved'),
      int('expectedRedundancies'),
      date('unionAgreementOn'),
    ],
  },
  networks: {
    resource: networkResource as Spec['resource'],
    columns: [
      text('code'),
      text('title'),
      named('measureCode', 'measure', 'measureId', 'code'),
      named('measureId', 'measure', 'measureId', 'name'),
      label('status', 'NetworkStatus'),
      date('startDate'),
      date('endDate'),
      int('plannedSuspended'),
      int('plannedUnemployed'),
      { key: 'plannedRecipients', cell: (row) => ({ kind: 'int', value: Number(row.plannedSuspended) + Number(row.plannedUnemployed) }) },
      text('supplyChain'),
      named('atecoSectorCode', 'ateco', 'atecoSectorId', 'code'),
      named('atecoSectorId', 'ateco', 'atecoSectorId', 'title'),
      named('pactId', 'pact', 'pactId', 'name'),
      text('description'),
    ],
  },
  allocations: {
    resource: allocationResource as Spec['resource'],
    columns: [
      named('networkCode', 'network', 'networkId', 'code'),
      named('networkId', 'network', 'networkId', 'title'),
      named('fundSourceCode', 'fundSource', 'fundSourceId', 'code'),
      named('fundSourceId', 'fundSource', 'fundSourceId', 'name'),
      money('amount'),
      date('allocatedOn'),
      label('kind', 'AllocationKind'),
      label('status', 'AllocationStatus'),
      text('note'),
    ],
  },
  fundSources: {
    resource: fundSourceResource as Spec['resource'],
    columns: [text('code'), text('name'), text('programme'), money('budget'), money('committed'), money('available'), date('availableFrom'), date('availableTo'), list('measureCodes')],
    computed: { committed: 'fund_source_committed(r.id)::text', available: '(r.budget - fund_source_committed(r.id))::text' },
  },
  measures: {
    resource: measureResource as Spec['resource'],
    columns: [text('code'), text('name'), text('legalAct'), date('openFrom'), date('openTo'), list('rules', 'RuleCode')],
  },
  fundingTiers: {
    resource: fundingTierResource as Spec['resource'],
    columns: [
      named('measureCode', 'measure', 'measureId', 'code'),
      named('measureId', 'measure', 'measureId', 'name'),
      int('minRecipients'),
      int('maxRecipients'),
      money('maxContribution'),
    ],
  },
  serviceTypes: {
    resource: serviceTypeResource as Spec['resource'],
    columns: [
      named('measureCode', 'measure', 'measureId', 'code'),
      named('measureId', 'measure', 'measureId', 'name'),
      int('phase'),
      text('code'),
      text('name'),
      label('category', 'ServiceCategory'),
      label('payment', 'ServicePayment'),
      int('minHours'),
      int('maxHours'),
      money('voucherValue'),
    ],
  },
  partnerTypes: {
    resource: partnerTypeResource as Spec['resource'],
    columns: [text('code'), text('name')],
  },
  provinces: {
    resource: provinceResource as Spec['resource'],
    columns: [text('name'), text('plate'), text('istatCode'), text('historicIstatCode'), label('kind', 'ProvinceKind')],
  },
  municipalities: {
    resource: municipalityResource as Spec['resource'],
    columns: [text('name'), text('istatCode'), named('provincePlate', 'province', 'provinceId', 'plate'), named('provinceId', 'province', 'provinceId', 'name')],
  },
  atecoSectors: {
    resource: atecoSectorResource as Spec['resource'],
    columns: [text('code'), text('title'), label('level', 'AtecoLevel'), text('section'), text('atecoVersion')],
  },
};

export const isExportResource = (name: string): name is ExportResource => Object.hasOwn(SPECS, name);
export const exportedResource = (name: ExportResource) => SPECS[name].resource;

/** Receives the export row by row; `write` may wait, so a slow client holds the cursor back. */
export interface ExportSink {
  header(titles: string[]): Promise<void> | void;
  row(cells: Cell[]): Promise<void> | void;
}

export interface ExportRequest {
  resource: ExportResource;
  filter?: BaseFilter;
  sort?: SortInput[];
  locale: Locale;
}

/** Counts what an export would carry, refusing above the cap before anything is written. */
export async function countExport(ctx: RequestContext, request: ExportRequest, maxRows: number): Promise<number> {
  const qb = await new CrudService(SPECS[request.resource].resource).listQuery(ctx, request.filter, request.sort);
  const total = await qb.getCount();
  if (total > maxRows) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `L'esportazione conterrebbe ${total} righe, oltre il massimo di ${maxRows}: restringi i filtri`, {
      field: 'filter',
      max: maxRows,
      total,
    });
  }
  return total;
}

/**
 * Streams the rows of a list, with the list's own filters and sort, through a server-side cursor
 * in the request's transaction: BATCH rows at a time, their references named in one query each.
 */
export async function streamExport(ctx: RequestContext, request: ExportRequest, sink: ExportSink): Promise<void> {
  const spec = SPECS[request.resource];
  const labels = FIELD_LABELS[request.locale][request.resource] as Record<string, string>;
  const qb = selectPlain(await new CrudService(spec.resource).listQuery(ctx, request.filter, request.sort), spec.computed);
  const [sql, parameters] = qb.getQueryAndParameters();
  const manager = await ctx.scope.manager();
  await sink.header(spec.columns.map((c) => labels[c.key]));
  await manager.query(`DECLARE reti_export NO SCROLL CURSOR FOR ${sql}`, parameters);
  try {
    for (;;) {
      const rows: Row[] = await manager.query(`FETCH ${BATCH} FROM reti_export`);
      if (!rows.length) break;
      const names = await namesOf(manager, spec.columns, rows);
      for (const row of rows) await sink.row(spec.columns.map((c) => c.cell(row, names, request.locale)));
    }
  } finally {
    await manager.query('CLOSE reti_export');
  }
}

async function namesOf(manager: EntityManager, columns: Column[], rows: Row[]): Promise<Names> {
  const wanted = new Map<ReferenceName, Set<string>>();
  for (const { reference } of columns) {
    if (!reference) continue;
    const ids = wanted.get(reference.name) ?? new Set<string>();
    for (const row of rows) if (row[reference.from]) ids.add(row[reference.from] as string);
    wanted.set(reference.name, ids);
  }
  const names: Names = new Map();
  for (const [name, ids] of wanted) {
    const { table, columns: selected } = REFERENCES[name];
    const found: Row[] = ids.size ? await manager.query(`SELECT id, ${selected.join(', ')} FROM ${table} WHERE id = ANY($1::uuid[])`, [[...ids]]) : [];
    names.set(name, new Map(found.map((r) => [r.id as string, r])));
  }
  return names;
}

/** A cell as CSV text in the locale's formats: dd/mm/yyyy, 1.234,56 (or 1,234.56 in English). */
export function csvText(cell: Cell, locale: Locale): string {
  if (cell.value === null) return '';
  switch (cell.kind) {
    case 'date':
      return formatItalianDate(cell.value);
    case 'money':
      return formatAmount(cell.value, locale);
    case 'int':
      return String(cell.value);
    case 'text':
      return neutraliseFormulas(cell.value);
  }
}
