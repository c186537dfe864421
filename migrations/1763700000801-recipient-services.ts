import { MigrationInterface, QueryRunner } from 'typeorm';

const ENROLMENT_COLUMNS = ['phase2_service_type_id', 'outcome', 'outcome_on', 'outcome_contract'];
const SERVICE_COLUMNS = ['tenant_id', 'network_id', 'enrolment_id', 'service_type_id', 'partner_id', 'status', 'delivery', 'service_date', 'hours', 'amount', 'updated_at'];

/**
 * The personal plan (PIP) of each enrolment: the services planned and delivered, by whom, how, when,
 * for how many hours and at what cost; the phase-2 alternative chosen and the outcome. A service is
 * delivered by a member of the recipient's own network: the foreign keys carry the network, so the
 * database refuses a partner from elsewhere. Service types gain a standard unit cost per hour.
 */
export class RecipientServices1763700000801 implements MigrationInterface {
  name = 'RecipientServices1763700000801';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE service_types
  ADD COLUMN hourly_unit_cost numeric(14,2) CONSTRAINT ck_service_types__hourly_unit_cost CHECK (hourly_unit_cost > 0);
GRANT INSERT (hourly_unit_cost), UPDATE (hourly_unit_cost) ON service_types TO reti_admin;

ALTER TABLE recipient_enrolments
  ADD CONSTRAINT uq_recipient_enrolments__network_id UNIQUE (tenant_id, network_id, id),
  ADD COLUMN phase2_service_type_id uuid CONSTRAINT fk_recipient_enrolments__phase2_service_type_id REFERENCES service_types (id),
  ADD COLUMN outcome text CONSTRAINT ck_recipient_enrolments__outcome CHECK (outcome IN ('PLACEMENT', 'TRAINEESHIP', 'BUSINESS_START')),
  ADD COLUMN outcome_on date,
  ADD COLUMN outcome_contract text CONSTRAINT ck_recipient_enrolments__outcome_contract CHECK (outcome_contract IN ('PERMANENT', 'FIXED_TERM', 'APPRENTICESHIP', 'OTHER')),
  ADD CONSTRAINT ck_recipient_enrolments__outcome_on CHECK ((outcome IS NULL) = (outcome_on IS NULL));
GRANT INSERT (${ENROLMENT_COLUMNS.join(', ')}), UPDATE (${ENROLMENT_COLUMNS.join(', ')}) ON recipient_enrolments TO reti_app, reti_admin;

CREATE TABLE recipient_services (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL,
  enrolment_id uuid NOT NULL,
  service_type_id uuid NOT NULL CONSTRAINT fk_recipient_services__service_type_id REFERENCES service_types (id),
  partner_id uuid NOT NULL,
  status text NOT NULL CONSTRAINT ck_recipient_services__status CHECK (status IN ('PLANNED', 'DELIVERED')),
  delivery text NOT NULL CONSTRAINT ck_recipient_services__delivery CHECK (delivery IN ('INDIVIDUAL', 'GROUP')),
  service_date date NOT NULL,
  hours integer NOT NULL CONSTRAINT ck_recipient_services__hours CHECK (hours BETWEEN 0 AND 10000),
  amount numeric(14,2) NOT NULL CONSTRAINT ck_recipient_services__amount CHECK (amount >= 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_recipient_services__enrolment_id FOREIGN KEY (tenant_id, network_id, enrolment_id)
    REFERENCES recipient_enrolments (tenant_id, network_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_recipient_services__partner_id FOREIGN KEY (tenant_id, network_id, partner_id)
    REFERENCES network_members (tenant_id, network_id, partner_id)
);
CREATE INDEX ix_recipient_services__enrolment_id ON recipient_services (tenant_id, enrolment_id);
CREATE INDEX ix_recipient_services__network_id ON recipient_services (tenant_id, network_id);
CREATE INDEX ix_recipient_services__partner_id ON recipient_services (tenant_id, network_id, partner_id);
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON recipient_services FOR EACH ROW EXECUTE FUNCTION audit_row();
CREATE TRIGGER next_version BEFORE UPDATE ON recipient_services FOR EACH ROW EXECUTE FUNCTION next_version();
GRANT SELECT, DELETE ON recipient_services TO reti_app, reti_admin;
GRANT INSERT (${SERVICE_COLUMNS.filter((c) => c !== 'updated_at').join(', ')}) ON recipient_services TO reti_app, reti_admin;
GRANT UPDATE (${SERVICE_COLUMNS.filter((c) => c !== 'tenant_id').join(', ')}) ON recipient_services TO reti_app, reti_admin;
ALTER TABLE recipient_services ENABLE ROW LEVEL SECURITY;
ALTER TABLE recipient_services FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON recipient_services USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id());
CREATE POLICY all_tenants_read ON recipient_services FOR SELECT USING (app_all_tenants());
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP TABLE recipient_services;
REVOKE INSERT (${ENROLMENT_COLUMNS.join(', ')}), UPDATE (${ENROLMENT_COLUMNS.join(', ')}) ON recipient_enrolments FROM reti_app, reti_admin;
ALTER TABLE recipient_enrolments
  DROP CONSTRAINT ck_recipient_enrolments__outcome_on,
  ${ENROLMENT_COLUMNS.map((c) => `DROP COLUMN ${c}`).join(', ')},
  DROP CONSTRAINT uq_recipient_enrolments__network_id;
REVOKE INSERT (hourly_unit_cost), UPDATE (hourly_unit_cost) ON service_types FROM reti_admin;
ALTER TABLE service_types DROP COLUMN hourly_unit_cost;
`);
  }
}
