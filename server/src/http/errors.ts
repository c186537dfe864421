import { ErrorRequestHandler, RequestHandler, Response } from 'express';
import { databaseUnavailable, isDatabaseUnavailable } from '../db/database-errors';

const MESSAGES: Record<number, [code: string, message: string]> = {
  400: ['BAD_REQUEST', 'The request is malformed'],
  404: ['NOT_FOUND', 'Not found'],
  405: ['BAD_REQUEST', 'Method not allowed'],
  415: ['BAD_REQUEST', 'Unsupported content type'],
};

function body(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** A path nothing serves: JSON, like every other answer of the server. */
export const notFound: RequestHandler = (_req, res) => void res.status(404).json(body(...MESSAGES[404]));

/** HTTP 503 with Retry-After and the UNAVAILABLE code, as GraphQL answers an outage of the database. */
function answerUnavailable(res: Response): void {
  const { message, details } = databaseUnavailable();
  res.set('Retry-After', String(details.retryAfterSeconds)).status(503).json({ errors: [{ message, extensions: { code: 'UNAVAILABLE', ...details } }] });
}

/**
 * The last error handler, in place of Express's default, which outside production answers an
 * HTML page with the stack trace and the server's file paths. Client errors (a body that is not
 * JSON, a path the static server refuses) get a fixed message; a database out of reach (the rate
 * limits' counters live there) gets 503 and Retry-After; anything else is logged and masked.
 */
export const jsonErrors: ErrorRequestHandler = (error, req, res, next) => {
  if (res.headersSent) return next(error);
  if (isDatabaseUnavailable(error)) return answerUnavailable(res);
  const { status, statusCode, type } = error as { status?: number; statusCode?: number; type?: string };
  const given = status ?? statusCode ?? 500;
  if (given >= 500 || given < 400) {
    req.log.error({ err: error }, 'Request failed');
    return void res.status(500).json(body('INTERNAL_SERVER_ERROR', 'Unexpected error'));
  }
  if (type === 'entity.parse.failed') return void res.status(400).json(body('BAD_REQUEST', 'The request body is not valid JSON'));
  // A refused static path (403, e.g. one that climbs out of the folder) is answered as not found.
  const answered = given === 403 ? 404 : given;
  res.status(answered).json(body(...(MESSAGES[answered] ?? MESSAGES[400])));
};
