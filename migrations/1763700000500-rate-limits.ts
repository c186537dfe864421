import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters of the login throttle and of the request rate limits, shared by every API process.
 * The layout is rate-limiter-flexible's PostgreSQL store (key, points, expire in epoch
 * milliseconds); the app role uses it as is and creates nothing. Keys are hashes, so no email or
 * client address is kept here. UNLOGGED: counters are worth no WAL flush on every request (an
 * upsert then costs a tenth as much), and after a crash they start again from zero.
 */
export class RateLimits1763700000500 implements MigrationInterface {
  name = 'RateLimits1763700000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
CREATE UNLOGGED TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
CREATE INDEX ix_rate_limits__expire ON rate_limits (expire);
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limits TO reti_app;
`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limits');
  }
}
