import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry's tables. Reference tables are global; tenant-owned tables carry tenant_id in
 * their primary key and in every foreign key between them, so they can later be distributed by
 * tenant. Constraint names follow <kind>_<table>__<column> so that errors can name the field.
 */
export class RegistrySchema1763700000000 implements MigrationInterface {
  name = 'RegistrySchema1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reti_app') THEN CREATE ROLE reti_app NOLOGIN; END IF;
END $$;

CREATE FUNCTION app_tenant_id() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CONSTRAINT ck_tenants__code CHECK (code ~ '^[A-Z0-9_]{2,32}$'),
  name text NOT NULL CONSTRAINT ck_tenants__name CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CONSTRAINT ck_tenants__kind CHECK (kind IN ('PROVINCE', 'METROPOLITAN_CITY', 'AMBITO', 'REGION')),
  istat_code text CONSTRAINT ck_tenants__istat_code CHECK (istat_code ~ '^([0-9]{3}|[0-9]{6})$'),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_tenants__code UNIQUE (code)
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CONSTRAINT ck_users__email CHECK (email = lower(email) AND email LIKE '%_@_%'),
  display_name text NOT NULL CONSTRAINT ck_users__display_name CHECK (length(display_name) BETWEEN 1 AND 200),
  role text NOT NULL CONSTRAINT ck_users__role CHECK (role IN ('ADMIN', 'EDITOR', 'ANALYST')),
  tenant_id uuid CONSTRAINT fk_users__tenant_id REFERENCES tenants (id),
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_users__email UNIQUE (email),
  CONSTRAINT ck_users__tenant_id CHECK (
    (role = 'ADMIN' AND tenant_id IS NULL) OR (role = 'EDITOR' AND tenant_id IS NOT NULL) OR role = 'ANALYST')
);

CREATE TABLE partner_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CONSTRAINT ck_partner_types__code CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
  name text NOT NULL CONSTRAINT ck_partner_types__name CHECK (length(name) BETWEEN 1 AND 200),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_partner_types__code UNIQUE (code)
);

CREATE TABLE provinces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  istat_code text NOT NULL CONSTRAINT ck_provinces__istat_code CHECK (istat_code ~ '^[0-9]{3}$'),
  historic_istat_code text CONSTRAINT ck_provinces__historic_istat_code CHECK (historic_istat_code ~ '^[0-9]{3}$'),
  name text NOT NULL CONSTRAINT ck_provinces__name CHECK (length(name) BETWEEN 1 AND 200),
  plate text NOT NULL CONSTRAINT ck_provinces__plate CHECK (plate ~ '^[A-Z]{2}$'),
  kind text NOT NULL CONSTRAINT ck_provinces__kind CHECK (kind IN ('PROVINCE', 'METROPOLITAN_CITY')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_provinces__istat_code UNIQUE (istat_code),
  CONSTRAINT uq_provinces__plate UNIQUE (plate)
);

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  istat_code text NOT NULL CONSTRAINT ck_municipalities__istat_code CHECK (istat_code ~ '^[0-9]{6}$'),
  name text NOT NULL CONSTRAINT ck_municipalities__name CHECK (length(name) BETWEEN 1 AND 200),
  province_id uuid NOT NULL CONSTRAINT fk_municipalities__province_id REFERENCES provinces (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_municipalities__istat_code UNIQUE (istat_code)
);
CREATE INDEX ix_municipalities__province_id ON municipalities (province_id);

CREATE TABLE ateco_sectors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CONSTRAINT ck_ateco_sectors__code CHECK (code ~ '^([A-U]|[0-9]{2}(\\.[0-9]{1,2}(\\.[0-9]{1,2})?)?)$'),
  ateco_version text NOT NULL CONSTRAINT ck_ateco_sectors__ateco_version CHECK (ateco_version IN ('2007', '2025')),
  level text NOT NULL CONSTRAINT ck_ateco_sectors__level CHECK (level IN ('SECTION', 'DIVISION', 'GROUP', 'CLASS', 'CATEGORY')),
  section text NOT NULL CONSTRAINT ck_ateco_sectors__section CHECK (section ~ '^[A-U]$'),
  title text NOT NULL CONSTRAINT ck_ateco_sectors__title CHECK (length(title) BETWEEN 1 AND 500),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_ateco_sectors__code UNIQUE (ateco_version, code)
);

