import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { buildServer, freePort, ROOT } from '../helpers/server-process';

/*
 * `npm run backup` while the server runs, `npm run restore` once it is stopped: the next start
 * serves exactly the data of the backup. The server is the compiled one `npm start` runs, on the
 * embedded default in a folder of its own (as root, a private folder: the cluster then lives under
 * /var/lib/reti and belongs to the postgres user).
 */
jest.setTimeout(300_000);

const OWNER_PASSWORD = 'backup-test-owner';
const EDITOR = { email: 'editor@demo.reti.local', password: 'reti-demo-2026' };

let dataDir: string;
let env: NodeJS.ProcessEnv;
let port: number;
let pgPort: number;
let server: { process: ChildProcess; exited: Promise<number | null>; output: () => string } | undefined;

async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Starts the compiled server and resolves once GraphQL answers (a query that writes nothing). */
async function startServer(): Promise<void> {
  const child = spawn(process.execPath, ['server/dist/server/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  server = { process: child, exited, output: () => output };
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited before it was ready:\n${output}`);
    const ready = await gql('{ __typename }').then(
      () => true,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopServer(): Promise<void> {
  server!.process.kill('SIGTERM');
  expect(await server!.exited).toBe(0);
  server = undefined;
}

function cli(command: 'backup' | 'restore', environment = env): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, ['server/dist/server/src/backup-cli.js', command], { cwd: ROOT, env: environment, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The same, without blocking this process: requests keep flowing while it runs. */
function cliInBackground(command: 'backup' | 'restore'): Promise<{ status: number | null; output: string }> {
  const child = spawn(process.execPath, ['server/dist/server/src/backup-cli.js', command], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, output })));
}

async function ownerQuery<T>(sql: string): Promise<T[]> {
  const client = new Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password: OWNER_PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every permanent table of public and reti_private: its row count and an md5 of its rows in order. */
async function snapshot(): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new Client({ host: '127.0.0.1', port: pgPort, user: 'postgres', password: OWNER_PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    // Unlogged tables (the rate-limit counters) are not in any backup: PostgreSQL empties them on recovery, by design.
    const tables = await client.query(`
      SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('public', 'reti_private') AND c.relkind IN ('r', 'p') AND c.relpersistence = 'p' ORDER BY 1`);
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query(`SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${name} t`);
      result[name] = rows[0];
    }
    return result;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  buildServer();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'reti-backup-'));
  port = await freePort();
  pgPort = await freePort();
  env = { ...process.env, NODE_ENV: 'production', PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), EMBEDDED_PG_PASSWORD: OWNER_PASSWORD, DATA_DIR: dataDir, DEMO_DATA: '1', RATE_LIMIT_PER_USER: '1000000' };
  delete env.DATABASE_URL;
  delete env.BACKUP_DIR;
});

afterAll(async () => {
  if (server) {
    server.process.kill('SIGTERM');
    await server.exited;
  }
  // As root the cluster, and the data a restore set aside, live under /var/lib/reti.
  const databaseDir = path.join(dataDir, 'pg');
  if (existsSync(databaseDir) && lstatSync(databaseDir).isSymbolicLink()) {
    const cluster = realpathSync(databaseDir);
    for (const file of readdirSync(path.dirname(cluster))) {
      if (file.startsWith(path.basename(cluster))) rmSync(path.join(path.dirname(cluster), file), { recursive: true, force: true });
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('a backup taken while the server runs is restored table for table after a restart', async () => {
  await startServer();
  const { login } = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: EDITOR.email, p: EDITOR.password });
  const create = `mutation($name: String!) { createCompetencePact(input: { name: $name, territory: "Provincia di Milano" }) { id version } }`;
  const kept = (await gql(create, { name: 'Patto prima del backup' }, login.token)).createCompetencePact;

  const backup = cli('backup');
  expect(backup).toEqual({ status: 0, output: expect.stringContaining('Backup written to') });
  const atBackup = await snapshot();
  expect(Object.keys(atBackup)).toEqual(expect.arrayContaining(['public.competence_pacts', 'public.networks', 'public.allocations', 'reti_private.user_secrets']));
  expect(atBackup['public.networks'].rows).toBeGreaterThan(0);

  // The server holds the database: restore refuses, and says why.
  const refused = cli('restore');
  expect(refused.status).toBe(1);
  expect(refused.output).toMatch(/^Reti is running \(pid \d+\)/);

  await gql(create, { name: 'Patto dopo il backup' }, login.token);
  await gql(`mutation($id: ID!, $v: Int!) { updateCompetencePact(id: $id, version: $v, input: { name: "Patto rinominato" }) { id } }`, { id: kept.id, v: kept.version }, login.token);
  const changed = await snapshot();
  expect(changed['public.competence_pacts']).not.toEqual(atBackup['public.competence_pacts']);
  expect(changed['public.audit_events']).not.toEqual(atBackup['public.audit_events']);
  await stopServer();

  const restore = cli('restore');
  expect(restore).toEqual({ status: 0, output: expect.stringContaining('Restored the backup of') });
  await startServer();
  expect(await snapshot()).toEqual(atBackup);

  const again = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: EDITOR.email, p: EDITOR.password });
  const { competencePacts } = await gql(`{ competencePacts(perPage: 100) { items { id name } } }`, {}, again.login.token);
  const names = competencePacts.items.map((pact: { name: string }) => pact.name);
  expect(names).toContain('Patto prima del backup');
  expect(names).not.toContain('Patto dopo il backup');
  expect(names).not.toContain('Patto rinominato');
  await stopServer();
});

test('writes racing the backup come back whole or not at all, and every one answered before it began comes back', async () => {
  await startServer();
  const { login } = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: EDITOR.email, p: EDITOR.password });
  const answered: string[] = [];
  let writing = true;
  const writer = async (name: string) => {
    for (let i = 0; writing; i++) {
      const { createCompetencePact } = await gql(`mutation($name: String!) { createCompetencePact(input: { name: $name, territory: "Lombardia" }) { id } }`, { name: `Concorrente ${name}-${i}` }, login.token);
      answered.push(createCompetencePact.id);
    }
  };
  const writers = [writer('a'), writer('b')];
  while (answered.length < 6) await new Promise((resolve) => setTimeout(resolve, 20));
  const beforeBackup = [...answered];
  const backup = await cliInBackground('backup');
  writing = false;
  await Promise.all(writers);
  expect(backup).toEqual({ status: 0, output: expect.stringContaining('Backup written to') });
  await stopServer();

  expect(cli('restore')).toEqual({ status: 0, output: expect.stringContaining('Restored the backup of') });
  await startServer();
  // A pact and the audit row its transaction wrote are restored together, or neither is.
  const pacts = await ownerQuery<{ id: string; audited: number }>(`
    SELECT p.id, (SELECT count(*)::int FROM audit_events a WHERE a.entity = 'competence_pacts' AND a.entity_id = p.id AND a.action = 'INSERT') AS audited
    FROM competence_pacts p WHERE p.name LIKE 'Concorrente %'`);
  const orphans = await ownerQuery<{ n: number }>(`
    SELECT count(*)::int AS n FROM audit_events a
    WHERE a.entity = 'competence_pacts' AND a.after ->> 'name' LIKE 'Concorrente %' AND NOT EXISTS (SELECT FROM competence_pacts p WHERE p.id = a.entity_id)`);
  const restored = pacts.map((pact) => pact.id);
  expect(restored).toEqual(expect.arrayContaining(beforeBackup));
  expect(answered).toEqual(expect.arrayContaining(restored));
  expect(pacts.filter((pact) => pact.audited !== 1)).toEqual([]);
  expect(orphans).toEqual([{ n: 0 }]);
  await stopServer();
});

test('each refusal is one sentence that says what to do', () => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'reti-backup-empty-'));
  try {
    const fresh = { ...env, DATA_DIR: empty };
    expect(cli('restore', fresh)).toEqual({ status: 1, output: `There is no backup in ${path.join(empty, 'backups')}: run npm run backup first, or name one.\n` });
    expect(cli('backup', fresh)).toEqual({ status: 1, output: `There is no embedded database in ${path.join(empty, 'pg')} to back up: check DATA_DIR.\n` });
    const external = cli('backup', { ...fresh, DATABASE_URL: 'postgres://reti@db.example.org/reti' });
    expect(external.status).toBe(1);
    expect(external.output).toMatch(/^DATABASE_URL names an external PostgreSQL, .*pg_dump.*\n$/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
