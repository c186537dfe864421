import type { AuthProvider } from 'react-admin';
import { actingTenantId, ensureSession, isThirdSectorBody, sessionUser, signIn, signOut } from './session';
import { SSO_LOGOUT_URL, ssoSettings } from './sso';

/** Sign-in with the API's login; the session survives reloads through the refresh cookie. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    await signIn(username, password);
  },

  async logout() {
    if (!sessionUser()) return;
    await signOut();
    // Single sign-on: the provider's session ends too (RP-initiated logout), then it sends the browser back.
    if ((await ssoSettings()).enabled) {
      window.location.assign(SSO_LOGOUT_URL);
      return false;
    }
  },

  async checkAuth() {
    if (!(await ensureSession())) throw new Error('reti.auth.session_ended');
  },

  async checkError(error: { status?: number }) {
    // Forbidden is an answer about one action, not about the session.
    if (error?.status === 401) throw new Error('reti.auth.session_ended');
  },

  async getIdentity() {
    const user = await ensureSession();
    if (!user) throw new Error('reti.auth.session_ended');
    return { id: user.id, fullName: user.displayName, email: user.email, role: user.role, tenantId: user.tenantId, thirdSectorBody: isThirdSectorBody(user) };
  },

  async getPermissions() {
    return (await ensureSession())?.role;
  },

  async canAccess({ action, resource }) {
    const user = await ensureSession();
    // Loaded on first use: it reads the API contract, which the first page need not carry.
    const { canAccess } = await import('./permissions');
    return !!user && canAccess({ role: user.role, action, resource, actingTenantId: actingTenantId(), thirdSectorBody: isThirdSectorBody(user) });
  },
};
