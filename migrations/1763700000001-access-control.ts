import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['partners', 'competence_pacts', 'pact_signatories', 'networks', 'network_members', 'crisis_companies', 'network_companies', 'allocations'];
const REFERENCE_TABLES = ['tenants', 'users', 'partner_types', 'provinces', 'municipalities', 'ateco_sectors', 'measures', 'funding_tiers', 'service_types', 'fund_sources'];

/**
 * Access control in the database.
 * - reti_app signs in. It reads everything it may see and writes tenant rows, and is NOINHERIT,
 *   so the roles below lend it nothing until a request switches to them with SET LOCAL ROLE.
 * - reti_admin writes reference data (GRANTs), for administrators' requests only.
 * - Tenant tables have row-level security, enabled and forced: a row is visible and writable
 *   only when its tenant_id is the request's app.tenant_id. Regional readers and admins read all
 *   tenants when the request sets app.all_tenants. Nothing set means nothing visible.
 * - Sign-in tables: API tokens, refresh tokens, login attempts.
 */
export class AccessControl1763700000001 implements MigrationInterface {
  name = 'AccessControl1763700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reti_admin') THEN CREATE ROLE reti_admin NOLOGIN; END IF;
END $$;
ALTER ROLE reti_app NOINHERIT;
GRANT reti_admin TO reti_app;

CREATE FUNCTION app_all_tenants() RETURNS boolean LANGUAGE sql STABLE AS
$$ SELECT coalesce(current_setting('app.all_tenants', true), '') = 'on' $$;
GRANT EXECUTE ON FUNCTION app_all_tenants() TO reti_app, reti_admin;
GRANT EXECUTE ON FUNCTION app_tenant_id() TO reti_admin;
GRANT USAGE ON SCHEMA public TO reti_admin;

CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL CONSTRAINT fk_api_tokens__user_id REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CONSTRAINT ck_api_tokens__name CHECK (length(name) BETWEEN 1 AND 100),
  token_hash text NOT NULL CONSTRAINT uq_api_tokens__token_hash UNIQUE,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  last_used_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_api_tokens__user_id ON api_tokens (user_id);

CREATE TABLE refresh_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL CONSTRAINT fk_refresh_tokens__user_id REFERENCES users (id) ON DELETE CASCADE,
  family_id uuid NOT NULL,
  token_hash text NOT NULL CONSTRAINT uq_refresh_tokens__token_hash UNIQUE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_refresh_tokens__family_id ON refresh_tokens (family_id);

CREATE TABLE login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  client_address text NOT NULL,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ix_login_attempts__email ON login_attempts (email, at);
CREATE INDEX ix_login_attempts__client_address ON login_attempts (client_address, at);

GRANT SELECT, INSERT, UPDATE, DELETE ON api_tokens, refresh_tokens TO reti_app, reti_admin;
GRANT SELECT, INSERT, DELETE ON login_attempts TO reti_app, reti_admin;

-- Reference data: everyone reads; only administrators write.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['${REFERENCE_TABLES.join("','")}'] LOOP
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I FROM reti_app', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO reti_admin', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['${TENANT_TABLES.join("','")}'] LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO reti_admin', t);
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant_id()) WITH CHECK (tenant_id = app_tenant_id())', t);
    EXECUTE format('CREATE POLICY all_tenants_read ON %I FOR SELECT USING (app_all_tenants())', t);
  END LOOP;
END $$;
-- Every user may change their own password; the code checks it is their own row.
GRANT UPDATE (password_hash, version, updated_at) ON users TO reti_app;

GRANT SELECT ON audit_events TO reti_admin;
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
-- Users are read by administrators only, and so is their history: a user's rows carry the tenant
-- they work in, which would otherwise show their email and role to that tenant's editors.
CREATE POLICY tenant_read ON audit_events FOR SELECT USING (
  (tenant_id = app_tenant_id() OR app_all_tenants()) AND (entity <> 'users' OR current_user = 'reti_admin'));
-- Only the audit trigger (SECURITY DEFINER, run as the owner) inserts: the app roles have no INSERT grant.
CREATE POLICY trigger_append ON audit_events FOR INSERT WITH CHECK (true);

-- FUND_BUDGET spans tenants. This is the one narrow path across them: it returns only the total
-- committed by all tenants. With lock_source it first takes a transaction lock on the fund source,
-- serialising allocations against it; VOLATILE so the total is read after the lock is granted.
CREATE FUNCTION fund_source_committed(source_id uuid, lock_source boolean DEFAULT false) RETURNS numeric
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF lock_source THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('fund_source:' || source_id::text, 0));
  END IF;
  RETURN (SELECT coalesce(sum(amount), 0) FROM allocations WHERE fund_source_id = source_id AND status = 'COMMITTED');
END $$;
REVOKE ALL ON FUNCTION fund_source_committed(uuid, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fund_source_committed(uuid, boolean) TO reti_app, reti_admin;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP FUNCTION fund_source_committed(uuid, boolean);
DROP POLICY tenant_read ON audit_events;
DROP POLICY trigger_append ON audit_events;
ALTER TABLE audit_events NO FORCE ROW LEVEL SECURITY;
ALTER TABLE audit_events DISABLE ROW LEVEL SECURITY;
REVOKE UPDATE (password_hash, version, updated_at) ON users FROM reti_app;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['${TENANT_TABLES.join("','")}'] LOOP
    EXECUTE format('DROP POLICY tenant_isolation ON %I', t);
    EXECUTE format('DROP POLICY all_tenants_read ON %I', t);
    EXECUTE format('ALTER TABLE %I NO FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['${REFERENCE_TABLES.join("','")}'] LOOP
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I TO reti_app', t);
  END LOOP;
END $$;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM reti_admin;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM reti_admin;
REVOKE USAGE ON SCHEMA public FROM reti_admin;
DROP TABLE login_attempts, refresh_tokens, api_tokens;
DROP FUNCTION app_all_tenants();
`);
    // Roles belong to the whole server, not to this database: reti_admin and reti_app's membership
    // stay, so rolling back one database cannot break the others on the same server.
  }
}
