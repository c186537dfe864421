export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RULE_VIOLATION = 'RULE_VIOLATION',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The database cannot be reached for now; the request may be sent again (Retry-After). */
  UNAVAILABLE = 'UNAVAILABLE',
}

/**
 * An error the client is meant to see: it carries a code and, where it helps, the field. Other
 * details (ids, violations) travel with it. The edges (GraphQL, HTTP) decide how it is shown.
 */
export class DomainError extends Error {
  readonly field?: string;

  constructor(readonly code: ErrorCode, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.field = typeof details.field === 'string' ? details.field : undefined;
  }
}

export const badInput = (field: string, message: string) =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { field });
export const notFound = (entity: string, id?: string) =>
  new DomainError(ErrorCode.NOT_FOUND, `${entity} not found`, id ? { id } : {});
export const conflict = (message: string, details: Record<string, unknown> = {}) =>
  new DomainError(ErrorCode.CONFLICT, message, details);
export const forbidden = (message = 'Not allowed') => new DomainError(ErrorCode.FORBIDDEN, message);
