import { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers for every answer, the console's above all. The console is a single script
 * bundle from /admin/assets that talks to /graphql on the same origin; MUI writes its styles as
 * inline <style> elements at run time, hence the one 'unsafe-inline', for styles only. Nothing is
 * loaded from another origin, and no page may frame the console. HSTS and the upgrade of
 * insecure requests only when the server is behind HTTPS (secure cookies on).
 */
export function securityHeaders({ secureCookies }: { secureCookies: boolean }): RequestHandler {
  const headers = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        ...(secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    next();
  };
}

/**
 * The headers helmet sets with these options, read once: they are the same for every answer, and
 * its dozen middlewares cost more than setting them.
 */
function helmetHeaders(options: Parameters<typeof helmet>[0]): Map<string, string> {
  const headers = new Map<string, string>();
  let ran = false;
  const res = { setHeader: (name: string, value: string) => void headers.set(name, value), removeHeader: (name: string) => void headers.delete(name) };
  helmet(options)({} as Request, res as unknown as Response, () => void (ran = true));
  if (!ran) throw new Error('helmet did not set its headers at once');
  return headers;
}
