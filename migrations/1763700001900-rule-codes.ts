import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every rule code a measure may list, with its labels and the module that owns its data, as of this migration. */
const RULE_CODES: [code: string, it: string, en: string, owner: string][] = [
  ['MIN_PARTNERS', 'Numero minimo di soggetti', 'Minimum number of partners', 'network'],
  ['ONE_LEAD', 'Un solo capofila', 'Exactly one lead partner', 'network'],
  ['LEAD_TYPE', 'Tipologia del capofila', 'Lead partner type', 'network'],
  ['PROVINCE_AND_CPI', 'Presenza di Provincia e CPI', 'Province and employment centre present', 'network'],
  ['MAX_COMPANIES', 'Aziende in crisi al massimo', 'Maximum crisis companies', 'network'],
  ['RECIPIENTS_RANGE', 'Numero di destinatari', 'Number of recipients', 'network'],
  ['DURATION', 'Durata massima', 'Maximum duration', 'network'],
  ['TIER_CAP', 'Tetto della fascia di contributo', 'Funding tier cap', 'allocation'],
  ['FUND_BUDGET', 'Dotazione della fonte', 'Fund source budget', 'allocation'],
  ['PER_RECIPIENT_CAPS', 'Tetti per destinatario', 'Per-recipient caps', 'allocation'],
  ['EXCLUSIVE_POLICY', 'Esclusività delle politiche attive', 'Exclusive active labour policy', 'recipient'],
  ['RECIPIENT_ELIGIBILITY', 'Requisiti dei destinatari', 'Recipient eligibility', 'recipient'],
  ['RESIDENCE_IN_AMBITO', "Destinatari residenti nei comuni dell'ambito", 'Recipients reside in the ambito', 'codesign'],
  ['PLAN_SERVICES', 'Servizi di orientamento e di assistenza intensiva', 'Guidance and intensive assistance services', 'service-plan'],
  ['PHASE2_CHOICE', 'Una sola alternativa di Fase 2', 'One phase-2 alternative', 'service-plan'],
  ['SERVICE_HOURS', 'Ore massime per servizio', 'Maximum hours per service', 'service-plan'],
  ['RELOCATION_TRAINING_ONLY', 'Formazione solo con Assegno di Ricollocazione', 'Training only with the relocation allowance', 'service-plan'],
  ['PLAN_OF_ACCOUNTS', 'Piano dei conti entro la fascia di contributo', 'Plan of accounts within the funding tier', 'plan-of-accounts'],
  ['PROJECT_SHEET', 'Scheda progetto completa', 'Complete project sheet', 'project-sheet'],
  ['APPLICATION_WINDOW', "Domanda entro la finestra dell'avviso", 'Application within the call window', 'project-sheet'],
  ['FUND_MEASURES', 'Misure finanziabili dalla fonte', 'Measures the fund source may pay', 'fund-eligibility'],
  ['FUND_ORDER', 'Ordine di utilizzo delle fonti', 'Order in which fund sources are used', 'fund-eligibility'],
  ['FUND_RECIPIENTS', 'Destinatari ammessi dalla fonte', 'Recipients the fund source admits', 'fund-eligibility'],
  ['CPI_COMPETENCE', 'CPI territorialmente competente', 'Competent employment centre', 'cpi-competence'],
];
const CODESIGN_FIRST = `(SELECT id FROM schema_migrations WHERE name = 'Codesign1763700000902') < (SELECT id FROM schema_migrations WHERE name = 'RecipientAttributes1763700000800')`;

/**
 * Rule codes are data: a measure's rules must be rows of rule_codes, so a later rule adds a row
 * instead of restating a check constraint that lists every code (as 700, 802–806 and 902 did).
 * The check keeps its name, ck_measures__rules, for the errors that name it.
 * It also puts back what the co-design-first upgrade (799) set aside.
 */
