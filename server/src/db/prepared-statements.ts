import { createHash } from 'node:crypto';
import { escapeLiteral } from 'pg';
import { EntityManager } from 'typeorm';

/** Named statements a connection keeps at most; the least recently used beyond that is deallocated. */
export const MAX_PREPARED_PER_CONNECTION = 128;

/** What pg knows of a connection's named statements (pg/lib/connection.js). */
interface PgClient {
  connection: { parsedStatements: Record<string, string> };
}

/** By pg client: the names our statements prepared on it, least recently used first. */
const preparedOn = new WeakMap<object, Map<string, true>>();

/** A statement's name: the same text has the same name in every process. */
export const statementName = (text: string) => `reti_${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;

/**
 * Runs a read as a named statement of its connection (pg's `{ name, text }`): PostgreSQL parses
 * and plans it once per connection, and after a few runs may keep a generic plan. Row-level
 * security stays in force: its conditions are in every plan and read the transaction's settings
 * when the statement runs, and PostgreSQL plans again when the role changes. Goes through the
 * request's runner, so it queues behind the request's other statements. Rows come as arrays of
 * their values, in the select list's order.
 */
export async function queryPrepared(manager: EntityManager, name: string, text: string, params: unknown[]): Promise<unknown[][]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('A prepared statement runs in a request transaction');
  const client = (await runner.connect()) as PgClient;
  const names = touch(client, name);
  if (names.size > MAX_PREPARED_PER_CONNECTION) {
    const [oldest] = names.keys();
    names.delete(oldest);
    // Only what the server holds: DEALLOCATE of an unknown name would fail the transaction.
    if (client.connection.parsedStatements[oldest] !== undefined) {
      await manager.query(`DEALLOCATE "${oldest}"`);
      delete client.connection.parsedStatements[oldest];
    }
  }
  // pg takes a query config in place of the text (TypeORM hands it over as it is); a fresh one each time, as pg adds the values to it.
  return manager.query({ name, text, rowMode: 'array' } as unknown as string, params);
}

/** Marks a name the most recently used of its connection's. */
function touch(client: PgClient, name: string): Map<string, true> {
  let names = preparedOn.get(client);
  if (!names) preparedOn.set(client, (names = new Map()));
  names.delete(name);
  names.set(name, true);
  return names;
}

/** A parameter as an SQL literal, which PostgreSQL reads as the parameter's type, as it reads a parameter's text; undefined for what has none here. */
function literal(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return escapeLiteral(value);
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint' || typeof value === 'boolean') return `'${value}'`;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return escapeLiteral(`{${value.map((item) => `"${item.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`);
  return undefined;
}

/**
 * A named statement as SQL (`EXECUTE name('…')`), to run inside a simple query with other statements
 * (the transaction's opening): when the connection has already prepared it and every parameter can be
 * written as a literal; undefined otherwise, and the statement goes on its own through queryPrepared.
 */
export function executeOn(client: unknown, name: string, params: unknown[]): string | undefined {
  const pgClient = client as PgClient;
  if (pgClient.connection?.parsedStatements?.[name] === undefined || !preparedOn.get(pgClient)?.has(name)) return undefined;
  const literals = params.map(literal);
  if (literals.some((value) => value === undefined)) return undefined;
  touch(pgClient, name);
  return `EXECUTE "${name}"${literals.length ? `(${literals.join(', ')})` : ''}`;
}
