import { MigrationInterface, QueryRunner } from 'typeorm';

const RULES_BEFORE = `'MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'MAX_COMPANIES', 'RECIPIENTS_RANGE',
    'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY'`;
const NEW_COLUMNS = 'min_companies, eligible_recipient_kinds, suspended_need_redundancies';

/** exclusive_overlaps as first written: only measures carrying EXCLUSIVE_POLICY counted. */
const OVERLAPS_BEFORE = `'EXCLUSIVE_POLICY' = ANY (m.rules)`;
/** Seeds 000 and 003: any other publicly funded active policy counts, unless an administrator marked the two measures compatible. */
const OVERLAPS_AFTER = `NOT EXISTS (
          SELECT 1 FROM measure_compatibilities c
          WHERE (c.measure_id = mine_n.measure_id AND c.compatible_measure_id = other_n.measure_id)
             OR (c.measure_id = other_n.measure_id AND c.compatible_measure_id = mine_n.measure_id))`;

const overlaps = (condition: string) => `
CREATE OR REPLACE FUNCTION exclusive_overlaps(network_ids uuid[])
RETURNS TABLE (network_id uuid, enrolment_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT mine.network_id, mine.id
  FROM recipient_enrolments mine
  JOIN networks mine_n ON mine_n.tenant_id = mine.tenant_id AND mine_n.id = mine.network_id
  WHERE mine.network_id = ANY (network_ids)
    AND (mine.tenant_id = app_tenant_id() OR app_all_tenants())
    AND EXISTS (
      SELECT 1
      FROM recipient_enrolments other
      JOIN networks other_n ON other_n.tenant_id = other.tenant_id AND other_n.id = other.network_id
      JOIN measures m ON m.id = other_n.measure_id
      WHERE other.recipient_hash = mine.recipient_hash
        AND other.network_id <> mine.network_id
        AND other_n.status NOT IN ('WITHDRAWN')
        AND ${condition}
        AND daterange(other.enrolled_on, coalesce(other.ended_on, other_n.end_date), '[]')
            && daterange(mine.enrolled_on, coalesce(mine.ended_on, mine_n.end_date), '[]'))
$$;`;

/**
 * The measures' rules as the seeds state them (issue 10):
 * - at least one company in crisis (seeds 000–002): min_companies, beside max_companies;
 * - who may be a recipient (seeds 000, 002, 003): the kinds a measure admits, and whether suspended
 *   workers need a company with expected redundancies; checked by the new rule RECIPIENT_ELIGIBILITY;
 * - LEAD_TYPE follows the accreditation for labour services whatever the partner type (DGR X/6686);
 *   lead_partner_type_codes now lists only the types allowed besides it (a CPI for GOL P5);
 * - exclusivity spans every measure unless an administrator marks two compatible (seeds 000, 003).
 */
export class MeasureRulesAsDocumented1763700000700 implements MigrationInterface {
  name = 'MeasureRulesAsDocumented1763700000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE measures
  ADD COLUMN min_companies integer CONSTRAINT ck_measures__min_companies CHECK (min_companies >= 0),
  ADD COLUMN eligible_recipient_kinds text[] NOT NULL DEFAULT '{}'
    CONSTRAINT ck_measures__eligible_recipient_kinds CHECK (eligible_recipient_kinds <@ ARRAY['SUSPENDED', 'UNEMPLOYED']::text[]),
  ADD COLUMN suspended_need_redundancies boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT ck_measures__companies_range CHECK (max_companies >= min_companies),
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ARRAY[${RULES_BEFORE}, 'RECIPIENT_ELIGIBILITY']::text[]);
GRANT INSERT (${NEW_COLUMNS}), UPDATE (${NEW_COLUMNS}) ON measures TO reti_admin;

UPDATE measures SET lead_partner_type_codes = array_remove(lead_partner_type_codes, 'LABOUR_OPERATOR');
UPDATE measures SET min_companies = 1, suspended_need_redundancies = true, rules = rules || ARRAY['RECIPIENT_ELIGIBILITY']
  WHERE code IN ('AZIONI_RETE_FASE_II', 'AZIONI_RETE_LAVORO');
UPDATE measures SET eligible_recipient_kinds = ARRAY['SUSPENDED'], rules = rules || ARRAY['RECIPIENT_ELIGIBILITY']
  WHERE code = 'RETE_RICOLLOCAZIONE_GOL_P5';

CREATE TABLE measure_compatibilities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL CONSTRAINT fk_measure_compatibilities__measure_id REFERENCES measures (id) ON DELETE CASCADE,
  compatible_measure_id uuid NOT NULL CONSTRAINT fk_measure_compatibilities__compatible_measure_id REFERENCES measures (id) ON DELETE CASCADE,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ck_measure_compatibilities__compatible_measure_id CHECK (compatible_measure_id <> measure_id)
);
-- A pair is one pair whichever way round it was entered.
CREATE UNIQUE INDEX uq_measure_compatibilities__pair ON measure_compatibilities (least(measure_id, compatible_measure_id), greatest(measure_id, compatible_measure_id));
CREATE INDEX ix_measure_compatibilities__compatible_measure_id ON measure_compatibilities (compatible_measure_id);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON measure_compatibilities FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER next_version BEFORE UPDATE ON measure_compatibilities FOR EACH ROW EXECUTE FUNCTION next_version();
GRANT SELECT ON measure_compatibilities TO reti_app, reti_admin;
GRANT INSERT (measure_id, compatible_measure_id), UPDATE (measure_id, compatible_measure_id, updated_at), DELETE ON measure_compatibilities TO reti_admin;
${overlaps(OVERLAPS_AFTER)}
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
${overlaps(OVERLAPS_BEFORE)}
DROP TABLE measure_compatibilities;
UPDATE measures SET rules = array_remove(rules, 'RECIPIENT_ELIGIBILITY');
UPDATE measures SET lead_partner_type_codes = ARRAY['LABOUR_OPERATOR'] || lead_partner_type_codes
  WHERE 'LEAD_TYPE' = ANY (rules) AND NOT 'LABOUR_OPERATOR' = ANY (lead_partner_type_codes);
REVOKE INSERT (${NEW_COLUMNS}), UPDATE (${NEW_COLUMNS}) ON measures FROM reti_admin;
ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ARRAY[${RULES_BEFORE}]::text[]),
  DROP COLUMN suspended_need_redundancies,
  DROP COLUMN eligible_recipient_kinds,
  DROP COLUMN min_companies;
`);
  }
}
