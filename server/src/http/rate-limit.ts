import { RequestHandler } from 'express';
import { DataSource } from 'typeorm';
import { RateLimits } from '../config';
import { AllowanceLedger, counterKey } from '../db/rate-limits';
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
 * Requests per user and per client address in a fixed window, counted in PostgreSQL (one statement
 * for both) so that every API process shares the allowance. Over the limit: HTTP 429 with Retry-After.
 */
export function requestRateLimit(dataSource: DataSource, jwtSecret: Uint8Array, limits: RateLimits): RequestHandler {
  const ledger = new AllowanceLedger(dataSource, limits.windowSeconds);
  return async (req, res, next) => {
    try {
      const caller = await callerOf(req.get('authorization'), jwtSecret);
      const seconds = await ledger.spend([
        { keyPrefix: 'requests_address', key: counterKey(req.ip ?? req.socket.remoteAddress ?? 'unknown'), limit: limits.requestsPerAddress },
        ...(caller ? [{ keyPrefix: 'requests_user', key: counterKey(caller), limit: limits.requestsPerUser }] : []),
      ]);
      if (seconds === undefined) return next();
      res.set('Retry-After', String(seconds)).status(429).json({
        errors: [{ message: `Too many requests; try again in ${seconds} s`, extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: seconds } }],
      });
    } catch (error) {
      next(error);
    }
  };
}
