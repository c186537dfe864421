import { parseCookie } from 'cookie';
import express, { Request, Response, Router } from 'express';
import { REFRESH_COOKIE, refreshCookieOptions } from './cookies';
import { refusalPage, REFUSAL_STATUS } from './sso.pages';
import { SSO_BACKCHANNEL_LOGOUT_PATH, SSO_CALLBACK_PATH, SSO_FLOW_TTL_SECONDS, SsoRefused, SsoService } from './sso.service';

/** The sign-in under way: sent back on the provider's redirect (a top-level GET from another site, hence Lax). */
export const SSO_FLOW_COOKIE = 'reti_sso_flow';
/** The ID token that RP-initiated logout names; Strict, so no other site can make the browser log out of the provider. */
export const SSO_ID_TOKEN_COOKIE = 'reti_sso_id';
const SSO_PATH = '/auth/oidc';

const cookieOf = (req: Request, name: string): string | undefined => parseCookie(req.headers.cookie ?? '')[name];
const languageOf = (req: Request): 'it' | 'en' => (req.acceptsLanguages('it', 'en') === 'en' ? 'en' : 'it');

function refuse(req: Request, res: Response, cause: unknown): void {
  const reason = cause instanceof SsoRefused ? cause.reason : 'FAILED';
  if (!(cause instanceof SsoRefused)) req.log.error({ err: cause }, 'Single sign-on failed');
  else req.log.warn({ err: cause, reason }, 'Single sign-on refused');
  res.status(REFUSAL_STATUS[reason]).type('html').set('cache-control', 'no-store').send(refusalPage(reason, languageOf(req)));
}

/**
 * GET /auth/sso tells the console whether single sign-on is on; /auth/oidc/login, /callback and
 * /logout carry the browser to the provider and back. The callback always lands on the console
 * (/admin/): no address from the request is ever a redirect target.
 */
export function ssoRouter(sso: SsoService | undefined, secureCookies: boolean): Router {
  const router = Router();
  router.get('/auth/sso', (_req, res) =>
    void res.json(sso ? { enabled: true, label: sso.settings.buttonLabel ?? null, passwordForAdminsOnly: sso.settings.passwordForAdminsOnly } : { enabled: false }),
  );
  if (!sso) return router;
  const flowCookie = { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: SSO_CALLBACK_PATH } as const;
  const idTokenCookie = { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: SSO_PATH } as const;

  router.get(`${SSO_PATH}/login`, async (req, res) => {
    try {
      const { url, flowSecret } = await sso.begin();
      res.cookie(SSO_FLOW_COOKIE, flowSecret, { ...flowCookie, maxAge: SSO_FLOW_TTL_SECONDS * 1000 });
      res.set('cache-control', 'no-store').redirect(303, url.toString());
    } catch (cause) {
      refuse(req, res, cause);
    }
  });

  router.get(SSO_CALLBACK_PATH, async (req, res) => {
    res.clearCookie(SSO_FLOW_COOKIE, flowCookie);
    try {
      const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
      const { session, idToken } = await sso.complete(cookieOf(req, SSO_FLOW_COOKIE), query);
      res.cookie(REFRESH_COOKIE, session.refreshSecret, refreshCookieOptions(secureCookies));
      res.cookie(SSO_ID_TOKEN_COOKIE, idToken, { ...idTokenCookie, maxAge: refreshCookieOptions(secureCookies).maxAge });
      res.set('cache-control', 'no-store').redirect(303, '/admin/');
    } catch (cause) {
      refuse(req, res, cause);
    }
  });

  // The console has already ended the Reti session (the logout mutation); this ends the provider's.
  router.get(`${SSO_PATH}/logout`, async (req, res) => {
    const endSession = await sso.endSessionUrl(cookieOf(req, SSO_ID_TOKEN_COOKIE));
    res.clearCookie(SSO_ID_TOKEN_COOKIE, idTokenCookie);
    res.set('cache-control', 'no-store').redirect(303, endSession?.toString() ?? '/admin/login');
  });

  // The provider, server to server: no cookie, no session; only its signed logout token counts.
  router.post(SSO_BACKCHANNEL_LOGOUT_PATH, express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    const done = await sso.backchannelLogout((req.body as Record<string, unknown> | undefined)?.logout_token).catch((error) => {
      req.log.error({ err: error }, 'Back-channel logout failed');
      return false;
    });
    res.set('cache-control', 'no-store');
    if (done) res.status(200).end();
    else res.status(400).json({ error: 'invalid_request' });
  });
  return router;
}
