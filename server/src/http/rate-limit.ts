import { RequestHandler } from 'express';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { RateLimits } from '../config';
import { counterKey, refusal, retryAfterSeconds, sharedCounter } from '../db/rate-limits';
import { API_TOKEN_PREFIX, hashSecret, verifyAccessToken } from '../modules/auth/tokens';

/**
 * Whose allowance a request spends, from its credential alone, without a database lookup: the
 * user of a valid access token, or the API token itself (a script's token stands for its user).
 * Anything else spends only its address's allowance; authentication proper comes later.
 */
async function callerOf(authorization: string | undefined, jwtSecret: Uint8Array): Promise<string | undefined> {
  const credential = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
  if (!credential) return undefined;
  if (credential.startsWith(API_TOKEN_PREFIX)) return `token:${hashSecret(credential)}`;
  const claims = await verifyAccessToken(jwtSecret, credential);
  return claims ? `user:${claims.userId}` : undefined;
}

/**
 * Requests per user and per client address in a fixed window, counted in PostgreSQL so that every
 * API process shares the allowance. Over the limit: HTTP 429 with Retry-After.
 */
export function requestRateLimit(dataSource: DataSource, jwtSecret: Uint8Array, limits: RateLimits): RequestHandler {
  // A caller over the limit is refused from memory until the window ends, without touching the database.
  const counter = (keyPrefix: string, points: number) =>
    sharedCounter(dataSource, { keyPrefix, points, duration: limits.windowSeconds, inMemoryBlockOnConsumed: points });
  const byUser = counter('requests_user', limits.requestsPerUser);
  const byAddress = counter('requests_address', limits.requestsPerAddress);
  return async (req, res, next) => {
    try {
      const caller = await callerOf(req.get('authorization'), jwtSecret);
      const outcomes = await Promise.allSettled([
        byAddress.consume(counterKey(req.ip ?? req.socket.remoteAddress ?? 'unknown')),
        ...(caller ? [byUser.consume(counterKey(caller))] : []),
      ]);
      const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => refusal((o as PromiseRejectedResult).reason));
      if (!refused.length) return next();
      const seconds = Math.max(...refused.map((r: RateLimiterRes) => retryAfterSeconds(r)));
      res.set('Retry-After', String(seconds)).status(429).json({
        errors: [{ message: `Too many requests; try again in ${seconds} s`, extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: seconds } }],
      });
    } catch (error) {
      next(error);
    }
  };
}
