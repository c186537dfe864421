import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * /readyz compares the migrations the database has run with the code's list, as the app role,
 * which otherwise reads nothing of TypeORM's bookkeeping.
 */
export class ReadinessCheck1763700000600 implements MigrationInterface {
  name = 'ReadinessCheck1763700000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query('GRANT SELECT ON schema_migrations TO reti_app');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('REVOKE SELECT ON schema_migrations FROM reti_app');
  }
}