CREATE TABLE measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CONSTRAINT ck_measures__code CHECK (code ~ '^[A-Z0-9_]{2,60}$'),
  name text NOT NULL CONSTRAINT ck_measures__name CHECK (length(name) BETWEEN 1 AND 300),
  legal_act text CONSTRAINT ck_measures__legal_act CHECK (length(legal_act) <= 500),
  open_from date,
  open_to date,
  rules text[] NOT NULL DEFAULT '{}' CONSTRAINT ck_measures__rules CHECK (rules <@ ARRAY[
    'MIN_PARTNERS', 'ONE_LEAD', 'LEAD_TYPE', 'PROVINCE_AND_CPI', 'MAX_COMPANIES', 'RECIPIENTS_RANGE',
    'DURATION', 'TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS', 'EXCLUSIVE_POLICY']::text[]),
  min_partners integer CONSTRAINT ck_measures__min_partners CHECK (min_partners >= 1),
  lead_partner_type_codes text[] NOT NULL DEFAULT '{}',
  required_partner_type_codes text[] NOT NULL DEFAULT '{}',
  max_companies integer CONSTRAINT ck_measures__max_companies CHECK (max_companies >= 1),
  min_recipients integer CONSTRAINT ck_measures__min_recipients CHECK (min_recipients >= 0),
  max_recipients integer,
  max_duration_months integer CONSTRAINT ck_measures__max_duration_months CHECK (max_duration_months >= 1),
  process_cap_per_recipient numeric(14,2) CONSTRAINT ck_measures__process_cap_per_recipient CHECK (process_cap_per_recipient > 0),
  placement_cap_per_recipient numeric(14,2) CONSTRAINT ck_measures__placement_cap_per_recipient CHECK (placement_cap_per_recipient > 0),
  self_employment_cap_per_recipient numeric(14,2) CONSTRAINT ck_measures__self_employment_cap_per_recipient CHECK (self_employment_cap_per_recipient > 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_measures__code UNIQUE (code),
  CONSTRAINT ck_measures__open_to CHECK (open_to >= open_from),
  CONSTRAINT ck_measures__max_recipients CHECK (max_recipients >= 0 AND max_recipients >= min_recipients)
);

CREATE TABLE funding_tiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL CONSTRAINT fk_funding_tiers__measure_id REFERENCES measures (id) ON DELETE CASCADE,
  min_recipients integer NOT NULL CONSTRAINT ck_funding_tiers__min_recipients CHECK (min_recipients >= 0),
  max_recipients integer NOT NULL,
  max_contribution numeric(14,2) NOT NULL CONSTRAINT ck_funding_tiers__max_contribution CHECK (max_contribution > 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ck_funding_tiers__max_recipients CHECK (max_recipients >= min_recipients),
  CONSTRAINT uq_funding_tiers__min_recipients UNIQUE (measure_id, min_recipients)
);

CREATE TABLE service_types (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  measure_id uuid NOT NULL CONSTRAINT fk_service_types__measure_id REFERENCES measures (id) ON DELETE CASCADE,
  code text NOT NULL CONSTRAINT ck_service_types__code CHECK (code ~ '^[A-Z0-9_]{2,60}$'),
  name text NOT NULL CONSTRAINT ck_service_types__name CHECK (length(name) BETWEEN 1 AND 300),
  phase integer NOT NULL CONSTRAINT ck_service_types__phase CHECK (phase IN (1, 2)),
  category text NOT NULL CONSTRAINT ck_service_types__category CHECK (category IN ('ACCESS', 'GUIDANCE_TRAINING', 'VOUCHER_TRAINING', 'INTENSIVE_ASSISTANCE')),
  payment text NOT NULL CONSTRAINT ck_service_types__payment CHECK (payment IN ('PROCESS', 'RESULT', 'PROCESS_CONDITIONAL_ON_RESULT', 'VOUCHER')),
  max_hours integer CONSTRAINT ck_service_types__max_hours CHECK (max_hours > 0),
  min_hours integer CONSTRAINT ck_service_types__min_hours CHECK (min_hours > 0),
  voucher_value numeric(14,2) CONSTRAINT ck_service_types__voucher_value CHECK (voucher_value > 0),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_service_types__code UNIQUE (measure_id, code)
);

