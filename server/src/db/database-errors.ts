import { QueryFailedError } from 'typeorm';
import { badInput, conflict, DomainError, ErrorCode, forbidden } from '../common/errors';
import { camelCase } from './naming';

/** Field named by a constraint such as ck_allocations__amount or fk_networks__measure_id. */
function constraintField(constraint?: string): string | undefined {
  const column = constraint?.split('__')[1];
  return column ? camelCase(column) : undefined;
}

/** Turns a PostgreSQL rejection into the domain error it stands for; anything else stays unexpected. */
export function translateDatabaseError(error: unknown): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const pgError = error.driverError as { code?: string; constraint?: string; column?: string; detail?: string };
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
      return badInput(field ?? 'input', `Invalid value for ${field ?? 'input'}`);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
    case '22021':
      return badInput(field ?? 'input', 'Malformed value');
    case '42501':
      return forbidden();
    case '40001':
    case '40P01':
      return conflict('A concurrent change interfered; retry');
    default:
      return error;
  }
}
