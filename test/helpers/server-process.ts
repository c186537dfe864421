import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { TEST_ADMIN_PASSWORD, TEST_APP_PASSWORD, TEST_JWT_SECRET, TEST_RECIPIENT_KEY, testUrls } from './env';
import { orgTaxCode } from './factories';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * Compiles the server as `npm start` does; incremental, so a second call with nothing changed
 * writes nothing. Under a lock: jest's workers would otherwise write the same files at once.
 */
export function buildServer(): void {
  try {
    execFileSync('flock', [path.join(os.tmpdir(), 'reti-server-build.lock'), 'npm', 'run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** One line of the server's JSON log. */
export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** stdout, one parsed JSON object per line; throws on a line that is not JSON. */
  lines(): LogLine[];
  /** Resolves with the first log line, past or future, that `match` accepts. */
  waitForLog(match: (line: LogLine) => boolean): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
}

/** Starts the compiled server (`npm start` without the build) with `env` on top of ours, and resolves once it is ready. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, ['server/dist/server/src/main.js'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let output = '';
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  const parse = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as LogLine);
  const lines = () => parse(stdout);
  const check = () => {
    const parsed = parse(stdout.slice(0, stdout.lastIndexOf('\n') + 1));
    for (const waiter of [...waiters]) {
      const found = parsed.find(waiter.match);
      if (found) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(found);
      }
    }
  };
  child.stdout!.on('data', (chunk) => {
    stdout += chunk;
    output += chunk;
    check();
  });
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const waitForLog = (match: (line: LogLine) => boolean) =>
    new Promise<LogLine>((resolve) => {
      waiters.push({ match, resolve });
      check();
    });
  const ready = waitForLog((line) => line.msg.startsWith('Reti ready'));
  const early = exited.then(() => {
    throw new Error(`The server exited before it was ready:\n${output}`);
  });
  await Promise.race([ready, early]);
  early.catch(() => undefined);
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    lines,
    waitForLog,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return (await exited).code;
    },
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A GraphQL request to a server process. */
export async function graphql(base: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/**
 * Holds row locks on `ids` of `table` in an open transaction, as the owner, so that requests that
 * write those rows wait inside the server for as long as the test wants.
 */
export async function lockRows(ownerUrl: string, table: string, ids: string[]) {
  const client = new Client({ connectionString: ownerUrl });
  // A connection the test itself cuts (a stopped or killed server) must not fail the test run.
  client.on('error', () => undefined);
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT id FROM ${table} WHERE id = ANY($1) FOR UPDATE`, [ids]);
  const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
  return {
    /** Backends waiting for these locks. */
    async waiting(): Promise<number[]> {
      // Activity statistics are read once per transaction unless the snapshot is dropped.
      await client.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await client.query('SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid)) ORDER BY pid', [pid]);
      return rows.map((row) => row.pid as number);
    },
    /** Resolves once `count` backends wait for these locks: the requests are inside the server, holding their transactions. */
    async untilWaiting(count: number): Promise<number[]> {
      for (;;) {
        const pids = await this.waiting();
        if (pids.length >= count) return pids;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    client,
    async release(): Promise<void> {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** A server process on the suite's own test database, with the secrets the in-process test apps use, so their tokens work on it too. */
export function onTestDatabase(): Record<string, string> {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return {
    DATABASE_URL: testUrls.owner(),
    APP_DB_PASSWORD: TEST_APP_PASSWORD,
    ADMIN_DB_PASSWORD: TEST_ADMIN_PASSWORD,
    JWT_SECRET: text(TEST_JWT_SECRET),
    RECIPIENT_HASH_KEY: text(TEST_RECIPIENT_KEY),
    DEMO_DATA: '0',
  };
}

/** Signs in over HTTP; throws unless it works. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const answer = await graphql(base, `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, { email, password });
  if (answer.status !== 200 || answer.body.errors) throw new Error(`login failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.data.login.token;
}

export interface SeededTenant {
  id: string;
  /** An administrator acting in the tenant. */
  headers: Record<string, string>;
  partners: { id: string; version: number; legalName: string }[];
}

/** As an administrator, over HTTP: a new tenant and `count` partners in it, committed. */
export async function tenantWithPartners(base: string, adminToken: string, count: number): Promise<SeededTenant> {
  const must = async (query: string, variables: Record<string, unknown>, headers: Record<string, string>) => {
    const answer = await graphql(base, query, variables, headers);
    if (answer.status !== 200 || answer.body.errors) throw new Error(`${query}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return Object.values(answer.body.data)[0] as any;
  };
  const asAdmin = { authorization: `Bearer ${adminToken}` };
  const code = `OPS_${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  const tenant = await must(`mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }`, { input: { code, name: `Ente ${code}`, kind: 'PROVINCE' } }, asAdmin);
  const headers = { ...asAdmin, 'x-tenant-id': tenant.id };
  const types = await must(`query { partnerTypes(filter: { q: "LABOUR_OPERATOR" }) { items { id code } } }`, {}, headers);
  const partnerTypeId = types.items.find((type: { code: string }) => type.code === 'LABOUR_OPERATOR').id;
  const partners = [];
  for (let i = 0; i < count; i++) {
    partners.push(
      await must(
        `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id version legalName } }`,
        { input: { legalName: `Partner ${code} ${i}`, taxCode: orgTaxCode(), partnerTypeId, labourAccredited: true } },
        headers,
      ),
    );
  }
  return { id: tenant.id, headers, partners };
}

/** The legal names of a tenant's partners, by id, read over HTTP. */
export async function partnerNames(base: string, headers: Record<string, string>): Promise<Record<string, string>> {
  const answer = await graphql(base, `query { partners(perPage: 500) { items { id legalName } } }`, {}, headers);
  if (answer.status !== 200 || answer.body.errors) throw new Error(`partners: ${answer.status} ${JSON.stringify(answer.body)}`);
  return Object.fromEntries(answer.body.data.partners.items.map((p: { id: string; legalName: string }) => [p.id, p.legalName]));
}

export const UPDATE_PARTNER = `mutation Rename($id: ID!, $version: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, version: $version, input: $input) { id legalName } }`;
