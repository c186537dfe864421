import { MigrationInterface, QueryRunner } from 'typeorm';

/** Only an ambito opens a co-design call: kept by the database, like a body's right to write proposals. */
export class CodesignCallKind1763700000903 implements MigrationInterface {
  name = 'CodesignCallKind1763700000903';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE FUNCTION codesign_call_kind() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF codesign_by_app() AND app_tenant_kind() IS DISTINCT FROM 'AMBITO' THEN
    PERFORM codesign_refuse('Le istruttorie di coprogettazione le indice un ambito territoriale.', 'Co-design calls are published by an ambito.', 'NOT_AN_AMBITO');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER codesign_call_kind BEFORE INSERT ON codesign_calls FOR EACH ROW EXECUTE FUNCTION codesign_call_kind();
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
DROP TRIGGER codesign_call_kind ON codesign_calls;
DROP FUNCTION codesign_call_kind();
`);
  }
}
