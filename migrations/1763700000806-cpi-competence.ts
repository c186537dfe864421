import { MigrationInterface, QueryRunner } from 'typeorm';

const RULES_BEFORE = ['MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'MAX_COMPANIES', 'RECIPIENTS_RANGE', 'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY', 'RECIPIENT_ELIGIBILITY', 'PLAN_SERVICES', 'PHASE2_CHOICE', 'SERVICE_HOURS', 'RELOCATION_TRAINING_ONLY', 'PLAN_OF_ACCOUNTS', 'PROJECT_SHEET', 'APPLICATION_WINDOW', 'FUND_MEASURES', 'FUND_ORDER', 'FUND_RECIPIENTS'];
const list = (codes: string[]) => `ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]`;

/**
 * The CPI "territoriale di competenza" (seed 003): a CPI lists the municipalities it covers, and a
 * GOL P5 network must include the CPI covering its crisis companies' production units. Companies
 * may name their group's parent (seed 002: "collegate ad una stessa azienda").
 */
export class CpiCompetence1763700000806 implements MigrationInterface {
  name = 'CpiCompetence1763700000806';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE partners ADD COLUMN covered_municipality_ids uuid[] NOT NULL DEFAULT '{}';
GRANT INSERT (covered_municipality_ids), UPDATE (covered_municipality_ids) ON partners TO reti_app, reti_admin;
ALTER TABLE crisis_companies ADD COLUMN parent_tax_code text CONSTRAINT ck_crisis_companies__parent_tax_code CHECK (parent_tax_code ~ '^[0-9]{11}$');
GRANT INSERT (parent_tax_code), UPDATE (parent_tax_code) ON crisis_companies TO reti_app, reti_admin;
ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list([...RULES_BEFORE, 'CPI_COMPETENCE'])});
UPDATE measures SET rules = rules || ARRAY['CPI_COMPETENCE'] WHERE code = 'RETE_RICOLLOCAZIONE_GOL_P5';
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
UPDATE measures SET rules = array_remove(rules, 'CPI_COMPETENCE');
ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list(RULES_BEFORE)});
REVOKE INSERT (parent_tax_code), UPDATE (parent_tax_code) ON crisis_companies FROM reti_app, reti_admin;
ALTER TABLE crisis_companies DROP COLUMN parent_tax_code;
REVOKE INSERT (covered_municipality_ids), UPDATE (covered_municipality_ids) ON partners FROM reti_app, reti_admin;
ALTER TABLE partners DROP COLUMN covered_municipality_ids;
`);
  }
}
