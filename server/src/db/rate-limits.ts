import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';

/**
 * A counter kept in the rate_limits table (migration 1763700000500), so that every API process
 * shares it. The app role creates no tables: the library is told the table exists.
 */
export function sharedCounter(
  dataSource: DataSource,
  options: { keyPrefix: string; points: number; duration: number; inMemoryBlockOnConsumed?: number },
): RateLimiterPostgres {
  return new RateLimiterPostgres({ storeClient: dataSource, storeType: 'typeorm', tableName: 'rate_limits', tableCreated: true, ...options });
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
