import { MigrationInterface, QueryRunner } from 'typeorm';

const CODESIGN_APPLIED = `EXISTS (SELECT FROM schema_migrations WHERE name = 'Codesign1763700000902')`;
const ATTRIBUTES_APPLIED = `EXISTS (SELECT FROM schema_migrations WHERE name = 'RecipientAttributes1763700000800')`;
const RESIDENCE_MARK = 'Residence municipality, added by the co-design migration';

/**
 * Databases made while co-design (902) sat on its own branch ran it before the recipients' migrations
 * (800–806), which sort earlier and so run afterwards on upgrade. Two things stop them: 800 adds the
 * residence column that 902 already added, and 802–806 restate the rule-code check without the
 * co-design's RESIDENCE_IN_AMBITO. On such a database only, this sets both aside: the column's values
 * and the rule wait in recipient_residence_before_800 and measure_rules_before_800, and the rule-codes
 * migration puts them back. Everywhere else it does nothing.
 */
export class CodesignFirstUpgrade1763700000799 implements MigrationInterface {
  name = 'CodesignFirstUpgrade1763700000799';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$ BEGIN
  IF ${CODESIGN_APPLIED} AND NOT ${ATTRIBUTES_APPLIED} THEN
    CREATE TABLE recipient_residence_before_800 AS
      SELECT id AS enrolment_id, residence_municipality_id FROM recipient_enrolments WHERE residence_municipality_id IS NOT NULL;
    ALTER TABLE recipient_enrolments DROP COLUMN residence_municipality_id;
    CREATE TABLE measure_rules_before_800 AS
      SELECT id AS measure_id, 'RESIDENCE_IN_AMBITO'::text AS code FROM measures WHERE 'RESIDENCE_IN_AMBITO' = ANY (rules);
    ALTER TABLE measures DISABLE TRIGGER USER;
    UPDATE measures SET rules = array_remove(rules, 'RESIDENCE_IN_AMBITO') WHERE 'RESIDENCE_IN_AMBITO' = ANY (rules);
    ALTER TABLE measures ENABLE TRIGGER USER;
  END IF;
END $$;
`);
  }

  /** Back to the co-design branch's schema: 800's down() dropped the column that 902 keeps. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$ BEGIN
  IF ${CODESIGN_APPLIED} AND NOT ${ATTRIBUTES_APPLIED}
     AND NOT EXISTS (SELECT FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'recipient_enrolments' AND column_name = 'residence_municipality_id') THEN
    ALTER TABLE recipient_enrolments ADD COLUMN residence_municipality_id uuid
      CONSTRAINT fk_recipient_enrolments__residence_municipality_id REFERENCES municipalities (id);
    COMMENT ON COLUMN recipient_enrolments.residence_municipality_id IS '${RESIDENCE_MARK}';
    GRANT INSERT (residence_municipality_id), UPDATE (residence_municipality_id) ON recipient_enrolments TO reti_app, reti_admin;
    IF to_regclass('recipient_residence_before_800') IS NOT NULL THEN
      ALTER TABLE recipient_enrolments DISABLE TRIGGER USER;
      UPDATE recipient_enrolments e SET residence_municipality_id = r.residence_municipality_id
        FROM recipient_residence_before_800 r WHERE r.enrolment_id = e.id;
      ALTER TABLE recipient_enrolments ENABLE TRIGGER USER;
      DROP TABLE recipient_residence_before_800;
    END IF;
    ALTER TABLE measures DROP CONSTRAINT ck_measures__rules;
    ALTER TABLE measures ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ARRAY['MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI',
      'MAX_COMPANIES', 'RECIPIENTS_RANGE', 'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY',
      'RECIPIENT_ELIGIBILITY', 'RESIDENCE_IN_AMBITO']::text[]);
    IF to_regclass('measure_rules_before_800') IS NOT NULL THEN
      ALTER TABLE measures DISABLE TRIGGER USER;
      UPDATE measures m SET rules = array_append(m.rules, s.code) FROM measure_rules_before_800 s
        WHERE s.measure_id = m.id AND NOT s.code = ANY (m.rules);
      ALTER TABLE measures ENABLE TRIGGER USER;
      DROP TABLE measure_rules_before_800;
    END IF;
  END IF;
END $$;
`);
  }
}
