/** Whether the server offers single sign-on (GET /auth/sso), asked once per page load. */
export interface SsoSettings {
  enabled: boolean;
  /** The button's label when the office configured one. */
  label?: string | null;
  /** The password form is for break-glass administrators only. */
  passwordForAdminsOnly?: boolean;
}

let settings: Promise<SsoSettings> | null = null;

export function ssoSettings(): Promise<SsoSettings> {
  settings ??= fetch('/auth/sso', { credentials: 'same-origin' })
    .then((response) => (response.ok ? (response.json() as Promise<SsoSettings>) : { enabled: false }))
    .catch(() => {
      settings = null;
      return { enabled: false };
    });
  return settings;
}

/** Where the browser starts a sign-in at the identity provider, and where it ends the provider's session. */
export const SSO_LOGIN_URL = '/auth/oidc/login';
export const SSO_LOGOUT_URL = '/auth/oidc/logout';
