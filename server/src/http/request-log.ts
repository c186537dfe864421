import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Logger } from '../common/logger';
import { Principal } from '../common/request';

/** A request id a proxy or client sent that is safe to repeat in logs and headers. */
const GIVEN_ID = /^[\w.:@-]{1,128}$/;

/** Who made a request and what it asked, told by the handlers that learn it, read when the request's log line is written. */
interface RequestFacts {
  principal?: Principal;
  operation?: string;
}

const factsOf = (res: ServerResponse): RequestFacts => ((res as Response).locals ?? {}) as RequestFacts;

/** Remembers who made the request, for its log line. */
export function noteCaller(res: Response, principal: Principal): void {
  res.locals.principal = principal;
}

/** Remembers the GraphQL operation a request ran, for its log line. */
export function noteOperation(res: Response, operation: string): void {
  res.locals.operation = operation;
}

const PROBES = new Set(['/healthz', '/readyz']);

/** Only the path, as the client sent it (Express rewrites req.url under a mount): a query string may carry a GET request's GraphQL variables. */
const pathOf = (req: IncomingMessage) => ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];

/** nginx's status for a request whose client went away before it was answered: no fault of the server's. */
const CLIENT_CLOSED_REQUEST = 499;

/** The client left before the answer was written, or before its request was read (clientGone). */
const clientClosed = (res: ServerResponse) => !res.writableEnded || res.statusCode === CLIENT_CLOSED_REQUEST;

const statusOf = (res: ServerResponse) => (clientClosed(res) ? CLIENT_CLOSED_REQUEST : res.statusCode);

function lineOf(req: IncomingMessage, res: ServerResponse, durationMs: number): Record<string, unknown> {
  const { principal, operation } = factsOf(res);
  return {
    method: req.method,
    path: pathOf(req),
    status: statusOf(res),
    durationMs,
    ...(principal ? { tenant: principal.tenantId ?? undefined, user: principal.userId ?? undefined, role: principal.role } : {}),
    ...(operation ? { operation } : {}),
  };
}

const messageOf = (req: IncomingMessage, res: ServerResponse) => `${req.method} ${pathOf(req)} ${statusOf(res)}${clientClosed(res) ? ' client closed request' : ''}`;

/**
 * A request whose client has already gone (a page that navigated away, a browser context that
 * closed) is not read: body-parser would skip it, and Apollo would answer its missing body with a
 * 500 nobody receives. It ends here, logged as 499, before anything touches the database.
 */
export function clientGone(req: Request, res: Response, next: NextFunction): void {
  if (req.socket.readable && !req.destroyed) return next();
  res.statusCode = CLIENT_CLOSED_REQUEST;
  res.end();
}

/**
 * One line per request once it is answered: its id (the caller's X-Request-Id when it sends a
 * sane one, else a new one, returned in the same header), method and path, status, duration,
 * who asked (tenant, user, role) and the GraphQL operation. Never headers, bodies or variables.
 *
 * The line holds those chosen fields only, so it is written without the logger's redaction, whose
 * walk over every key cost more than the rest of the line; what handlers log (`req.log`, a child
 * made on first use, with the request's id) keeps it.
 */
export function requestLog(logger: Logger): RequestHandler {
  const lines = logger.child({}, { redact: [] });
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    let log: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (log ??= logger.child({ requestId })),
      set: (value: Logger) => void (log = value),
    });
    const started = Date.now();
    let logged = false;
    const done = (error?: Error) => {
      if (logged) return;
      logged = true;
      res.off('finish', onFinish).off('close', onClose).off('error', done);
      const failed = error !== undefined || res.statusCode >= 500;
      // Probes that find all well come every few seconds: debug, not info.
      const level = clientClosed(res) ? 'info' : failed ? 'error' : PROBES.has(pathOf(req)) && res.statusCode < 400 ? 'debug' : 'info';
      const message = messageOf(req, res);
      // What went wrong inside is logged where it happened, with this request's id (req.log).
      lines[level]({ requestId, ...lineOf(req, res, Date.now() - started) }, message);
    };
    const onFinish = () => done();
    const onClose = () => done();
    res.once('finish', onFinish).once('close', onClose).once('error', done);
    next();
  };
}

declare module 'http' {
  interface IncomingMessage {
    /** The request's logger, with its id (requestLog). */
    log: Logger;
  }
}
