import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'PROVINCE', 'METROPOLITAN_CITY', 'AMBITO', 'REGION'`;

/**
 * Third-sector bodies (enti del terzo settore, seed 004) become tenants of their own kind: their
 * editors (role EDITOR of that tenant) write their own co-design proposals. Row-level
 * security tells the kinds apart through app_tenant_kind(), the kind of the request's tenant.
 */
export class ThirdSectorBodies1763700000901 implements MigrationInterface {
  name = 'ThirdSectorBodies1763700000901';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
ALTER TABLE tenants DROP CONSTRAINT ck_tenants__kind;
ALTER TABLE tenants ADD CONSTRAINT ck_tenants__kind CHECK (kind IN (${KINDS}, 'THIRD_SECTOR_BODY'));

CREATE FUNCTION app_tenant_kind() RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS
$$ SELECT kind FROM tenants WHERE id = app_tenant_id() $$;
GRANT EXECUTE ON FUNCTION app_tenant_kind() TO reti_app, reti_admin;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP FUNCTION app_tenant_kind();
ALTER TABLE tenants DROP CONSTRAINT ck_tenants__kind;
ALTER TABLE tenants ADD CONSTRAINT ck_tenants__kind CHECK (kind IN (${KINDS}));
`);
  }
}
