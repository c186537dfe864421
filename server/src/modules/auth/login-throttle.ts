import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { counterKey, refusal, retryAfterSeconds, sharedCounter } from '../../db/rate-limits';
import { DomainError, ErrorCode } from '../../common/errors';

/** Failed sign-ins for one email from one address before every further try has to wait. */
export const FREE_LOGIN_FAILURES = 10;
/** The first wait after the free failures; it doubles with each further failure, up to the maximum. */
export const FIRST_LOGIN_WAIT_SECONDS = 30;
export const MAX_LOGIN_WAIT_SECONDS = 3600;
/** A run of failures is forgotten at the first success, or a day after it began. */
const FAILURE_MEMORY_SECONDS = 86_400;
const ADDRESS_WINDOW_SECONDS = 3600;

/** The wait that the n-th consecutive failure (n ≥ FREE_LOGIN_FAILURES) imposes before the next try. */
export function loginWaitSeconds(failures: number): number {
  return Math.min(FIRST_LOGIN_WAIT_SECONDS * 2 ** (failures - FREE_LOGIN_FAILURES), MAX_LOGIN_WAIT_SECONDS);
}

/** The key of one email from one address, as stored (a hash). */
export const loginPairKey = (email: string, clientAddress: string) => counterKey(email, clientAddress);

export interface LoginAttempt {
  /** The password was right: this email's failures from this address are forgotten, and the address's count gives the attempt back. */
  succeeded(): Promise<void>;
}

function tooManyAttempts(seconds: number): DomainError {
  return new DomainError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-ins; try again in ${seconds} s`, {
    retryAfterSeconds: seconds,
  });
}

/**
 * Stops password guessing without locking out the innocent. Two separate counts:
 * - per email and address: FREE_LOGIN_FAILURES tries, then one try per wait, the wait doubling
 *   with each failure. Someone guessing from elsewhere does not lock the owner out;
 * - per address, any email: a higher threshold an hour, so one person's typos do not refuse a
 *   colleague behind the same address, but a sweep over many emails from one address stops.
 * Every attempt is counted before its password is checked, so guesses sent all at once are held
 * to the same limits. The counters live in PostgreSQL and are shared by every API process.
 */
export class LoginThrottle {
  private readonly failures: RateLimiterPostgres;
  private readonly waits: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(dataSource: DataSource, failuresPerAddress: number) {
    // Counted with penalty() and reward(), which never refuse: the waits below do.
    this.failures = sharedCounter(dataSource, { keyPrefix: 'login_failures', points: FREE_LOGIN_FAILURES, duration: FAILURE_MEMORY_SECONDS });
    // One try per wait: the attempt that takes the single point holds it for the whole wait.
    this.waits = sharedCounter(dataSource, { keyPrefix: 'login_wait', points: 1, duration: FIRST_LOGIN_WAIT_SECONDS });
    this.byAddress = sharedCounter(dataSource, { keyPrefix: 'login_address', points: failuresPerAddress, duration: ADDRESS_WINDOW_SECONDS });
  }

  /** Counts an attempt before its password is checked; throws TOO_MANY_REQUESTS when it has to wait. */
  async begin(email: string, clientAddress: string): Promise<LoginAttempt> {
    const address = counterKey(clientAddress);
    const pair = loginPairKey(email, clientAddress);
    await this.byAddress.consume(address).catch((error) => {
      throw tooManyAttempts(retryAfterSeconds(refusal(error)));
    });
    const { consumedPoints: failures } = await this.failures.penalty(pair);
    if (failures >= FREE_LOGIN_FAILURES) {
      await this.waits.consume(pair, 1, { customDuration: loginWaitSeconds(failures) }).catch(async (error) => {
        const refused = refusal(error);
        // A refused attempt tried no password: it counts nowhere.
        await Promise.all([this.failures.reward(pair), this.byAddress.reward(address)]);
        throw tooManyAttempts(retryAfterSeconds(refused));
      });
    }
    return {
      succeeded: async () => {
        await Promise.all([this.failures.delete(pair), this.waits.delete(pair), this.byAddress.reward(address)]);
      },
    };
  }
}
