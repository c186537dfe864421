import { QueryFailedError } from 'typeorm';
import { badInput, conflict, DomainError, ErrorCode, forbidden } from '../common/errors';
import { camelCase } from './naming';

/** SQLSTATE of a refusal raised by a trigger that keeps a domain rule (codesign_refuse in the migrations). */
const RULE_REFUSED = 'RT001';

/** PROPOSAL_NOT_FOUND is NOT_FOUND; NOT_AN_AMBITO, NOT_AN_EVALUATOR (the wrong tenant or role) FORBIDDEN; other reasons break a rule. */
function refusalCode(reason = ''): ErrorCode {
  if (reason.endsWith('_NOT_FOUND')) return ErrorCode.NOT_FOUND;
  if (reason.startsWith('TOO_MANY_')) return ErrorCode.TOO_MANY_REQUESTS;
  return /^NOT_AN?_/.test(reason) ? ErrorCode.FORBIDDEN : ErrorCode.RULE_VIOLATION;
}

/** Field named by a constraint such as ck_allocations__amount or fk_networks__measure_id. */
function constraintField(constraint?: string): string | undefined {
  const column = constraint?.split('__')[1];
  return column ? camelCase(column) : undefined;
}

/** Seconds a client is asked to wait (Retry-After) while the database cannot be reached. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** Network failures of the socket to PostgreSQL. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** What pg and pg-pool say when a connection broke, was closed under a query, or could not be had in time. */
const LOST_CONNECTION = /^Connection terminated|not queryable|^timeout exceeded when trying to connect|^Client has encountered a connection error/;

/**
 * Whether an error means that PostgreSQL cannot be reached right now, rather than that it refused
 * what was asked: refused or broken connections, a server shutting down or starting up (57P01–57P03),
 * SQLSTATE class 08 (connection exception), no connection slot left (53300), a pool that could not connect in time.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 4; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || /^(57P0[123]|08...|53300)$/.test(code))) return true;
    if (LOST_CONNECTION.test(cause.message)) return true;
    // A refused connection to every address of a host comes as an AggregateError without a message of its own.
    if (cause instanceof AggregateError && cause.errors.some(isDatabaseUnavailable)) return true;
    cause = (cause as { driverError?: unknown }).driverError ?? cause.cause;
  }
  return false;
}

export const databaseUnavailable = () =>
  new DomainError(ErrorCode.UNAVAILABLE, 'Il database non è raggiungibile: riprova tra poco / The database cannot be reached; try again shortly', {
    retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS,
  });

/** What a check of the database asks for, where its name alone would not tell the user what to write. */
const CHECK_MESSAGES: Record<string, { it: string; en: string }> = {
  ck_codesign_scores__reason: { it: 'Scrivi la motivazione del punteggio (da 1 a 5.000 caratteri).', en: 'Write the reason for the score (1 to 5,000 characters).' },
  ck_ambito_municipalities__ambito_id: {
    it: 'Solo un ambito territoriale ha dei comuni: scegli un ente di tipo ambito.',
    en: 'Only a social-services district (ambito) has municipalities: choose an ambito.',
  },
};

/**
 * A value a NOT NULL or CHECK constraint refused, in Italian with its English in `messageEn`, saying
 * what to write; `constraint` lets a client word it itself. A trigger's own words (RAISE … CONSTRAINT)
 * are Italian already.
 */
function invalidValue(code: '23502' | '23514', field: string, constraint: string | undefined, raised: string | undefined) {
  const known = constraint ? CHECK_MESSAGES[constraint] : undefined;
  const fromTrigger = code === '23514' && raised && !/violates check constraint/.test(raised) ? raised : undefined;
  const message =
    known ??
    (code === '23502'
      ? { it: `Manca un valore obbligatorio: compila «${field}».`, en: `A required value is missing: fill in "${field}".` }
      : { it: fromTrigger ?? `Valore non ammesso per «${field}»: correggilo e riprova.`, en: `The value of "${field}" is not allowed: correct it and try again.` });
  return new DomainError(ErrorCode.BAD_USER_INPUT, message.it, { field, constraint, messageEn: message.en });
}

/** Turns a PostgreSQL rejection into the domain error it stands for; anything else stays unexpected. */
export function translateDatabaseError(error: unknown): unknown {
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  if (!(error instanceof QueryFailedError)) return error;
  const pgError = error.driverError as { code?: string; constraint?: string; column?: string; detail?: string; hint?: string; message?: string };
  const field = constraintField(pgError.constraint) ?? (pgError.column ? camelCase(pgError.column) : undefined);
  switch (pgError.code) {
    case '23505':
      // `reason` tells a duplicate, which belongs on its field, from a stale version or a record still in use.
      return conflict(`A record with this ${field ?? 'value'} already exists`, { field, reason: 'duplicate' });
    case '23503':
      return pgError.detail?.includes('still referenced')
        ? conflict('The record is still referenced by other records', { field, reason: 'referenced' })
        : new DomainError(ErrorCode.NOT_FOUND, `The referenced ${field ?? 'record'} does not exist`, { field });
    case '23502':
    case '23514':
      return invalidValue(pgError.code, field ?? 'input', pgError.constraint, pgError.message);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
      return badInput(field ?? 'input', 'Malformed value');
    case RULE_REFUSED: {
      // A rule kept by a trigger: Italian message, English in DETAIL, the reason's code in HINT. A
      // broken rule is reported like the measures' rules, so clients read one shape.
      const code = refusalCode(pgError.hint);
      const message = pgError.message ?? '';
      const violations = code === ErrorCode.RULE_VIOLATION ? [{ rule: pgError.hint, message, messageEn: pgError.detail, ids: [], field: '', from: null }] : undefined;
      return new DomainError(code, message, { reason: pgError.hint, messageEn: pgError.detail, violations });
    }
    case '42501':
      return forbidden();
    case '40001':
    case '40P01':
      return conflict('A concurrent change interfered; retry');
    default:
      return error;
  }
}
