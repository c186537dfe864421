import type DataLoader from 'dataloader';
import { EntityManager, ObjectLiteral } from 'typeorm';

export type Role = 'ADMIN' | 'EDITOR' | 'ANALYST' | 'ANONYMOUS';

/**
 * Who is asking, as verified from their token. tenantId is the only tenant the request may write;
 * null for administrators not acting in a tenant and for regional analysts, who read all tenants.
 */
export interface Principal {
  userId: string | null;
  role: Role;
  tenantId: string | null;
  /**
   * An access token's session, whose check that it is still live is left to the request: the
   * statement that opens its transaction makes it (RequestScope), or the end of a request that
   * opened none.
   */
  session?: { epoch: number; id: string };
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

export type EntityClass<E extends ObjectLiteral = ObjectLiteral> = new () => E;

/** One request's database transaction, opened on first use (db/request-scope.ts). */
export interface Scope {
  readonly principal: Principal;
  manager(): Promise<EntityManager>;
  /** Runs a write inside a savepoint: if it fails, it leaves nothing behind. */
  write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** Runs a write inside a savepoint and rolls it back whatever happens: a dry run's answer, and nothing kept. */
  rehearse<T>(work: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** Runs a read as a named statement, prepared once per connection; its rows as arrays of values, in the select list's order. */
  readPrepared(read: { name: string; text: string; params: unknown[] }): Promise<unknown[][]>;
}

/** Per-request batch reads (graphql/loaders.ts): whatever is asked in the same tick becomes one query. */
export interface BatchReads {
  byId<E extends ObjectLiteral>(entity: EntityClass<E>): DataLoader<string, E | null>;
  manyBy<E extends ObjectLiteral>(entity: EntityClass<E>, property: keyof E & string, orderBy?: keyof E & string): DataLoader<string, E[]>;
  readonly fundCommitted: DataLoader<string, string>;
  readonly exclusiveOverlaps: DataLoader<string, string[]>;
  /** Display names of the people in the audit trail that the caller may know (audit_actor_names). */
  readonly actorNames: DataLoader<string, string | null>;
}

/** What a service knows of the request it serves. */
export interface RequestContext {
  principal: Principal;
  scope: Scope;
  keys: Keys;
  loaders: BatchReads;
  /** Loaders of their own, which see the request's writes so far: the request's loaders may hold rows from before them. */
  newLoaders(): BatchReads;
}

/** Drops what a batch could not load (a row hidden from this tenant, say). */
export function present<T>(rows: (T | null | Error)[]): T[] {
  return rows.filter((row): row is T => row !== null && !(row instanceof Error));
}

/** The most records one page of a list may hold. */
export const MAX_PER_PAGE = 500;
