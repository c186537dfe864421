import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createApp, App, AppOptions } from '../../server/src/app';
import { StatementCounter } from '../../server/src/db/data-source';
import { stringifyResponse } from '../../server/src/graphql/compiled-reads';
import { registryDataSource } from '../../server/src/registry';
import { Principal } from '../../server/src/common/request';
import { TEST_JWT_SECRET, TEST_RECIPIENT_KEY, testUrls } from './env';

export interface GqlResult<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any>; path?: unknown[] }[];
}

export interface TestApp {
  app: App;
  dataSource: DataSource;
  statements: StatementCounter;
  /** The texts of the last statements sent, oldest first. */
  sql: string[];
  /** The texts of the last named statements sent (compiled reads: prepared-statements.ts), oldest first. */
  prepared: string[];
  gql<T = Record<string, any>>(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<GqlResult<T>>;
  /** The owner connection, for checking the database behind the API's back. */
  owner: DataSource;
  close(): Promise<void>;
}

/** Options of the app under test beyond the database and keys, e.g. low rate limits. */
export type TestAppOptions = Omit<AppOptions, 'dataSource' | 'adminDataSource' | 'jwtSecret' | 'keys'>;

/** The real app on the test database, connected as the unprivileged app role. */
export async function startTestApp(poolSize = 5, options: TestAppOptions = {}): Promise<TestApp> {
  const sql: string[] = [];
  const prepared: string[] = [];
  // A named statement sent in the transaction's opening round trip (EXECUTE "name") is listed with the prepared ones under its text.
  const named = new Map<string, string>();
  const keep = (texts: string[], text: string) => {
    texts.push(text);
    if (texts.length > 50) texts.shift();
  };
  const statements = new StatementCounter((text, name) => {
    keep(sql, text);
    if (name) named.set(name, text);
    const executed = name ? text : named.get(/; EXECUTE "(reti_\w+)"/.exec(text)?.[1] ?? '');
    if (executed) keep(prepared, executed);
  });
  const dataSource = registryDataSource({ url: testUrls.app(), poolSize, logger: statements });
  await dataSource.initialize();
  const adminDataSource = registryDataSource({ url: testUrls.admin(), poolSize: 2, logger: statements });
  await adminDataSource.initialize();
  const owner = registryDataSource({ url: testUrls.owner(), poolSize: 2 });
  await owner.initialize();
  const app = await createApp({ ...options, dataSource, adminDataSource, jwtSecret: TEST_JWT_SECRET, keys: { recipientHash: TEST_RECIPIENT_KEY } });
  return {
    app,
    dataSource,
    statements,
    sql,
    prepared,
    owner,
    async gql(principal, query, variables) {
      const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.contextFor(principal) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      // As a client receives it: compiled reads are JSON text until the response is written.
      return JSON.parse(stringifyResponse(response.body.singleResult)) as GqlResult<any>;
    },
    async close() {
      await app.apollo.stop();
      await dataSource.destroy();
      await adminDataSource.destroy();
      await owner.destroy();
    },
  };
}

export const admin: Principal = { userId: null, role: 'ADMIN', tenantId: null };

/** A fresh tenant with an editor principal, created the way an administrator would. */
export async function newTenant(t: TestApp, kind = 'PROVINCE'): Promise<{ id: string; code: string; editor: Principal; analyst: Principal }> {
  const code = `T_${randomUUID().slice(0, 8).toUpperCase()}`;
  const result = await t.gql(admin, `mutation($input: CreateTenantInput!) { createTenant(input: $input) { id code } }`, {
    input: { code, name: `Ente di prova ${code}`, kind },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const id = result.data!.createTenant.id as string;
  return { id, code, editor: { userId: null, role: 'EDITOR', tenantId: id }, analyst: { userId: null, role: 'ANALYST', tenantId: id } };
}
