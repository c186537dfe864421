import { MigrationInterface, QueryRunner } from 'typeorm';

const RULES_BEFORE = ['MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'MAX_COMPANIES', 'RECIPIENTS_RANGE', 'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY', 'RECIPIENT_ELIGIBILITY', 'PLAN_SERVICES', 'PHASE2_CHOICE', 'SERVICE_HOURS', 'RELOCATION_TRAINING_ONLY', 'PLAN_OF_ACCOUNTS', 'PROJECT_SHEET', 'APPLICATION_WINDOW'];
const FUND_RULES = ['FUND_MEASURES', 'FUND_ORDER', 'FUND_RECIPIENTS'];
const COLUMNS = ['measure_codes', 'drawn_after_id', 'reduced_hours_only'];
const list = (codes: string[]) => `ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]`;

/**
 * Which measures a fund source may pay (empty: any), the source that must be drawn on first, and
 * whether it is only for workers whose hours were cut by more than 30 % (seed 003: GOL PNRR "in
 * prima istanza", then the competence fund for those workers). The rules that apply them.
 */
export class FundEligibility1763700000805 implements MigrationInterface {
  name = 'FundEligibility1763700000805';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE fund_sources
  ADD COLUMN measure_codes text[] NOT NULL DEFAULT '{}',
  ADD COLUMN drawn_after_id uuid CONSTRAINT fk_fund_sources__drawn_after_id REFERENCES fund_sources (id),
  ADD COLUMN reduced_hours_only boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT ck_fund_sources__drawn_after_id CHECK (drawn_after_id <> id);
GRANT INSERT (${COLUMNS.join(', ')}), UPDATE (${COLUMNS.join(', ')}) ON fund_sources TO reti_admin;
ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list([...RULES_BEFORE, ...FUND_RULES])});

UPDATE fund_sources SET measure_codes = ARRAY['AZIONI_RETE_LAVORO', 'AZIONI_RETE_FASE_II'] WHERE code = 'AZIONI_RETE';
UPDATE fund_sources SET measure_codes = ARRAY['RETE_RICOLLOCAZIONE_GOL_P5'] WHERE code IN ('GOL_PNRR_2022', 'FONDO_COMPETENZE_2022');
UPDATE fund_sources SET reduced_hours_only = true, drawn_after_id = (SELECT id FROM fund_sources WHERE code = 'GOL_PNRR_2022')
WHERE code = 'FONDO_COMPETENZE_2022';
UPDATE measures SET rules = rules || ARRAY['FUND_MEASURES'] WHERE code IN ('AZIONI_RETE_LAVORO', 'AZIONI_RETE_FASE_II');
UPDATE measures SET rules = rules || ${list(FUND_RULES)} WHERE code = 'RETE_RICOLLOCAZIONE_GOL_P5';
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
UPDATE measures SET rules = ARRAY(SELECT r FROM unnest(rules) AS r WHERE r <> ALL (${list(FUND_RULES)}));
ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list(RULES_BEFORE)});
REVOKE INSERT (${COLUMNS.join(', ')}), UPDATE (${COLUMNS.join(', ')}) ON fund_sources FROM reti_admin;
ALTER TABLE fund_sources DROP CONSTRAINT ck_fund_sources__drawn_after_id, ${COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ')};
`);
  }
}
