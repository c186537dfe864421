import { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers for every answer, the console's above all. The console is a single script
 * bundle from /admin/assets that talks to /graphql on the same origin; MUI writes its styles as
 * inline <style> elements at run time, hence the one 'unsafe-inline', for styles only. Nothing is
 * loaded from another origin, and no page may frame the console. HSTS and the upgrade of
 * insecure requests only when the server is behind HTTPS (secure cookies on).
 */
export function securityHeaders({ secureCookies }: { secureCookies: boolean }): RequestHandler {
  return helmet({
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
}
