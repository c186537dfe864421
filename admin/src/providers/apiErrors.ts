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

/** A violation's rule or field as the forms name their inputs. */
const VIOLATION_INPUTS: Record<string, string[]> = {
  plannedRecipients: ['plannedSuspended', 'plannedUnemployed'],
  APPLICATION_WINDOW: ['applicationDate'],
  // What a recipient declares on enrolling, shown on the enrolment form's input.
  SUBORDINATE_PREVIOUS_CONTRACT: ['previousContract'],
  RESIDENCE_IN_LOMBARDY: ['residenceMunicipalityId'],
  EXCLUSIVE_POLICY_OUTSIDE: ['outsidePolicies'],
};

/** A duplicate's column as the forms name their inputs: a recipient's hash is typed as a tax code. */
const DUPLICATE_INPUTS: Record<string, string> = { recipientHash: 'taxCode' };

/** What the console keeps of an API error, as the body of react-admin's HttpError. */
export interface ApiErrorBody {
  code: string;
  /** The server's own words. */
  detail: string;
  /** A CONFLICT over the version: someone else saved the record since it was read. */
  staleVersion?: boolean;
  /** Field errors in react-admin's shape, shown on the inputs (and nowhere else). */
  errors?: Record<string, string>;
  violations?: Violation[];
  /** `detail` is the server's own words in the console's language (it sent both), fit to show as they are. */
  localized?: boolean;
}

interface GraphqlError {
  message: string;
  extensions?: { code?: string; field?: string; constraint?: string; reason?: string; version?: number; violations?: Violation[]; messageEn?: string };
}

const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

/** The first GraphQL error inside whatever the Apollo client or ra-data-graphql threw. */
function firstGraphqlError(error: unknown): GraphqlError | undefined {
  const apolloError = error instanceof HttpError ? error.body : error;
  return (apolloError as { graphQLErrors?: GraphqlError[] } | undefined)?.graphQLErrors?.[0];
}

/**
 * Turns an API error into the HttpError react-admin understands: a status for checkError, a
 * translatable message named after the error code, and field errors the form shows on its inputs.
 */
export function toHttpError(error: unknown): HttpError {
  const graphqlError = firstGraphqlError(error);
  if (!graphqlError) return new HttpError('ra.notification.http_error', 0, { code: 'NETWORK', detail: String(error) });
  const code = graphqlError.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const { field, constraint, reason, version, violations, messageEn } = graphqlError.extensions ?? {};
  const english = i18nProvider.getLocale() !== 'it';
  // The server words its refusals in Italian, and in English beside them where it can (messageEn):
  // those say what to do, in the console's language.
  const serverWords = messageEn ? (english ? messageEn : graphqlError.message) : undefined;
  const body: ApiErrorBody = { code, detail: serverWords ?? graphqlError.message, staleVersion: code === 'CONFLICT' && version !== undefined, violations, localized: serverWords !== undefined };
  // Worded in the user's language from the constraint; the server's own words (English, or
  // GraphQL's about a variable) never reach the screen.
  if (code === 'BAD_USER_INPUT' && field) {
    const invalid = serverWords ?? i18nProvider.translate('edit.validation.invalid');
    body.errors = { [field]: constraint ? i18nProvider.translate(`reti.validation.server.${constraint}`, { _: invalid }) : invalid };
  } else if (code === 'CONFLICT' && reason === 'duplicate' && field) {
    const input = DUPLICATE_INPUTS[field] ?? field;
    body.errors = { [input]: i18nProvider.translate(`edit.duplicate.${input}`, { _: i18nProvider.translate('edit.duplicate.any') }) };
  } else if (violations?.length) {
    // The form marks the inputs a broken rule concerns; the notification lists every violation.
    body.errors = Object.fromEntries(violations.flatMap((v) => (VIOLATION_INPUTS[v.rule] ?? VIOLATION_INPUTS[v.field] ?? [v.field]).map((input) => [input, english ? v.messageEn : v.message])));
  }
  const message = code === 'CONFLICT' && reason === 'referenced' ? 'edit.still_referenced' : `reti.errors.${code in STATUS_BY_CODE ? code : 'UNEXPECTED'}`;
  return new HttpError(message, STATUS_BY_CODE[code] ?? 500, body);
}

export const apiErrorBody = (error: unknown): ApiErrorBody | undefined => (error instanceof HttpError ? (error.body as ApiErrorBody) : undefined);
