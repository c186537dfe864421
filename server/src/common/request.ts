export type Role = 'ADMIN' | 'EDITOR' | 'ANALYST' | 'ANONYMOUS';

/**
 * Who is asking, as verified from their token. tenantId is the only tenant the request may write;
 * null for administrators not acting in a tenant and for regional analysts, who read all tenants.
 */
export interface Principal {
  userId: string | null;
  role: Role;
  tenantId: string | null;
}

export const ANONYMOUS: Principal = { userId: null, role: 'ANONYMOUS', tenantId: null };

/** Administrators and regional analysts read every tenant; row-level security honours app.all_tenants. */
export function readsAllTenants(principal: Principal): boolean {
  return principal.role === 'ADMIN' || (principal.role === 'ANALYST' && !principal.tenantId);
}

/** Server-side keys the services need; they never leave the server and are never logged. */
export interface Keys {
  /** HMAC key for recipients' codici fiscali. */
  recipientHash: Uint8Array;
}
