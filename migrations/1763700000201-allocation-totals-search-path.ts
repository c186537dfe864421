import { MigrationInterface, QueryRunner } from 'typeorm';

/** The allocation totals' functions search pg_catalog first and pg_temp last, like every other function. */
const FUNCTIONS = [
  'allocation_totals_add(allocation_totals[])',
  'allocation_totals_apply(allocations[], allocations[])',
  'allocation_totals_on_allocations()',
  'allocation_totals_on_networks()',
];

export class AllocationTotalsSearchPath1763700000201 implements MigrationInterface {
  name = 'AllocationTotalsSearchPath1763700000201';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SET search_path = pg_catalog, public, pg_temp`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of FUNCTIONS) await q.query(`ALTER FUNCTION ${fn} SET search_path = public`);
  }
}
