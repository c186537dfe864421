import { CookieOptions } from 'express';

export const REFRESH_COOKIE = 'reti_refresh';
export const REFRESH_COOKIE_PATH = '/graphql';
const REFRESH_COOKIE_DAYS = 14;

/** The refresh cookie, the same whichever way the user signed in (password or single sign-on). */
export function refreshCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure, path: REFRESH_COOKIE_PATH, maxAge: REFRESH_COOKIE_DAYS * 86_400_000 };
}
