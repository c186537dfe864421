import { MigrationInterface, QueryRunner } from 'typeorm';

/** Seed 003 (Allegato 1) sets no project duration for GOL Percorso 5: the 12 months came from the other measures. */
export class GolP5WithoutDuration1763700000701 implements MigrationInterface {
  name = 'GolP5WithoutDuration1763700000701';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE measures SET max_duration_months = NULL, rules = array_remove(rules, 'DURATION') WHERE code = 'RETE_RICOLLOCAZIONE_GOL_P5'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
UPDATE measures SET max_duration_months = 12, rules = rules || ARRAY['DURATION']
WHERE code = 'RETE_RICOLLOCAZIONE_GOL_P5' AND NOT 'DURATION' = ANY (rules)`);
  }
}
