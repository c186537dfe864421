import { createHmac } from 'node:crypto';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { databaseUnavailable, translateDatabaseError } from './database-errors';
import { DomainError, ErrorCode } from '../common/errors';
import { Principal, readsAllTenants, Scope } from '../common/request';

/**
 * The connection pools requests run on, and the key that signs their identity. Administrators'
 * requests sign in as reti_admin on a pool of their own: the app role is not a member of it, so no
 * statement run as reti_app can become it (migration 1763700001201).
 */
export interface Pools {
  app: DataSource;
  admin: DataSource;
  /** HMAC key shared with the database (reti_private.request_key); only reti_admin can read it. */
  requestKey: Uint8Array;
}

/** Reads the request key through the administrators' pool, once at start-up. */
export async function openPools(app: DataSource, admin: DataSource): Promise<Pools> {
  const [{ key }] = await admin.query('SELECT request_key() AS key');
  return { app, admin, requestKey: key };
}

/** What row-level security knows of a request. */
export interface RequestIdentity {
  tenantId: string | null;
  userId: string | null;
  allTenants: boolean;
}

export const identityOf = (principal: Principal): RequestIdentity => ({
  tenantId: principal.tenantId,
  userId: principal.userId,
  allTenants: readsAllTenants(principal),
});

/** The statement that sets a transaction's identity, and its parameters signed with the request key. */
export const APP_BEGIN = 'SELECT app_begin($1, $2, $3, $4, $5)';
export function signedIdentity(key: Uint8Array, { tenantId, userId, allTenants }: RequestIdentity, signedAt = Date.now()): unknown[] {
  const mac = createHmac('sha256', key)
    .update(['begin', tenantId ?? '', userId ?? '', allTenants ? 'on' : '', signedAt].join('|'))
    .digest('hex');
  return [tenantId, userId, allTenants, signedAt, mac];
}

/** SQLSTATE app_open() raises when the access token's session has ended (migration 1763700002400). */
const SESSION_ENDED = 'RT401';

export const sessionEnded = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'The token is invalid or has expired');

/**
 * The statement that opens a request's identity in the same round trip as its transaction: values
 * as literals (a simple query carries no parameters), signed with the backend's pid as well, so that
 * a copy read from pg_stat_activity is refused in any other session. With a session, app_open()
 * also checks that it is live.
 */
export function appOpen(key: Uint8Array, { tenantId, userId, allTenants }: RequestIdentity, session: Principal['session'], pid: number, signedAt = Date.now()): string {
  if (!Number.isInteger(pid) || (session && !Number.isInteger(session.epoch))) throw new Error('app_open takes integers');
  const mac = createHmac('sha256', key)
    .update(['open', tenantId ?? '', userId ?? '', allTenants ? 'on' : '', signedAt, pid].join('|'))
    .digest('hex');
  const text = (value: string | null | undefined) => (value == null ? 'NULL' : escapeLiteral(value));
  return `SELECT app_open(${text(tenantId)}, ${text(userId)}, ${allTenants}, ${signedAt}, '${mac}', ${session ? session.epoch : 'NULL'}, ${text(session?.id)})`;
}

export interface ScopeOptions {
  /** Read-write on the primary whatever the role: credential functions, which check the user themselves. */
  writable?: boolean;
}

/**
 * Field resolvers of one request run concurrently but share one connection; pg wants one query at
 * a time per client, so the runner's queries are chained. A runner released before its request
 * finished lost its connection (TypeORM releases it then), and the transaction with it.
 */
function queueQueries(runner: QueryRunner, lost: () => boolean): void {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const next = tail.then(() => (lost() ? Promise.reject(databaseUnavailable()) : query(...args)));
    tail = next.catch(() => undefined);
    return next;
  }) as QueryRunner['query'];
}

/**
 * One database transaction per request, opened on first use. The tenant, user and all-tenants flag
 * are set by app_begin() with the server's signature and live only as long as the transaction, so
 * they can never leak to the next request that borrows the connection.
 */
export class RequestScope implements Scope {
  private runner?: Promise<QueryRunner>;
  private savepoints = 0;
  private finished = false;
  /** Whether a transaction opened on the primary checked the principal's session (app_open). */
  sessionChecked = false;
  private repeatableRead = false;

