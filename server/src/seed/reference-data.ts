import { DataSource } from 'typeorm';
import { ATECO_2007 } from './ateco';
import { lombardyMunicipalities } from './municipalities';
import { loadCodesignReference } from './codesign-reference';
import { FUND_SOURCES, FUNDING_TIERS, MEASURES, PARTNER_TYPES, PROVINCES, SERVICE_TYPES } from './registry-reference';

/**
 * Loads the reference data. Each table is one INSERT of the missing rows: existing rows are left
 * alone, so loading is idempotent and an administrator's later edits (say, a measure's
 * parameters after a new decree) survive restarts.
 */
export async function loadReferenceData(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    const run = (sql: string, rows: object[]) => tx.query(sql, [JSON.stringify(rows)]);
    await run(
      `INSERT INTO partner_types (code, name)
       SELECT code, name FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text)
       ON CONFLICT DO NOTHING`,
      PARTNER_TYPES,
    );
    await run(
      `INSERT INTO provinces (istat_code, historic_istat_code, name, plate, kind)
       SELECT istat_code, historic_istat_code, name, plate, kind
       FROM jsonb_to_recordset($1::jsonb) AS x(istat_code text, historic_istat_code text, name text, plate text, kind text)
       ON CONFLICT DO NOTHING`,
      PROVINCES,
    );
    await run(
      `INSERT INTO municipalities (istat_code, name, province_id)
       SELECT x.istat_code, x.name, p.id
       FROM jsonb_to_recordset($1::jsonb) AS x(istat_code text, name text, province_istat_code text)
       JOIN provinces p ON p.istat_code = x.province_istat_code
       ON CONFLICT DO NOTHING`,
      lombardyMunicipalities().map((m) => ({ istat_code: m.istatCode, name: m.name, province_istat_code: m.provinceIstatCode })),
    );
    await run(
      `INSERT INTO ateco_sectors (code, ateco_version, level, section, title)
       SELECT code, '2007', level, section, title FROM jsonb_to_recordset($1::jsonb) AS x(code text, level text, section text, title text)
       ON CONFLICT DO NOTHING`,
      ATECO_2007,
    );
    await run(
      `INSERT INTO fund_sources (code, name, programme, budget, available_from, available_to)
       SELECT code, name, programme, budget, available_from, available_to
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, programme text, budget numeric, available_from date, available_to date)
       ON CONFLICT DO NOTHING`,
      FUND_SOURCES,
    );
    await run(
      `INSERT INTO measures (code, name, legal_act, open_from, open_to, rules, min_partners, lead_partner_type_codes,
         required_partner_type_codes, min_companies, max_companies, eligible_recipient_kinds, suspended_need_redundancies,
         min_recipients, max_recipients, max_duration_months,
         process_cap_per_recipient, placement_cap_per_recipient, self_employment_cap_per_recipient)
       SELECT code, name, legal_act, open_from, open_to, rules, min_partners, lead_partner_type_codes,
         required_partner_type_codes, min_companies, max_companies, eligible_recipient_kinds, suspended_need_redundancies,
         min_recipients, max_recipients, max_duration_months,
         process_cap_per_recipient, placement_cap_per_recipient, self_employment_cap_per_recipient
       FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, legal_act text, open_from date, open_to date, rules text[],
         min_partners int, lead_partner_type_codes text[], required_partner_type_codes text[], min_companies int, max_companies int,
         eligible_recipient_kinds text[], suspended_need_redundancies boolean,
         min_recipients int, max_recipients int, max_duration_months int, process_cap_per_recipient numeric,
         placement_cap_per_recipient numeric, self_employment_cap_per_recipient numeric)
       ON CONFLICT DO NOTHING`,
      MEASURES,
    );
    await run(
      `INSERT INTO funding_tiers (measure_id, min_recipients, max_recipients, max_contribution)
       SELECT m.id, x.min_recipients, x.max_recipients, x.max_contribution
       FROM jsonb_to_recordset($1::jsonb) AS x(measure_code text, min_recipients int, max_recipients int, max_contribution numeric)
       JOIN measures m ON m.code = x.measure_code
       ON CONFLICT DO NOTHING`,
      FUNDING_TIERS,
    );
    await run(
      `INSERT INTO service_types (measure_id, code, name, phase, category, payment, max_hours, min_hours, voucher_value)
       SELECT m.id, x.code, x.name, x.phase, x.category, x.payment, x.max_hours, x.min_hours, x.voucher_value
       FROM jsonb_to_recordset($1::jsonb) AS x(measure_code text, code text, name text, phase int, category text, payment text,
         max_hours int, min_hours int, voucher_value numeric)
       JOIN measures m ON m.code = x.measure_code
       ON CONFLICT DO NOTHING`,
      SERVICE_TYPES,
    );
    await loadCodesignReference(tx);
  });
}
