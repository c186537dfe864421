import { QueryFailedError } from 'typeorm';
import { badInput, conflict, DomainError, ErrorCode, forbidden } from '../common/errors';
import { camelCase } from './naming';

/** SQLSTATE of a refusal raised by a trigger that keeps a domain rule (codesign_refuse in the migrations). */
const RULE_REFUSED = 'RT001';

/** PROPOSAL_NOT_FOUND is NOT_FOUND; NOT_AN_AMBITO, NOT_AN_EVALUATOR (the wrong tenant or role) FORBIDDEN; other reasons break a rule. */
function refusalCode(reason = ''): ErrorCode {
  if (reason.endsWith('_NOT_FOUND')) return ErrorCode.NOT_FOUND;
  return /^NOT_AN?_/.test(reason) ? ErrorCode.FORBIDDEN : ErrorCode.RULE_VIOLATION;
}

/** Field named by a constraint such as ck_allocations__amount or fk_networks__measure_id. */
function constraintField(constraint?: string): string | undefined {
  const column = constraint?.split('__')[1];
  return column ? camelCase(column) : undefined;
}

/** Turns a PostgreSQL rejection into the domain error it stands for; anything else stays unexpected. */
export function translateDatabaseError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const pgError = error.driverError as { code?: string; constraint?: string; column?: string; detail?: string; hint?: string; message?: string };
  const field = constraintField(pgError.constraint) ?? (pgError.column ? camelCase(pgError.column) : undefined);
  switch (pgError.code) {
    case '23505':
      return conflict(`A record with this ${field ?? 'value'} already exists`, { field });
    case '23503':
      return pgError.detail?.includes('still referenced')
        ? conflict('The record is still referenced by other records', { field })
        : new DomainError(ErrorCode.NOT_FOUND, `The referenced ${field ?? 'record'} does not exist`, { field });
    case '23502':
    case '23514':
      return badInput(field ?? 'input', `Invalid value for ${field ?? 'input'}`);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
      return badInput(field ?? 'input', 'Malformed value');
    case RULE_REFUSED:
      // A rule kept by a trigger: Italian message, English in DETAIL, the reason's code in HINT.
      return new DomainError(refusalCode(pgError.hint), pgError.message ?? '', {
        reason: pgError.hint,
        messageEn: pgError.detail,
      });
    case '42501':
      return forbidden();
    case '40001':
    case '40P01':
      return conflict('A concurrent change interfered; retry');
    default:
      return error;
  }
}
