import { GraphQLField } from 'graphql';
import { DomainError, ErrorCode } from '../common/errors';

/** The longest list an argument may carry: far beyond any screen, far below PostgreSQL's 65,535 bind parameters. */
export const MAX_LIST_LENGTH = 1000;

/**
 * A field extension, `@Extensions({ [CHECKS_OWN_TEXT]: true })`, for a resolver that finds NUL
 * characters in its text itself and reports them in its own way (importCsv, row by row).
 */
export const CHECKS_OWN_TEXT = 'checksOwnText';

interface Problem {
  path: string[];
  message: (name: string) => string;
}

function problemIn(value: unknown, path: string[], checkText: boolean): Problem | undefined {
  if (typeof value === 'string') {
    // PostgreSQL cannot store NUL in text: caught here, it never reaches (and aborts) the request's transaction.
    return checkText && value.includes('\u0000') ? { path, message: (name) => `${name} contains a NUL character` } : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_LENGTH) {
      return { path, message: (name) => `${name} has ${value.length} items; at most ${MAX_LIST_LENGTH} are accepted` };
    }
    for (const item of value) {
      const problem = problemIn(item, path, checkText);
      if (problem) return problem;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const problem = problemIn(item, [...path, key], checkText);
      if (problem) return problem;
    }
  }
  return undefined;
}

/**
 * Every argument of every field, before its resolver runs: no NUL character in any text and no
 * list longer than MAX_LIST_LENGTH, anywhere in the input. Answers BAD_USER_INPUT naming the field.
 */
export function guardInput(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): void {
  const problem = problemIn(args, [], !field.extensions?.[CHECKS_OWN_TEXT]);
  if (problem) {
    const fieldPath = problem.path.join('.');
    throw new DomainError(ErrorCode.BAD_USER_INPUT, problem.message(fieldPath), { field: problem.path.at(-1), fieldPath });
  }
}
