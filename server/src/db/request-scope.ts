import { createHmac } from 'node:crypto';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import { databaseUnavailable, translateDatabaseError } from './database-errors';
import { DomainError, ErrorCode } from '../common/errors';
import { Principal, readsAllTenants, Scope } from '../common/request';
import { executeOn, queryPrepared } from './prepared-statements';

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

/** A read's named statement (prepared-statements.ts) and its parameters. */
export interface PreparedRead {
  name: string;
  text: string;
  params: unknown[];
}

/** The rows of each statement of a simple query, through the runner's connection and its logger (TypeORM's query keeps one result). */
async function simpleQueryRows(runner: QueryRunner, text: string): Promise<unknown[][][]> {
  const client = (await runner.connect()) as { query(config: { text: string; rowMode: 'array' }): Promise<{ rows: unknown[][] }[]> };
  runner.connection.logger.logQuery(text, [], runner);
  try {
    return (await client.query({ text, rowMode: 'array' })).map((result) => result.rows);
  } catch (error) {
    throw new QueryFailedError(text, [], error as Error);
  }
}

export interface ScopeOptions {
  /** Read-write on the primary whatever the role: credential functions, which check the user themselves. */
  writable?: boolean;
}

/**
 * A request's connection and its transaction. Field resolvers of one request run concurrently but
 * share one connection; pg wants one query at a time per client, so the runner's queries are
 * chained. The transaction's opening (its characteristics and app_open) goes with the first of
 * them, or in the same round trip as a read's prepared statement (readFirst). A runner released
 * before its request finished lost its connection (TypeORM releases it then), and the transaction
 * with it.
 */
class Transaction {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly query: QueryRunner['query'];
  /** Why the opening failed: every statement after it fails with it. */
  failure?: unknown;

  constructor(
    readonly runner: QueryRunner,
    private readonly client: unknown,
    /** START TRANSACTION and app_open(), until they are sent. */
    private opening: string | undefined,
    private readonly lost: () => boolean,
    private readonly opened: () => void,
  ) {
    this.query = runner.query.bind(runner);
    runner.query = ((...args: Parameters<QueryRunner['query']>) =>
      this.enqueue(async () => {
        await this.open();
        return this.query(...args);
      })) as QueryRunner['query'];
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(() => (this.failure ? Promise.reject(this.failure) : this.lost() ? Promise.reject(databaseUnavailable()) : work()));
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Sends the opening if it is still to go, followed in the same round trip by `then` (statements whose rows come back). */
  private async open(then?: string): Promise<unknown[][] | undefined> {
    if (this.opening === undefined) return undefined;
    const opening = this.opening;
    this.opening = undefined;
    try {
      const rows = then ? (await simpleQueryRows(this.runner, `${opening}; ${then}`))[2] : void (await this.query(opening));
      // What runner.startTransaction() would have recorded, so that commit and rollback work as usual.
      Object.assign(this.runner, { isTransactionActive: true, transactionDepth: 1 });
      this.opened();
      return rows;
    } catch (error) {
      // Back to the pool without the failed transaction (START TRANSACTION ran whatever failed after it).
      await this.query('ROLLBACK').catch(() => undefined);
      await this.runner.release();
      this.failure = (error as { driverError?: { code?: string } }).driverError?.code === SESSION_ENDED ? sessionEnded() : error;
      throw this.failure;
    }
  }

  /** Sends the opening now, if it has not gone yet. */
  begin(): Promise<void> {
    return this.enqueue(async () => void (await this.open()));
  }

  /**
   * A read's rows when its statement can go in the opening's round trip: the transaction's first,
   * prepared on this connection already (`EXECUTE`); committing in that round trip too when it is
   * `alone`. Undefined otherwise: the statement then goes as usual.
   */
  readFirst({ name, params }: PreparedRead, alone: boolean): Promise<unknown[][] | undefined> {
    return this.enqueue(async () => {
      const execute = this.opening === undefined ? undefined : executeOn(this.client, name, params);
      if (!execute) return undefined;
      const rows = await this.open(alone ? `${execute}; COMMIT` : execute);
      if (alone) Object.assign(this.runner, { isTransactionActive: false, transactionDepth: 0 });
      return rows;
    });
  }
}

/**
 * One database transaction per request, opened on first use. The tenant, user and all-tenants flag
 * are set by app_begin() with the server's signature and live only as long as the transaction, so
 * they can never leak to the next request that borrows the connection.
 */
export class RequestScope implements Scope {
  private transaction?: Promise<Transaction>;
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
    this.repeatableRead ||= this.transaction === undefined;
  }

  private connected(): Promise<Transaction> {
    return (this.transaction ??= this.connect());
  }

  /** The request's connection; its transaction opens with the first statement sent through it. */
  async manager(): Promise<EntityManager> {
    return (await this.connected()).runner.manager;
  }

  /** Opens the request's transaction now: a mutation's, so that its session is checked before it runs. */
  async begin(): Promise<void> {
    await (await this.connected()).begin();
  }

  /**
   * Runs a read's named statement in the request's transaction. As the transaction's first, it goes
   * in the round trip that opens it when the connection has it prepared; `alone` (nothing else will
   * run in the transaction), it commits in that round trip too, and the connection goes back to the
   * pool. A signed-in read of one record is then one round trip.
   */
  async readPrepared(read: PreparedRead, alone = false): Promise<unknown[][]> {
    const connected = this.connected();
    const transaction = await connected;
    const rows = await transaction.readFirst(read, alone);
    if (!rows) return queryPrepared(transaction.runner.manager, read.name, read.text, read.params);
    if (alone) {
      if (this.transaction === connected) this.transaction = undefined;
      await transaction.runner.release();
    }
    return rows;
  }

  private async connect(): Promise<Transaction> {
    const { role } = this.principal;
    const readOnly = !this.options.writable && (role === 'ANALYST' || role === 'ANONYMOUS');
    // Analysts only read, so their requests may go to a streaming replica (DATABASE_REPLICA_URL) and
    // see the data a little late; everyone else stays on the primary and reads their own writes.
    const pool = role === 'ADMIN' ? this.pools.admin : this.pools.app;
    const mode = readOnly && role === 'ANALYST' ? 'slave' : 'master';
    const runner = pool.createQueryRunner(mode);
    const client = await runner.connect();
    // A replica may be behind on ended sessions: there the request's end checks on the primary.
    const session = mode === 'slave' && pool.driver.isReplicated ? undefined : this.principal.session;
    // One round trip: the transaction, the date style, the session check and the signed identity
    // (app_open, migration 1763700002400). Analysts can change nothing, whatever a resolver tries:
    // the database refuses writes.
    const characteristics = `${this.repeatableRead ? ' ISOLATION LEVEL REPEATABLE READ' : ''}${readOnly ? ' READ ONLY' : ''}`;
    const opening = `START TRANSACTION${characteristics}; ${appOpen(this.pools.requestKey, identityOf(this.principal), session, client.processID)}`;
    return new Transaction(
      runner,
      client,
      opening,
      () => runner.isReleased && !this.finished,
      () => (this.sessionChecked ||= session !== undefined),
    );
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
    const runner = (await this.transaction?.catch(() => undefined))?.runner;
    this.transaction = undefined;
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
    if (!this.transaction) return;
    const { runner, failure } = await this.transaction;
    this.transaction = undefined;
    if (failure) throw failure;
    if (runner.isReleased) throw databaseUnavailable();
    this.finished = true;
    try {
      if (runner.isTransactionActive) await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  }
}
