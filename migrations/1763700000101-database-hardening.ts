import { MigrationInterface, QueryRunner } from 'typeorm';

const DEFINERS = ['audit_row()', 'fund_source_committed(uuid, boolean)', 'exclusive_overlaps(uuid[])'];
const APP_ROLES = `('reti_app', 'reti_admin')`;
/** Set by the database, never by the app: the key, the concurrency version and the timestamps. */
const DATABASE_SET = `('id', 'version', 'created_at', 'updated_at', 'session_epoch')`;

/**
 * Defence in depth for the app roles.
 * - SECURITY DEFINER functions search pg_catalog, then public, then pg_temp last: a temporary
 *   table can no longer shadow audit_events and divert the audit trail. No role but the owner may
 *   create temporary objects at all.
 * - Column-level grants: the app roles write only the columns a request may set. An insert names
 *   tenant_id (row-level security checks it); an update never moves a row to another tenant. id,
 *   version and created_at are the database's: a trigger bumps version and updated_at on every
 *   update, so optimistic concurrency no longer trusts the statement to do it.
 */
export class DatabaseHardening1763700000101 implements MigrationInterface {
  name = 'DatabaseHardening1763700000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['${DEFINERS.join("','")}'] LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
  END LOOP;
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$;

CREATE FUNCTION next_version() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  NEW.version := OLD.version + 1;
  NEW.updated_at := now();
  RETURN NEW;
END $$;

DO $$
DECLARE
  t text;
  grant_row record;
  insertable text;
  updatable text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'version' AND NOT a.attisdropped
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relname <> 'audit_events'
  LOOP
    EXECUTE format('CREATE TRIGGER next_version BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION next_version()', t);
  END LOOP;

  FOR grant_row IN
    SELECT c.relname AS table_name, r.rolname AS grantee, g.privilege_type
    FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) g JOIN pg_roles r ON r.oid = g.grantee
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND r.rolname IN ${APP_ROLES} AND g.privilege_type IN ('INSERT', 'UPDATE')
    ORDER BY 1, 2, 3
  LOOP
    SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FILTER (WHERE column_name NOT IN ${DATABASE_SET}),
           string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) FILTER (WHERE column_name NOT IN ${DATABASE_SET}
             AND NOT (column_name = 'tenant_id' AND is_nullable = 'NO') OR column_name = 'updated_at')
    INTO insertable, updatable
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name = grant_row.table_name;
    EXECUTE format('REVOKE %s ON %I FROM %I', grant_row.privilege_type, grant_row.table_name, grant_row.grantee);
    EXECUTE format('GRANT %s (%s) ON %I TO %I', grant_row.privilege_type,
      CASE grant_row.privilege_type WHEN 'INSERT' THEN insertable ELSE updatable END, grant_row.table_name, grant_row.grantee);
  END LOOP;
END $$;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DO $$
DECLARE
  f text;
  t text;
  grant_row record;
BEGIN
  FOR grant_row IN
    SELECT DISTINCT c.relname AS table_name, r.rolname AS grantee, g.privilege_type
    FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid CROSS JOIN LATERAL aclexplode(a.attacl) g JOIN pg_roles r ON r.oid = g.grantee
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND r.rolname IN ${APP_ROLES} AND g.privilege_type IN ('INSERT', 'UPDATE')
    ORDER BY 1, 2, 3
  LOOP
    EXECUTE format('REVOKE %s (%s) ON %I FROM %I', grant_row.privilege_type,
      (SELECT string_agg(quote_ident(column_name), ', ') FROM information_schema.columns WHERE table_schema = 'public' AND table_name = grant_row.table_name),
      grant_row.table_name, grant_row.grantee);
    EXECUTE format('GRANT %s ON %I TO %I', grant_row.privilege_type, grant_row.table_name, grant_row.grantee);
  END LOOP;

  FOR t IN SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = 'next_version' AND NOT tgisinternal LOOP
    EXECUTE format('DROP TRIGGER next_version ON %s', t);
  END LOOP;

  EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO PUBLIC', current_database());
  FOREACH f IN ARRAY ARRAY['${DEFINERS.join("','")}'] LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = public', f);
  END LOOP;
END $$;
DROP FUNCTION next_version();
`);
  }
}