CREATE TABLE fund_sources (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CONSTRAINT ck_fund_sources__code CHECK (code ~ '^[A-Z0-9_]{2,60}$'),
  name text NOT NULL CONSTRAINT ck_fund_sources__name CHECK (length(name) BETWEEN 1 AND 300),
  programme text CONSTRAINT ck_fund_sources__programme CHECK (length(programme) <= 300),
  budget numeric(14,2) NOT NULL CONSTRAINT ck_fund_sources__budget CHECK (budget > 0),
  available_from date,
  available_to date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_fund_sources__code UNIQUE (code),
  CONSTRAINT ck_fund_sources__available_to CHECK (available_to >= available_from)
);

CREATE TABLE partners (
  tenant_id uuid NOT NULL CONSTRAINT fk_partners__tenant_id REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  legal_name text NOT NULL CONSTRAINT ck_partners__legal_name CHECK (length(legal_name) BETWEEN 1 AND 300),
  tax_code text NOT NULL CONSTRAINT ck_partners__tax_code CHECK (tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
  partner_type_id uuid NOT NULL CONSTRAINT fk_partners__partner_type_id REFERENCES partner_types (id),
  labour_accredited boolean NOT NULL DEFAULT false,
  labour_register_number text CONSTRAINT ck_partners__labour_register_number CHECK (length(labour_register_number) <= 50),
  training_accredited boolean NOT NULL DEFAULT false,
  training_register_number text CONSTRAINT ck_partners__training_register_number CHECK (length(training_register_number) <= 50),
  municipality_id uuid CONSTRAINT fk_partners__municipality_id REFERENCES municipalities (id),
  address text CONSTRAINT ck_partners__address CHECK (length(address) <= 300),
  email text CONSTRAINT ck_partners__email CHECK (length(email) <= 254),
  phone text CONSTRAINT ck_partners__phone CHECK (length(phone) <= 40),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT uq_partners__tax_code UNIQUE (tenant_id, tax_code)
);
CREATE INDEX ix_partners__partner_type_id ON partners (partner_type_id);

CREATE TABLE competence_pacts (
  tenant_id uuid NOT NULL CONSTRAINT fk_competence_pacts__tenant_id REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CONSTRAINT ck_competence_pacts__name CHECK (length(name) BETWEEN 1 AND 300),
  territory text NOT NULL CONSTRAINT ck_competence_pacts__territory CHECK (length(territory) BETWEEN 1 AND 300),
  signed_on date,
  reference_act text NOT NULL DEFAULT 'DGR 7231/2022' CONSTRAINT ck_competence_pacts__reference_act CHECK (length(reference_act) <= 200),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE pact_signatories (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  pact_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_pact_signatories__pact_id FOREIGN KEY (tenant_id, pact_id) REFERENCES competence_pacts (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_pact_signatories__partner_id FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id),
  CONSTRAINT uq_pact_signatories__partner_id UNIQUE (tenant_id, pact_id, partner_id)
);
CREATE INDEX ix_pact_signatories__partner_id ON pact_signatories (tenant_id, partner_id);

CREATE TABLE networks (
  tenant_id uuid NOT NULL CONSTRAINT fk_networks__tenant_id REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CONSTRAINT ck_networks__code CHECK (code ~ '^[A-Za-z0-9_./-]{1,40}$'),
  title text NOT NULL CONSTRAINT ck_networks__title CHECK (length(title) BETWEEN 1 AND 300),
  measure_id uuid NOT NULL CONSTRAINT fk_networks__measure_id REFERENCES measures (id),
  status text NOT NULL DEFAULT 'DRAFT' CONSTRAINT ck_networks__status CHECK (status IN ('DRAFT', 'ACTIVE', 'CLOSED', 'WITHDRAWN')),
  start_date date NOT NULL,
  end_date date NOT NULL,
  planned_suspended integer NOT NULL DEFAULT 0 CONSTRAINT ck_networks__planned_suspended CHECK (planned_suspended >= 0),
  planned_unemployed integer NOT NULL DEFAULT 0 CONSTRAINT ck_networks__planned_unemployed CHECK (planned_unemployed >= 0),
  supply_chain text CONSTRAINT ck_networks__supply_chain CHECK (length(supply_chain) <= 200),
  ateco_sector_id uuid CONSTRAINT fk_networks__ateco_sector_id REFERENCES ateco_sectors (id),
  pact_id uuid,
  description text CONSTRAINT ck_networks__description CHECK (length(description) <= 5000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT uq_networks__code UNIQUE (tenant_id, code),
  CONSTRAINT ck_networks__end_date CHECK (end_date >= start_date),
  CONSTRAINT fk_networks__pact_id FOREIGN KEY (tenant_id, pact_id) REFERENCES competence_pacts (tenant_id, id)
);
CREATE INDEX ix_networks__measure_id ON networks (measure_id);
CREATE INDEX ix_networks__pact_id ON networks (tenant_id, pact_id);

CREATE TABLE network_members (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  role text NOT NULL DEFAULT 'PARTNER' CONSTRAINT ck_network_members__role CHECK (role IN ('LEAD', 'PARTNER')),
  joined_on date,
  left_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_network_members__network_id FOREIGN KEY (tenant_id, network_id) REFERENCES networks (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_network_members__partner_id FOREIGN KEY (tenant_id, partner_id) REFERENCES partners (tenant_id, id),
  CONSTRAINT uq_network_members__partner_id UNIQUE (tenant_id, network_id, partner_id),
  CONSTRAINT ck_network_members__left_on CHECK (left_on >= joined_on)
);
CREATE UNIQUE INDEX uq_network_members__role ON network_members (tenant_id, network_id) WHERE role = 'LEAD';
CREATE INDEX ix_network_members__partner_id ON network_members (tenant_id, partner_id);

CREATE TABLE crisis_companies (
  tenant_id uuid NOT NULL CONSTRAINT fk_crisis_companies__tenant_id REFERENCES tenants (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CONSTRAINT ck_crisis_companies__name CHECK (length(name) BETWEEN 1 AND 300),
  tax_code text NOT NULL CONSTRAINT ck_crisis_companies__tax_code CHECK (tax_code ~ '^([0-9]{11}|[A-Z0-9]{16})$'),
  ateco_sector_id uuid CONSTRAINT fk_crisis_companies__ateco_sector_id REFERENCES ateco_sectors (id),
  supply_chain text CONSTRAINT ck_crisis_companies__supply_chain CHECK (length(supply_chain) <= 200),
  municipality_id uuid NOT NULL CONSTRAINT fk_crisis_companies__municipality_id REFERENCES municipalities (id),
  crisis_instrument text NOT NULL CONSTRAINT ck_crisis_companies__crisis_instrument CHECK (crisis_instrument IN ('CIGS', 'CIGD', 'COLLECTIVE_DISMISSAL', 'INSOLVENCY', 'OTHER')),
  workers_involved integer NOT NULL DEFAULT 0 CONSTRAINT ck_crisis_companies__workers_involved CHECK (workers_involved >= 0),
  expected_redundancies integer NOT NULL DEFAULT 0 CONSTRAINT ck_crisis_companies__expected_redundancies CHECK (expected_redundancies >= 0),
  union_agreement_on date,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT uq_crisis_companies__tax_code UNIQUE (tenant_id, tax_code)
);

CREATE TABLE network_companies (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL,
  crisis_company_id uuid NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_network_companies__network_id FOREIGN KEY (tenant_id, network_id) REFERENCES networks (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT fk_network_companies__crisis_company_id FOREIGN KEY (tenant_id, crisis_company_id) REFERENCES crisis_companies (tenant_id, id),
  CONSTRAINT uq_network_companies__crisis_company_id UNIQUE (tenant_id, network_id, crisis_company_id)
);
CREATE INDEX ix_network_companies__crisis_company_id ON network_companies (tenant_id, crisis_company_id);

CREATE TABLE allocations (
  tenant_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL,
  fund_source_id uuid NOT NULL CONSTRAINT fk_allocations__fund_source_id REFERENCES fund_sources (id),
  amount numeric(14,2) NOT NULL CONSTRAINT ck_allocations__amount CHECK (amount > 0),
  allocated_on date NOT NULL,
  kind text NOT NULL CONSTRAINT ck_allocations__kind CHECK (kind IN ('PROCESS', 'RESULT', 'VOUCHER')),
  status text NOT NULL DEFAULT 'COMMITTED' CONSTRAINT ck_allocations__status CHECK (status IN ('COMMITTED', 'REVOKED')),
  note text CONSTRAINT ck_allocations__note CHECK (length(note) <= 2000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT fk_allocations__network_id FOREIGN KEY (tenant_id, network_id) REFERENCES networks (tenant_id, id),
  CONSTRAINT fk_allocations__tenant_id FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE INDEX ix_allocations__network_id ON allocations (tenant_id, network_id);
CREATE INDEX ix_allocations__fund_source_id ON allocations (fund_source_id) WHERE status = 'COMMITTED';

-- Append-only history of every change. Rows are written by trigger only.
CREATE TABLE audit_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tenant_id uuid CONSTRAINT fk_audit_events__tenant_id REFERENCES tenants (id) ON DELETE SET NULL,
  actor_id uuid,
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  action text NOT NULL CONSTRAINT ck_audit_events__action CHECK (action IN ('INSERT', 'UPDATE', 'DELETE')),
  before jsonb,
  after jsonb,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_audit_events__entity_id ON audit_events (entity_id, at);
CREATE INDEX ix_audit_events__tenant_id ON audit_events (tenant_id, at);

CREATE FUNCTION audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
  new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
  row_data jsonb := coalesce(new_row, old_row);
BEGIN
  INSERT INTO audit_events (tenant_id, actor_id, entity, entity_id, action, before, after)
  VALUES ((row_data ->> 'tenant_id')::uuid, nullif(current_setting('app.user_id', true), '')::uuid,
          TG_TABLE_NAME, (row_data ->> 'id')::uuid, TG_OP, old_row - 'password_hash', new_row - 'password_hash');
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION audit_row() FROM PUBLIC;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['tenants', 'users', 'partner_types', 'provinces', 'municipalities', 'ateco_sectors',
    'measures', 'funding_tiers', 'service_types', 'fund_sources', 'partners', 'competence_pacts',
    'pact_signatories', 'networks', 'network_members', 'crisis_companies', 'network_companies', 'allocations']
  LOOP
    EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO reti_app', t);
  END LOOP;
END $$;
GRANT SELECT ON audit_events TO reti_app;
GRANT USAGE ON SCHEMA public TO reti_app;
GRANT EXECUTE ON FUNCTION app_tenant_id() TO reti_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM reti_app;
REVOKE ALL ON FUNCTION app_tenant_id() FROM reti_app;
REVOKE USAGE ON SCHEMA public FROM reti_app;
DROP TABLE audit_events, allocations, network_companies, crisis_companies, network_members, networks,
  pact_signatories, competence_pacts, partners, fund_sources, service_types, funding_tiers, measures,
  ateco_sectors, municipalities, provinces, partner_types, users, tenants;
DROP FUNCTION audit_row();
DROP FUNCTION app_tenant_id();
`);
  }
}
