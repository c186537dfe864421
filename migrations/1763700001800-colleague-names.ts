import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The active users of the caller's own tenant, by display name only: an Ambito appoints its
 * evaluators among them. Users' rows are visible to the app role only for the signed-in user, so
 * this narrow function gives names and ids, nothing else, and only of the caller's colleagues.
 */
export class ColleagueNames1763700001800 implements MigrationInterface {
  name = 'ColleagueNames1763700001800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE FUNCTION tenant_colleagues() RETURNS TABLE (id uuid, display_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT u.id, u.display_name FROM users u
  WHERE u.tenant_id = app_tenant_id() AND u.active
  ORDER BY u.display_name, u.id
$$;
REVOKE ALL ON FUNCTION tenant_colleagues() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_colleagues() TO reti_app, reti_admin;
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION tenant_colleagues()');
  }
}
