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

interface PendingSpend {
  allowances: Allowance[];
  settle: (seconds: number | undefined) => void;
  fail: (error: unknown) => void;
}

/** Spends a batch holds at most: its statement's arrays stay small whatever the load. */
const MAX_BATCH = 256;

/** The counter's row key in rate_limits. */
export const counterOf = (allowance: Allowance) => `${allowance.keyPrefix}:${allowance.key}`;

/**
 * Spends one point of each allowance, in fixed windows of `windowSeconds` as sharedCounter counts
 * them, and answers the seconds to wait when any of them is over its limit.
 *
 * Spends that arrive while a statement is on its way wait for the next one, which spends them all:
 * one round trip per batch rather than per request (each cost as much CPU as a small query's
 * answer). Each spend still gets the point it would have got alone, in arrival order, and every
 * process shares the counters; keys are upserted in sorted order, so two processes' batches cannot
 * deadlock on them.
 */
export class AllowanceLedger {
  private queue: PendingSpend[] = [];
  private flushing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly windowSeconds: number,
  ) {}

  spend(allowances: Allowance[]): Promise<number | undefined> {
    return new Promise((settle, fail) => {
      this.queue.push({ allowances, settle, fail });
      if (!this.flushing) {
        this.flushing = true;
        // Spends sent in the same turn of the event loop share the first statement too.
        queueMicrotask(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0, MAX_BATCH);
      try {
        await this.spendBatch(batch);
      } catch (error) {
        for (const pending of batch) pending.fail(error);
      }
    }
    this.flushing = false;
  }

  private async spendBatch(batch: PendingSpend[]): Promise<void> {
    const now = Date.now();
    const counts = new Map<string, number>();
    for (const { allowances } of batch) for (const a of allowances) counts.set(counterOf(a), (counts.get(counterOf(a)) ?? 0) + 1);
    const keys = [...counts.keys()].sort();
    const rows = await poolQuery<{ key: string; points: number; expire: string }>(
      this.dataSource,
      `INSERT INTO rate_limits AS r (key, points, expire) SELECT k, n, $3 FROM unnest($1::varchar[], $2::int[]) AS s(k, n)
       ON CONFLICT (key) DO UPDATE SET
         points = CASE WHEN r.expire <= $4 THEN excluded.points ELSE r.points + excluded.points END,
         expire = CASE WHEN r.expire <= $4 THEN $3 ELSE r.expire END
       RETURNING key, points, expire`,
      [keys, keys.map((k) => counts.get(k)!), now + this.windowSeconds * 1000, now],
    );
    // Points are handed out in arrival order: the batch's first spend of a key gets the lowest.
    const next = new Map(rows.map((row) => [row.key, { point: row.points - counts.get(row.key)! + 1, expire: Number(row.expire) }]));
    for (const { allowances, settle } of batch) {
      let wait: number | undefined;
      for (const a of allowances) {
        const counter = next.get(counterOf(a))!;
        if (counter.point++ > a.limit) wait = Math.max(wait ?? 0, Math.max(1, Math.ceil((counter.expire - now) / 1000)));
      }
      settle(wait);
    }
  }
}

/** Recent counter keys by what they count: a request spends one or two, mostly the same few callers' again. */
const recentKeys = new Map<string, string>();
const RECENT_KEYS = 10_000;

/** Counter keys are hashes of what they count (an email and an address, a user), never the values themselves. */
export function counterKey(...parts: string[]): string {
  const counted = parts.join('\u0000');
  let key = recentKeys.get(counted);
  if (key === undefined) {
    key = createHash('sha256').update(counted).digest('hex');
    if (recentKeys.size >= RECENT_KEYS) recentKeys.clear();
    recentKeys.set(counted, key);
  }
  return key;
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
