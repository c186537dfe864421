import { Client } from 'pg';
import { APP_BEGIN, RequestIdentity, signedIdentity } from '../../server/src/db/request-scope';
import { testUrls } from './env';

let key: Promise<Uint8Array> | undefined;

/** The request key, read as the owner (the server reads it as reti_admin at start-up). */
export function requestKey(): Promise<Uint8Array> {
  key ??= (async () => {
    const owner = new Client({ connectionString: testUrls.owner() });
    await owner.connect();
    try {
      return (await owner.query('SELECT key FROM reti_private.request_key')).rows[0].key as Uint8Array;
    } finally {
      await owner.end();
    }
  })();
  return key;
}

/**
 * Sets the transaction's identity the way the server does (app_begin with the server's signature):
 * what a request of that tenant, user or regional reader runs under. Call it inside a transaction.
 */
/** Anything that sends SQL with parameters: a pg client, a TypeORM manager. */
interface Queryable {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

export async function actAs(client: Queryable, identity: Partial<RequestIdentity>): Promise<void> {
  await client.query(APP_BEGIN, signedIdentity(await requestKey(), { tenantId: null, userId: null, allTenants: false, ...identity }));
}
