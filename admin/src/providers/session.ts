/**
 * The signed-in session. The access token lives in memory only; the httpOnly refresh cookie, which
 * the server rotates at every use, restores it after a reload.
 */
export type Role = 'ADMIN' | 'EDITOR' | 'ANALYST';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  tenantId: string | null;
  /** The kind of the user's tenant: a third-sector body's users work on co-design only. */
  tenant: { kind: string } | null;
}

interface Session {
  token: string;
  user: SessionUser;
}

export const GRAPHQL_URL = '/graphql';
const ACTING_TENANT_KEY = 'reti.actingTenant';
/**
 * Set while this browser holds a session. The refresh cookie is httpOnly, so without this mark the
 * first page of a visitor who never signed in would ask for a refresh and get a 401 in the log.
 */
const SIGNED_IN_KEY = 'reti.signedIn';

/** Leaving for the identity provider: the browser comes back with a refresh cookie to exchange. */
export const expectSession = (): void => markSignedIn(true);

function markSignedIn(signedIn: boolean): void {
  if (signedIn) localStorage.setItem(SIGNED_IN_KEY, '1');
  else localStorage.removeItem(SIGNED_IN_KEY);
}
const SESSION_FIELDS = 'token user { id email displayName role tenantId tenant { kind } }';

let current: Session | null = null;
let pendingRefresh: Promise<Session | null> | null = null;

/** Sign-in calls go straight to the API: they must not wait on, or retry through, the session. */
async function authMutation<T>(mutation: string, variables: Record<string, unknown> = {}): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] }> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify({ query: mutation, variables }),
  });
  return response.json();
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const result = await authMutation<{ login: Session }>(`mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { ${SESSION_FIELDS} } }`, {
    email,
    password,
  });
  if (!result.data?.login) {
    // The login page shows the message, translated.
    const extensions = result.errors?.[0]?.extensions;
    if (extensions?.reason === 'SSO_REQUIRED') throw new Error('reti.auth.sso_required');
    throw new Error(extensions?.code === 'TOO_MANY_REQUESTS' ? 'reti.auth.too_many_attempts' : 'reti.auth.wrong_credentials');
  }
  current = result.data.login;
  markSignedIn(true);
  return current.user;
}

async function exchangeRefreshCookie(): Promise<Session | null> {
  const result = await authMutation<{ refreshSession: Session }>(`mutation { refreshSession { ${SESSION_FIELDS} } }`);
  current = result.data?.refreshSession ?? null;
  markSignedIn(current !== null);
  return current;
}

/**
 * A new access token from the refresh cookie, or null when there is no session left. Calls made
 * together share one exchange, and tabs take turns through a lock: the cookie is single-use, and
 * sending a used one ends the session everywhere.
 */
export function refreshSession(): Promise<Session | null> {
  if (!localStorage.getItem(SIGNED_IN_KEY)) return Promise.resolve(null);
  if (!pendingRefresh) {
    const exchange = navigator.locks
      ? new Promise<Session | null>((resolve, reject) => void navigator.locks.request('reti-refresh-session', () => exchangeRefreshCookie().then(resolve, reject)))
      : exchangeRefreshCookie();
    pendingRefresh = exchange.finally(() => {
      pendingRefresh = null;
    });
  }
  return pendingRefresh;
}

export async function signOut(): Promise<void> {
  current = null;
  markSignedIn(false);
  await authMutation('mutation { logout }');
}

export const sessionUser = (): SessionUser | null => current?.user ?? null;

export const isThirdSectorBody = (user: SessionUser | null | undefined): boolean => user?.tenant?.kind === 'THIRD_SECTOR_BODY';

/** The session in memory, or the one the refresh cookie restores after a reload. */
export async function ensureSession(): Promise<SessionUser | null> {
  return (current ?? (await refreshSession()))?.user ?? null;
}

/** The tenant an administrator acts in (X-Tenant-Id); other users always act in their own. */
export function actingTenantId(): string | null {
  return current?.user.role === 'ADMIN' ? localStorage.getItem(ACTING_TENANT_KEY) : (current?.user.tenantId ?? null);
}

export function setActingTenantId(tenantId: string | null): void {
  if (tenantId) localStorage.setItem(ACTING_TENANT_KEY, tenantId);
  else localStorage.removeItem(ACTING_TENANT_KEY);
}

export function authHeaders(): Record<string, string> {
  if (!current) return {};
  const headers: Record<string, string> = { authorization: `Bearer ${current.token}` };
  const tenantId = actingTenantId();
  if (current.user.role === 'ADMIN' && tenantId) headers['x-tenant-id'] = tenantId;
  return headers;
}
