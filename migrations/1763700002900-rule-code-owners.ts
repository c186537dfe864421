import { MigrationInterface, QueryRunner } from 'typeorm';

/** The money rules are declared by the funding module (funding.rule.ts): rule_codes names it as their owner. */
export class RuleCodeOwners1763700002900 implements MigrationInterface {
  name = 'RuleCodeOwners1763700002900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE rule_codes SET owner = 'funding' WHERE code IN ('TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS') AND owner = 'allocation'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE rule_codes SET owner = 'allocation' WHERE code IN ('TIER_CAP', 'FUND_BUDGET', 'PER_RECIPIENT_CAPS') AND owner = 'funding'`);
  }
}
