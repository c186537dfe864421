import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { databaseUnavailable, translateDatabaseError } from './database-errors';
import { Principal, readsAllTenants, Scope } from '../common/request';
import { ADMIN_ROLE, APP_ROLE } from './roles';

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
 * One database transaction per request, opened on first use. The tenant, user and role are set
 * with set_config(..., true), so they vanish with the transaction and can never leak to the next
 * request that borrows the connection.
 */
export class RequestScope implements Scope {
  private runner?: Promise<QueryRunner>;
  private savepoints = 0;
  private finished = false;

  constructor(private readonly dataSource: DataSource, readonly principal: Principal) {}

  async manager(): Promise<EntityManager> {
    this.runner ??= this.open();
    return (await this.runner).manager;
  }

  private async open(): Promise<QueryRunner> {
    // Analysts only read, so their requests may go to a streaming replica (DATABASE_REPLICA_URL) and
    // see the data a little late; everyone else stays on the primary and reads their own writes.
    const runner = this.dataSource.createQueryRunner(this.principal.role === 'ANALYST' ? 'slave' : 'master');
    await runner.connect();
    queueQueries(runner, () => runner.isReleased && !this.finished);
    try {
      const { role, tenantId, userId } = this.principal;
      const settings = [tenantId ?? '', userId ?? '', readsAllTenants(this.principal) ? 'on' : '', role === 'ADMIN' ? ADMIN_ROLE : APP_ROLE].map(escapeLiteral);
      // One round trip opens the transaction and sets it up; several statements in one go need the
      // simple protocol, hence literals (of the verified principal) instead of parameters. Analysts
      // can change nothing, whatever a resolver tries: the database refuses writes. Dates leave the
      // database as YYYY-MM-DD whatever the server's DateStyle (the API and compiled reads rely on it).
      await runner.query(
        `START TRANSACTION${role === 'ANALYST' || role === 'ANONYMOUS' ? ' READ ONLY' : ''};
         SELECT set_config('app.tenant_id', ${settings[0]}, true), set_config('app.user_id', ${settings[1]}, true),
                set_config('app.all_tenants', ${settings[2]}, true), set_config('role', ${settings[3]}, true),
                set_config('datestyle', 'ISO, YMD', true)`,
      );
      // What runner.startTransaction() would have recorded, so that commit and rollback work as usual.
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
    } catch (error) {
      await runner.release();
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
