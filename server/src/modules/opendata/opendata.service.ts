import { CSV_BOM, csvLine, neutraliseFormulas } from '../../common/csv';
import { EntityManager } from 'typeorm';
import { JOIN_TENANT_PROVINCE } from '../tenant/tenant.sql';
import { DeliveryDimension as D, deliveryTotalsSql } from '../analytics/delivery.sql';

/** Groups of fewer recipients are not published: no row may single out a person. */
const MIN_PUBLISHED_RECIPIENTS = 5;
const SERVICES = deliveryTotalsSql('SERVICES', [D.MEASURE, D.PROVINCE, D.YEAR, D.SERVICE_TYPE, D.STATUS], [], MIN_PUBLISHED_RECIPIENTS).sql;
const OUTCOMES = deliveryTotalsSql('OUTCOMES', [D.MEASURE, D.PROVINCE, D.YEAR, D.AID_BAND], [], MIN_PUBLISHED_RECIPIENTS).sql;

/**
 * Flat open-data exports in the shapes analysts know: OpenCoesione's project / subject / role /
 * territory, and 360Giving's grant / recipient / funder / amount. Personal codici fiscali
 * (16 characters) are never published; organisations' 11-digit codes are.
 */
const PUBLIC_TAX_CODE = `CASE WHEN length(%s) = 11 THEN %s END`;
const publicTaxCode = (column: string) => PUBLIC_TAX_CODE.replace(/%s/g, column);


const LEAD = `
  LEFT JOIN network_members lm ON lm.tenant_id = n.tenant_id AND lm.network_id = n.id AND lm.role = 'LEAD'
  LEFT JOIN partners lp ON lp.tenant_id = lm.tenant_id AND lp.id = lm.partner_id`;

export const DATASETS = {
  /** One row per network (OpenCoesione "progetti"). */
  progetti: {
    columns: ['codice_progetto', 'titolo', 'misura', 'stato', 'data_inizio', 'data_fine', 'destinatari_previsti', 'ente', 'provincia', 'capofila', 'capofila_codice_fiscale', 'importo_impegnato'],
    sql: `
    SELECT t.code || '-' || n.code AS codice_progetto, n.title AS titolo, m.code AS misura, n.status AS stato,
           n.start_date::text AS data_inizio, n.end_date::text AS data_fine,
           n.planned_suspended + n.planned_unemployed AS destinatari_previsti,
           t.name AS ente, tp.name AS provincia, lp.legal_name AS capofila, ${publicTaxCode('lp.tax_code')} AS capofila_codice_fiscale,
           coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.tenant_id = n.tenant_id AND a.network_id = n.id AND a.status = 'COMMITTED'), 0)::text AS importo_impegnato
    FROM networks n
    JOIN tenants t ON t.id = n.tenant_id
    JOIN measures m ON m.id = n.measure_id
    ${JOIN_TENANT_PROVINCE}
    ${LEAD}
    ORDER BY 1`,
  },
  /** One row per subject and project, with its role and territory (OpenCoesione "soggetti"). */
  soggetti: {
    columns: ['codice_progetto', 'soggetto', 'codice_fiscale', 'ruolo', 'tipologia', 'comune', 'provincia'],
    sql: `
    SELECT t.code || '-' || n.code AS codice_progetto, p.legal_name AS soggetto, ${publicTaxCode('p.tax_code')} AS codice_fiscale,
           CASE nm.role WHEN 'LEAD' THEN 'Capofila' ELSE 'Partner' END AS ruolo, pt.name AS tipologia,
           mu.name AS comune, mp.name AS provincia
    FROM network_members nm
    JOIN networks n ON n.tenant_id = nm.tenant_id AND n.id = nm.network_id
    JOIN tenants t ON t.id = n.tenant_id
    JOIN partners p ON p.tenant_id = nm.tenant_id AND p.id = nm.partner_id
    JOIN partner_types pt ON pt.id = p.partner_type_id
    LEFT JOIN municipalities mu ON mu.id = p.municipality_id
    LEFT JOIN provinces mp ON mp.id = mu.province_id
    ORDER BY 1, 4, 2`,
  },
  /** One row per allocation (360Giving: grant, recipient, funder, amount). */
  assegnazioni: {
    columns: ['identificativo', 'titolo', 'importo', 'valuta', 'data', 'tipo', 'stato', 'beneficiario', 'beneficiario_codice_fiscale', 'finanziatore', 'programma', 'ente', 'provincia'],
    sql: `
    SELECT a.id::text AS identificativo, n.title AS titolo, a.amount::text AS importo, 'EUR' AS valuta, a.allocated_on::text AS data,
           a.kind AS tipo, a.status AS stato, lp.legal_name AS beneficiario, ${publicTaxCode('lp.tax_code')} AS beneficiario_codice_fiscale,
           f.name AS finanziatore, f.programme AS programma, t.name AS ente, tp.name AS provincia
    FROM allocations a
    JOIN networks n ON n.tenant_id = a.tenant_id AND n.id = a.network_id
    JOIN tenants t ON t.id = a.tenant_id
    JOIN fund_sources f ON f.id = a.fund_source_id
    ${JOIN_TENANT_PROVINCE}
    ${LEAD}
    ORDER BY a.allocated_on, 1`,
  },
  /** Services to recipients by measure, province, year, service type and status; groups under 5 recipients left out. */
  servizi: {
    columns: ['misura', 'provincia', 'anno', 'servizio', 'stato', 'destinatari', 'servizi', 'ore', 'importo'],
    sql: `SELECT k0 AS misura, k1 AS provincia, k2 AS anno, k3 AS servizio, k4 AS stato, recipients AS destinatari, services AS servizi, hours AS ore, amount AS importo FROM (${SERVICES}) d`,
  },
  /** Recipients' outcomes by measure, province, year of enrolment and aid band; groups under 5 recipients left out. */
  esiti: {
    columns: ['misura', 'provincia', 'anno', 'fascia_di_aiuto', 'destinatari', 'inserimenti', 'tirocini', 'avvii_impresa', 'quota_inseriti'],
    sql: `SELECT k0 AS misura, k1 AS provincia, k2 AS anno, k3 AS fascia_di_aiuto, recipients AS destinatari, placements AS inserimenti,
      traineeships AS tirocini, business_starts AS avvii_impresa, placed_share AS quota_inseriti FROM (${OUTCOMES}) d`,
  },
} as const;

export type Dataset = keyof typeof DATASETS;

export function isDataset(name: string): name is Dataset {
  return Object.hasOwn(DATASETS, name);
}

/** The dataset as CSV, with the rows the caller may see: row-level security decides, as for every query. */
export async function datasetCsv(manager: EntityManager, dataset: Dataset): Promise<string> {
  const { columns, sql } = DATASETS[dataset];
  return toCsv(await manager.query(sql), columns);
}

/** A value of the dataset as CSV text: numbers as PostgreSQL gives them, text with formulas neutralised. */
const field = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? neutraliseFormulas(value) : String(value));

/** CSV as the exports write it (common/csv.ts), header first. */
function toCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  return CSV_BOM + csvLine(columns) + rows.map((row) => csvLine(columns.map((c) => field(row[c])))).join('');
}
