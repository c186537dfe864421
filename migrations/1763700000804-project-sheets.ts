import { MigrationInterface, QueryRunner } from 'typeorm';

const RULES_BEFORE = ['MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'MAX_COMPANIES', 'RECIPIENTS_RANGE', 'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY', 'RECIPIENT_ELIGIBILITY', 'PLAN_SERVICES', 'PHASE2_CHOICE', 'SERVICE_HOURS', 'RELOCATION_TRAINING_ONLY', 'PLAN_OF_ACCOUNTS'];
const SECTIONS = ['company_context', 'recipients_profile', 'specific_objectives', 'partnership', 'organisation', 'timeline', 'expected_results'];
const COLUMNS = ['tenant_id', 'network_id', 'application_date', ...SECTIONS, 'expected_placements', 'updated_at'];
/** Seed 002's services for DGR X/6686, so its plan of accounts has lines to plan: process services and the two results. */
const LAVORO_SERVICES = [
  ['SERVIZI_A_PROCESSO', 'Servizi a processo (orientamento, accompagnamento al lavoro, consolidamento delle competenze)', 1, 'GUIDANCE_TRAINING', 'PROCESS', null],
  ['INSERIMENTO_LAVORO', 'Servizio di inserimento e avvio al lavoro', 2, 'INTENSIVE_ASSISTANCE', 'RESULT', 'PLACEMENT'],
  ['AUTOIMPRENDITORIALITA', 'Servizio di autoimprenditorialità', 2, 'INTENSIVE_ASSISTANCE', 'RESULT', 'SELF_EMPLOYMENT'],
] as const;
const list = (codes: string[]) => `ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]`;

/**
 * The project sheet of a network (seed 002, "Caratteristiche dei progetti"): the application date,
 * checked against the call's window, and the contents a project must define, checked for
 * completeness before activation where the measure asks for them (DGR X/6686).
 */
export class ProjectSheets1763700000804 implements MigrationInterface {
  name = 'ProjectSheets1763700000804';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE network_project_sheets (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL,
  application_date date,
  ${SECTIONS.map((s) => `${s} text CONSTRAINT ck_network_project_sheets__${s} CHECK (length(${s}) <= 10000)`).join(',\n  ')},
  expected_placements integer CONSTRAINT ck_network_project_sheets__expected_placements CHECK (expected_placements >= 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_network_project_sheets__network_id FOREIGN KEY (tenant_id, network_id) REFERENCES networks (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT uq_network_project_sheets__network_id UNIQUE (tenant_id, network_id)
);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON network_project_sheets FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER next_version BEFORE UPDATE ON network_project_sheets FOR EACH ROW EXECUTE FUNCTION next_version();
GRANT SELECT, DELETE ON network_project_sheets TO reti_app, reti_admin;
GRANT INSERT (${COLUMNS.filter((c) => c !== 'updated_at').join(', ')}) ON network_project_sheets TO reti_app, reti_admin;
GRANT UPDATE (${COLUMNS.filter((c) => c !== 'tenant_id').join(', ')}) ON network_project_sheets TO reti_app, reti_admin;
ALTER TABLE network_project_sheets ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_project_sheets FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON network_project_sheets USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY all_tenants_read ON network_project_sheets FOR SELECT USING (app_all_tenants());

ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list([...RULES_BEFORE, 'PROJECT_SHEET', 'APPLICATION_WINDOW'])});
UPDATE measures SET rules = rules || ARRAY['APPLICATION_WINDOW'] WHERE code = 'AZIONI_RETE_FASE_II';
UPDATE measures SET rules = rules || ARRAY['PROJECT_SHEET'] WHERE code = 'AZIONI_RETE_LAVORO';
INSERT INTO service_types (measure_id, code, name, phase, category, payment, result_kind)
SELECT m.id, x.code, x.name, x.phase, x.category, x.payment, x.result_kind
FROM measures m, (VALUES ${LAVORO_SERVICES.map((s) => `(${s.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? v : `'${v.replace(/'/g, "''")}'`)).join(', ')})`).join(', ')})
  AS x (code, name, phase, category, payment, result_kind)
WHERE m.code = 'AZIONI_RETE_LAVORO'
ON CONFLICT DO NOTHING;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DELETE FROM service_types t USING measures m
WHERE m.id = t.measure_id AND m.code = 'AZIONI_RETE_LAVORO' AND t.code IN (${LAVORO_SERVICES.map(([code]) => `'${code}'`).join(', ')});
UPDATE measures SET rules = array_remove(array_remove(rules, 'PROJECT_SHEET'), 'APPLICATION_WINDOW');
ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list(RULES_BEFORE)});
DROP TABLE network_project_sheets;
`);
  }
}
