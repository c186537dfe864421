import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * A counter kept in the rate_limits table (migration 1763700000500), so that every API process
 * shares it. The app role creates no tables: the library is told the table exists.
 */
export function sharedCounter(
  dataSource: DataSource,
  options: { keyPrefix: string; points: number; duration: number },
): RateLimiterPostgres {
  return new RateLimiterPostgres({ storeClient: dataSource, storeType: 'typeorm', tableName: 'rate_limits', tableCreated: true, ...options });
}

/** One allowance a request spends: its counter's key (as sharedCounter names it) and its limit. */
export interface Allowance {
  keyPrefix: string;
  key: string;
  limit: number;
}

/**
 * A statement of its own on the primary, straight through the pool: a TypeORM query runner (and the
 * entity manager it builds) cost more CPU than the statement. Logged like the runner's statements.
 */
export async function poolQuery<T>(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<T[]> {
  dataSource.logger.logQuery(sql, parameters);
  return (await (dataSource.driver as PostgresDriver).master.query(sql, parameters)).rows;
}

/**
 * Spends one point of each allowance in a single statement, in fixed windows of `windowSeconds`
 * as sharedCounter counts them. Answers the seconds to wait when any allowance is over its limit.
 */
export async function spendAllowances(dataSource: DataSource, windowSeconds: number, allowances: Allowance[]): Promise<number | undefined> {
  const now = Date.now();
  const rows = await poolQuery<{ key: string; points: number; expire: string }>(
    dataSource,
    `INSERT INTO rate_limits AS r (key, points, expire) SELECT k, 1, $2 FROM unnest($1::varchar[]) AS k
     ON CONFLICT (key) DO UPDATE SET
       points = CASE WHEN r.expire <= $3 THEN 1 ELSE r.points + 1 END,
       expire = CASE WHEN r.expire <= $3 THEN $2 ELSE r.expire END
     RETURNING key, points, expire`,
    [allowances.map((a) => `${a.keyPrefix}:${a.key}`), now + windowSeconds * 1000, now],
  );
  const limits = new Map(allowances.map((a) => [`${a.keyPrefix}:${a.key}`, a.limit]));
  const waits = rows.filter((row) => row.points > limits.get(row.key)!).map((row) => Math.max(1, Math.ceil((Number(row.expire) - now) / 1000)));
  return waits.length ? Math.max(...waits) : undefined;
}

/** Counter keys are hashes of what they count (an email and an address, a user), never the values themselves. */
export function counterKey(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/**
 * The outcome of a refused `consume`. The library rejects with a RateLimiterRes when the limit is
 * reached and with an Error when the store fails; the latter is rethrown.
 */
export function refusal(error: unknown): RateLimiterRes {
  if (error instanceof RateLimiterRes) return error;
  throw error;
}

/** Whole seconds until a refused key may try again, at least 1. */
export function retryAfterSeconds(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}