  constructor(
    private readonly pools: Pools,
    readonly principal: Principal,
    private readonly options: ScopeOptions = {},
  ) {}

  /**
   * Asks for a transaction whose statements all read one snapshot (REPEATABLE READ), when it is not
   * open yet: a compiled read's statements then agree with each other. Only queries ask for it, and
   * PostgreSQL never refuses a plain read in it for serialization.
   */
  oneSnapshot(): void {
    this.repeatableRead ||= this.runner === undefined;
  }

  async manager(): Promise<EntityManager> {
    this.runner ??= this.open();
    return (await this.runner).manager;
  }

  private async open(): Promise<QueryRunner> {
    const { role } = this.principal;
    const readOnly = !this.options.writable && (role === 'ANALYST' || role === 'ANONYMOUS');
    // Analysts only read, so their requests may go to a streaming replica (DATABASE_REPLICA_URL) and
    // see the data a little late; everyone else stays on the primary and reads their own writes.
    const pool = role === 'ADMIN' ? this.pools.admin : this.pools.app;
    const mode = readOnly && role === 'ANALYST' ? 'slave' : 'master';
    const runner = pool.createQueryRunner(mode);
    const { processID } = await runner.connect();
    queueQueries(runner, () => runner.isReleased && !this.finished);
    // A replica may be behind on ended sessions: there the request's end checks on the primary.
    const session = mode === 'slave' && pool.driver.isReplicated ? undefined : this.principal.session;
    try {
      // One round trip: the transaction, the date style, the session check and the signed identity
      // (app_open, migration 1763700002400). Analysts can change nothing, whatever a resolver tries:
      // the database refuses writes.
      const characteristics = `${this.repeatableRead ? ' ISOLATION LEVEL REPEATABLE READ' : ''}${readOnly ? ' READ ONLY' : ''}`;
      await runner.query(`START TRANSACTION${characteristics}; ${appOpen(this.pools.requestKey, identityOf(this.principal), session, processID)}`);
      // What runner.startTransaction() would have recorded, so that commit and rollback work as usual.
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      this.sessionChecked ||= session !== undefined;
    } catch (error) {
      // Back to the pool without the failed transaction (START TRANSACTION ran whatever failed after it).
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
      if ((error as { driverError?: { code?: string } }).driverError?.code === SESSION_ENDED) throw sessionEnded();
      throw error;
    }
    return runner;
  }

  /** Runs a write inside a savepoint: if it fails, it leaves nothing behind, and earlier mutations of the request stand. */
  async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const manager = await this.manager();
    const name = `mutation_${++this.savepoints}`;
    await manager.query(`SAVEPOINT ${name}`);
    try {
      const result = await work(manager);
      await manager.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      // With the connection lost there is nothing to roll back to: the error says what happened.
      if (!manager.queryRunner?.isReleased) await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw translateDatabaseError(error);
    }
  }

  /** Runs a write inside a savepoint and rolls it back whatever happens: a dry run's answer, and nothing kept. */
  async rehearse<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const manager = await this.manager();
    const name = `dry_run_${++this.savepoints}`;
    await manager.query(`SAVEPOINT ${name}`);
    try {
      return await work(manager);
    } catch (error) {
      throw translateDatabaseError(error);
    } finally {
      if (!manager.queryRunner?.isReleased) await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
    }
  }

  /** Drops the transaction so far (a query's, which wrote nothing); the next use opens a new one. */
  async discard(): Promise<void> {
    const runner = await this.runner?.catch(() => undefined);
    this.runner = undefined;
    if (!runner || runner.isReleased) return;
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } catch {
      // A lost connection has nothing to roll back; the next use reports it.
    } finally {
      await runner.release().catch(() => undefined);
    }
  }

  /** Ends the request: commits what the mutations kept and returns the connection to the pool. */
  async finish(): Promise<void> {
    if (!this.runner) return;
    const runner = await this.runner;
    this.runner = undefined;
    if (runner.isReleased) throw databaseUnavailable();
    this.finished = true;
    try {
      if (runner.isTransactionActive) await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  }
}
