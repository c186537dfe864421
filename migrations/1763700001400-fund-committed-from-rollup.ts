import { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNATURE = `fund_source_committed(source_id uuid, lock_source boolean DEFAULT false) RETURNS numeric
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp`;

const LOCK = `IF lock_source THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('fund_source:' || source_id::text, 0));
  END IF;`;

/**
 * A fund source's committed total from allocation_totals, the rollup the triggers keep exact in
 * each writer's own transaction, instead of a sum over every tenant's allocations: a few rows per
 * tenant, measure, kind and year, read through an index, whatever the number of allocations. The
 * contract is unchanged: with lock_source the fund's transaction lock comes first, and the total is
 * read once it is granted (VOLATILE: a fresh snapshot after the wait), so it counts every
 * allocation committed before.
 */
export class FundCommittedFromRollup1763700001400 implements MigrationInterface {
  name = 'FundCommittedFromRollup1763700001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE INDEX allocation_totals_fund_source ON allocation_totals (fund_source_id, status) INCLUDE (amount);
CREATE OR REPLACE FUNCTION ${SIGNATURE} AS $$
BEGIN
  ${LOCK}
  RETURN (SELECT coalesce(sum(amount), 0) FROM allocation_totals WHERE fund_source_id = source_id AND status = 'COMMITTED');
END $$;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE OR REPLACE FUNCTION ${SIGNATURE} AS $$
BEGIN
  ${LOCK}
  RETURN (SELECT coalesce(sum(amount), 0) FROM allocations WHERE fund_source_id = source_id AND status = 'COMMITTED');
END $$;
DROP INDEX allocation_totals_fund_source;
`);
  }
}
