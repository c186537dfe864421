import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reference data for co-design (seed 004): the municipalities an ambito is made of, and the target
 * groups a co-design call addresses. Both are global, read by everyone, written by administrators.
 * ambito_municipalities names its tenant ambito_id, not tenant_id: the rows belong to no tenant.
 */
export class AmbitoTerritories1763700000900 implements MigrationInterface {
  name = 'AmbitoTerritories1763700000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE TABLE ambito_municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  ambito_id uuid NOT NULL CONSTRAINT fk_ambito_municipalities__ambito_id REFERENCES tenants (id) ON DELETE CASCADE,
  municipality_id uuid NOT NULL CONSTRAINT fk_ambito_municipalities__municipality_id REFERENCES municipalities (id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_ambito_municipalities__municipality_id UNIQUE (ambito_id, municipality_id)
);
CREATE INDEX ix_ambito_municipalities__municipality_id ON ambito_municipalities (municipality_id);

-- Only a tenant of kind AMBITO has municipalities.
CREATE FUNCTION ambito_municipality_check() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM tenants WHERE id = NEW.ambito_id AND kind = 'AMBITO') THEN
    RAISE EXCEPTION 'Solo un ente di tipo ambito ha dei comuni.' USING ERRCODE = 'check_violation', CONSTRAINT = 'ck_ambito_municipalities__ambito_id';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ambito_kind BEFORE INSERT OR UPDATE ON ambito_municipalities FOR EACH ROW EXECUTE FUNCTION ambito_municipality_check();

CREATE TABLE target_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL CONSTRAINT ck_target_groups__code CHECK (code ~ '^[A-Z0-9_]{2,40}$'),
  name text NOT NULL CONSTRAINT ck_target_groups__name CHECK (length(name) BETWEEN 1 AND 300),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT uq_target_groups__code UNIQUE (code)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['ambito_municipalities', 'target_groups'] LOOP
    EXECUTE format('CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION audit_row()', t);
    EXECUTE format('CREATE TRIGGER next_version BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION next_version()', t);
    EXECUTE format('GRANT SELECT ON %I TO reti_app, reti_admin', t);
    EXECUTE format('GRANT DELETE ON %I TO reti_admin', t);
  END LOOP;
END $$;
GRANT INSERT (ambito_id, municipality_id), UPDATE (ambito_id, municipality_id, updated_at) ON ambito_municipalities TO reti_admin;
GRANT INSERT (code, name), UPDATE (code, name, updated_at) ON target_groups TO reti_admin;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP TABLE target_groups, ambito_municipalities;
DROP FUNCTION ambito_municipality_check();
`);
  }
}
