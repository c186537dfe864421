import { HeaderMap } from '@apollo/server';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors';
import { Logger } from '../common/logger';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/database-errors';

/** HTTP status of a response that carries one of these errors: sign in again, or wait. */
const HTTP_STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.TOO_MANY_REQUESTS]: 429, [ErrorCode.UNAVAILABLE]: 503 };

/**
 * The one mapping from domain errors to GraphQL errors; anything else passes unchanged, except a
 * database that cannot be reached, wherever it surfaced. A wait to respect becomes Retry-After.
 */
export function graphqlErrorOf(cause: unknown): unknown {
  const error = !(cause instanceof DomainError) && isDatabaseUnavailable(cause) ? databaseUnavailable() : cause;
  if (!(error instanceof DomainError)) return error;
  const status = HTTP_STATUS[error.code];
  const retryAfter = error.details.retryAfterSeconds;
  const http = status && (typeof retryAfter === 'number' ? { status, headers: new HeaderMap([['retry-after', String(retryAfter)]]) } : { status });
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, ...error.details, ...(http ? { http } : {}) },
  });
}

/** A document over one of its budgets (graphql/limits.ts), refused before it runs. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** An answer over the response budget (graphql/limits.ts), replaced by this error. */
export const RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE';

const CLIENT_CODES = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', QUERY_TOO_COMPLEX, RESPONSE_TOO_LARGE]);

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
 * everything else is masked so no SQL or stack trace ever leaves the server, and goes to `log`.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log?: Logger): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const validationErrors = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } })?.extensions?.validationErrors;
  if (validationErrors) {
    // A validator that throws (isEmail on a lone UTF-16 surrogate, say) leaves an error here instead of a list.
    const first = Array.isArray(validationErrors) ? firstInvalidPath(validationErrors) : undefined;
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
  log?.error({ err: original, path: formatted.path }, 'Unexpected error');
  return { message: 'Unexpected error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
