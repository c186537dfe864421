import { MigrationInterface, QueryRunner } from 'typeorm';

const RULES_BEFORE = ['MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'MAX_COMPANIES', 'RECIPIENTS_RANGE', 'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY', 'RECIPIENT_ELIGIBILITY', 'PLAN_SERVICES', 'PHASE2_CHOICE', 'SERVICE_HOURS', 'RELOCATION_TRAINING_ONLY'];
const COLUMNS = ['tenant_id', 'network_id', 'service_type_id', 'planned_amount', 'updated_at'];
const list = (codes: string[]) => `ARRAY[${codes.map((c) => `'${c}'`).join(', ')}]::text[]`;

/**
 * The plan of accounts (piano dei conti, seed 002): the amounts a network plans per service type.
 * Its total is the project's maximum contribution. DGR X/6686 (AZIONI_RETE_LAVORO) requires one.
 */
export class PlanOfAccounts1763700000803 implements MigrationInterface {
  name = 'PlanOfAccounts1763700000803';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE network_account_lines (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL,
  service_type_id uuid NOT NULL CONSTRAINT fk_network_account_lines__service_type_id REFERENCES service_types (id),
  planned_amount numeric(14,2) NOT NULL CONSTRAINT ck_network_account_lines__planned_amount CHECK (planned_amount > 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_network_account_lines__network_id FOREIGN KEY (tenant_id, network_id) REFERENCES networks (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT uq_network_account_lines__service_type_id UNIQUE (tenant_id, network_id, service_type_id)
);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON network_account_lines FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER next_version BEFORE UPDATE ON network_account_lines FOR EACH ROW EXECUTE FUNCTION next_version();
GRANT SELECT, DELETE ON network_account_lines TO reti_app, reti_admin;
GRANT INSERT (${COLUMNS.filter((c) => c !== 'updated_at').join(', ')}) ON network_account_lines TO reti_app, reti_admin;
GRANT UPDATE (${COLUMNS.filter((c) => c !== 'tenant_id').join(', ')}) ON network_account_lines TO reti_app, reti_admin;
ALTER TABLE network_account_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_account_lines FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON network_account_lines USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY all_tenants_read ON network_account_lines FOR SELECT USING (app_all_tenants());

ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list([...RULES_BEFORE, 'PLAN_OF_ACCOUNTS'])});
UPDATE measures SET rules = rules || ARRAY['PLAN_OF_ACCOUNTS'] WHERE code = 'AZIONI_RETE_LAVORO';
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
UPDATE measures SET rules = array_remove(rules, 'PLAN_OF_ACCOUNTS');
ALTER TABLE measures
  DROP CONSTRAINT ck_measures__rules,
  ADD CONSTRAINT ck_measures__rules CHECK (rules <@ ${list(RULES_BEFORE)});
DROP TABLE network_account_lines;
`);
  }
}
