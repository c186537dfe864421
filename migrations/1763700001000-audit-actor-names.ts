import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The names of the people behind the audit trail. Users' rows are visible to the app role only for
 * the signed-in user, so the history would show ids; this narrow function gives display names
 * (nothing else) of the caller's colleagues and of administrators, or of anyone to those who read
 * every tenant.
 */
export class AuditActorNames1763700001000 implements MigrationInterface {
  name = 'AuditActorNames1763700001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE FUNCTION audit_actor_names(actor_ids uuid[]) RETURNS TABLE (id uuid, display_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT u.id, u.display_name FROM users u
  WHERE u.id = ANY (actor_ids) AND (u.tenant_id = app_tenant_id() OR u.role = 'ADMIN' OR app_all_tenants())
$$;
REVOKE ALL ON FUNCTION audit_actor_names(uuid[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_actor_names(uuid[]) TO reti_app, reti_admin;
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION audit_actor_names(uuid[])');
  }
}
