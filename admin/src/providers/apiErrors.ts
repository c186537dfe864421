import { HttpError } from 'react-admin';
import { i18nProvider } from './i18nProvider';

/** A rule of the measure that a network breaks, as the API reports it. */
export interface Violation {
  rule: string;
  message: string;
  messageEn: string;
  ids: string[];
  /** The network's field or list the violation concerns (endDate, plannedRecipients, members, …). */
  field: string;
  /** Set when the rule is not broken yet: the day a planned departure will break it. */
  from: string | null;
}

/** A violation's field as the network form names its inputs. */
const VIOLATION_INPUTS: Record<string, string[]> = { plannedRecipients: ['plannedSuspended', 'plannedUnemployed'] };

/** What the console keeps of an API error, as the body of react-admin's HttpError. */
export interface ApiErrorBody {
  code: string;
  /** The server's own words. */
  detail: string;
  /** A CONFLICT over the version: someone else saved the record since it was read. */
  staleVersion?: boolean;
  /** Field errors in react-admin's shape: shown on the field, and `root.serverError` in the notification; for broken rules, the inputs they concern. */
  errors?: Record<string, string | { serverError: string }>;
  violations?: Violation[];
}

interface GraphqlError {
  message: string;
  extensions?: { code?: string; field?: string; constraint?: string; version?: number; violations?: Violation[]; reason?: string; messageEn?: string };
}

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  TOO_MANY_REQUESTS: 429,
};

/** The first GraphQL error inside whatever the Apollo client or ra-data-graphql threw. */
function firstGraphqlError(error: unknown): GraphqlError | undefined {
  const apolloError = error instanceof HttpError ? error.body : error;
  return (apolloError as { graphQLErrors?: GraphqlError[] } | undefined)?.graphQLErrors?.[0];
}

/** "taxCode: wrong check digit" → "wrong check digit": the field is shown beside the message. */
const withoutFieldPrefix = (message: string, field: string) => (message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message);

/**
 * Turns an API error into the HttpError react-admin understands: a status for checkError, a
 * translatable message named after the error code, and field errors the form shows on its inputs.
 */
export function toHttpError(error: unknown): HttpError {
  const graphqlError = firstGraphqlError(error);
  if (!graphqlError) return new HttpError('ra.notification.http_error', 0, { code: 'NETWORK', detail: String(error) });
  const code = graphqlError.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const { field, constraint, version, reason, messageEn } = graphqlError.extensions ?? {};
  // A refusal with a reason (co-design's rules) reads like a broken rule: its words in Italian and English.
  const violations = graphqlError.extensions?.violations ?? (reason ? [{ rule: reason, message: graphqlError.message, messageEn: messageEn ?? graphqlError.message, ids: [], field: field ?? '', from: null }] : undefined);
  const body: ApiErrorBody = { code, detail: graphqlError.message, staleVersion: code === 'CONFLICT' && version !== undefined, violations };
  if (code === 'BAD_USER_INPUT' && field) {
    const detail = withoutFieldPrefix(graphqlError.message, field);
    // Worded in the user's language when the constraint is known; the server's own words otherwise.
    const message = constraint ? i18nProvider.translate(`reti.validation.server.${constraint}`, { _: detail }) : detail;
    body.errors = { [field]: message, root: { serverError: message } };
  } else if (violations?.length) {
    // The form marks the inputs a broken rule concerns; the notification lists every violation.
    const english = i18nProvider.getLocale() !== 'it';
    body.errors = Object.fromEntries(violations.flatMap((v) => (VIOLATION_INPUTS[v.field] ?? [v.field]).map((input) => [input, english ? v.messageEn : v.message])));
  }
  return new HttpError(`reti.errors.${code in STATUS_BY_CODE ? code : 'UNEXPECTED'}`, STATUS_BY_CODE[code] ?? 500, body);
}

export const apiErrorBody = (error: unknown): ApiErrorBody | undefined => (error instanceof HttpError ? (error.body as ApiErrorBody) : undefined);
