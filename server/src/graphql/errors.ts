import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { camelCase } from '../db/naming';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RULE_VIOLATION = 'RULE_VIOLATION',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

/** An error the client is meant to see: it carries a code and, where it helps, the field. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });
export const notFound = (entity: string, id?: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `${entity} not found`, id ? { id } : {});
export const conflict = (message: string, extensions: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.CONFLICT, message, extensions);
export const forbidden = (message = 'Not allowed') => new DomainError(ErrorCode.FORBIDDEN, message);

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
    case '42501':
      return forbidden();
    case '40001':
    case '40P01':
      return conflict('A concurrent change interfered; retry');
    default:
      return error;
  }
}

const CLIENT_CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

interface ValidationErrorLike { property: string; children?: ValidationErrorLike[]; constraints?: Record<string, string> }

function firstInvalidPath(errors: ValidationErrorLike[], prefix: string[] = []): { field: string; message: string; constraint: string } | undefined {
  for (const e of errors) {
    if (e.constraints) {
      const [constraint, message] = Object.entries(e.constraints)[0];
      return { field: [...prefix, e.property].join('.'), message, constraint };
    }
    const nested = firstInvalidPath(e.children ?? [], [...prefix, e.property]);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * The one place errors meet the client. Known codes pass; validation failures name their field;
 * everything else is masked so no SQL or stack trace ever leaves the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })?.extensions?.validationErrors;
  if (validationErrors) {
    const first = firstInvalidPath(validationErrors);
    return {
      message: first ? `${first.field}: ${first.message}` : 'Invalid input',
      locations: formatted.locations,
      path: formatted.path,
      // constraint (e.g. isEmail, isTaxCode, length) lets clients word the message in their own language.
      extensions: { code: ErrorCode.BAD_USER_INPUT, field: first?.field.split('.').pop(), fieldPath: first?.field, constraint: first?.constraint },
    };
  }
  const code = formatted.extensions?.code as string | undefined;
  if (code && CLIENT_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    // A variable that failed its scalar (a bad date or amount) is named only in the message: 'at "input.startDate"'.
    const variablePath = code === ErrorCode.BAD_USER_INPUT && !extensions.field ? /at "([^"]+)"/.exec(formatted.message)?.[1] : undefined;
    if (variablePath) Object.assign(extensions, { field: variablePath.split('.').pop(), fieldPath: variablePath });
    return { ...formatted, extensions };
  }
  // graphql-js and Apollo refuse some requests before any resolver runs with a bare GraphQLError
  // and no code: a persisted query whose hash does not match its text (with HTTP 400), more than
  // 50 invalid variables. Nothing went wrong inside: the request is at fault.
  if (error instanceof GraphQLError && !error.originalError && !error.path && code === 'INTERNAL_SERVER_ERROR') {
    const persistedQuery = (error.extensions.http as { status?: number } | undefined)?.status === 400;
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT, field: persistedQuery ? 'persistedQuery' : 'variables' } };
  }
  console.error('Unexpected error', original);
  return { message: 'Unexpected error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