export class RuleCodes1763700001900 implements MigrationInterface {
  name = 'RuleCodes1763700001900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE rule_codes (
  code text PRIMARY KEY CONSTRAINT ck_rule_codes__code CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
  label_it text NOT NULL,
  label_en text NOT NULL,
  owner text NOT NULL
);
COMMENT ON TABLE rule_codes IS 'The rules a measure may list; owner is the server module that evaluates the rule.';
INSERT INTO rule_codes (code, label_it, label_en, owner) VALUES
${RULE_CODES.map(([code, it, en, owner]) => `  ('${code}', '${it.replace(/'/g, "''")}', '${en.replace(/'/g, "''")}', '${owner}')`).join(',\n')};
GRANT SELECT ON rule_codes TO reti_app, reti_admin;

CREATE FUNCTION measure_rules_known() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE unknown text[];
BEGIN
  SELECT array_agg(r) INTO unknown FROM unnest(NEW.rules) AS r WHERE NOT EXISTS (SELECT FROM rule_codes WHERE code = r);
  IF unknown IS NOT NULL THEN
    RAISE EXCEPTION 'unknown rule codes: %', array_to_string(unknown, ', ')
      USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_measures__rules', TABLE = 'measures', COLUMN = 'rules';
  END IF;
  RETURN NEW;
END $$;
ALTER TABLE measures DROP CONSTRAINT ck_measures__rules;
CREATE TRIGGER rules_known BEFORE INSERT OR UPDATE OF rules ON measures FOR EACH ROW EXECUTE FUNCTION measure_rules_known();

CREATE FUNCTION rule_code_unused() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT FROM measures WHERE OLD.code = ANY (rules)) THEN
    RAISE EXCEPTION 'rule code % is listed by a measure', OLD.code USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'fk_measures__rules';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER rule_code_unused BEFORE DELETE OR UPDATE OF code ON rule_codes FOR EACH ROW EXECUTE FUNCTION rule_code_unused();

DO $$ BEGIN
  IF to_regclass('recipient_residence_before_800') IS NOT NULL THEN
    ALTER TABLE recipient_enrolments DISABLE TRIGGER USER;
    UPDATE recipient_enrolments e SET residence_municipality_id = r.residence_municipality_id
      FROM recipient_residence_before_800 r WHERE r.enrolment_id = e.id;
    ALTER TABLE recipient_enrolments ENABLE TRIGGER USER;
    DROP TABLE recipient_residence_before_800;
  END IF;
  IF to_regclass('measure_rules_before_800') IS NOT NULL THEN
    ALTER TABLE measures DISABLE TRIGGER USER;
    UPDATE measures m SET rules = array_append(m.rules, s.code) FROM measure_rules_before_800 s
      WHERE s.measure_id = m.id AND NOT s.code = ANY (m.rules);
    ALTER TABLE measures ENABLE TRIGGER USER;
    DROP TABLE measure_rules_before_800;
  END IF;
END $$;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$ BEGIN
  -- On a database that ran co-design first, set aside again what 800–806's down() would refuse or drop.
  IF ${CODESIGN_FIRST} THEN
    CREATE TABLE recipient_residence_before_800 AS
      SELECT id AS enrolment_id, residence_municipality_id FROM recipient_enrolments WHERE residence_municipality_id IS NOT NULL;
    CREATE TABLE measure_rules_before_800 AS
      SELECT id AS measure_id, 'RESIDENCE_IN_AMBITO'::text AS code FROM measures WHERE 'RESIDENCE_IN_AMBITO' = ANY (rules);
    ALTER TABLE measures DISABLE TRIGGER USER;
    UPDATE measures SET rules = array_remove(rules, 'RESIDENCE_IN_AMBITO') WHERE 'RESIDENCE_IN_AMBITO' = ANY (rules);
    ALTER TABLE measures ENABLE TRIGGER USER;
  END IF;
END $$;
DROP TRIGGER rules_known ON measures;
DROP FUNCTION measure_rules_known();
DROP TABLE rule_codes;
DROP FUNCTION rule_code_unused();
ALTER TABLE measures ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ARRAY[${RULE_CODES.map(([code]) => `'${code}'`).join(', ')}]::text[]);
`);
  }
}
