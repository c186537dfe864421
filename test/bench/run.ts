import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { appRoleUrl } from '../../server/src/db/bootstrap';
import { prepareRegistryDatabase } from '../../server/src/registry';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../../server/src/db/embedded';
import { organisationCheckDigit } from '../../server/src/common/tax-code';
import { BENCH_PASSWORD, BENCH_USERS, Dataset, generateData, Scale, SCALES } from './data';
import { BenchQuery, canonical, Names, QUERIES, Who } from './queries';
import { allocationWriteFigures } from './allocation-writes';

/**
 * `npm run bench [-- --scale small|full] [--allocations N] [--rounds R] [--seconds S] [--only writes|reads] [--queries Q1,Q2] [--profile]`
 *
 * Builds a deterministic dataset on a throwaway embedded PostgreSQL, then drives three servers over
 * HTTP with 8 connections, alternating Reti → PostGraphile v5 → hand-written SQL for every query in
 * every round. Prints req/s, p50/p99, SQL statements per request (pg_stat_statements), server CPU
 * per request and peak RSS, then the ratios. Only ratios within one run mean anything: the machine
 * is shared. Then Reti's writes: createPartner, a CSV import, and createAllocation as the database
 * grows to a million allocations (`--only writes`: that last one alone, on a database without
 * allocations to start from, no peer). The peer installs into test/bench/peer on first use, outside the product's install.
 * `--queries` measures only the queries named; `--profile` writes Reti's CPU profile (node --cpu-prof)
 * into bench-profile/ when it stops. After the rounds, `{ __typename }` on each server and on
 * Express and Apollo Server alone (stack-alone.ts): what the HTTP layer and GraphQL cost with
 * nothing behind them.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const PEER_DIR = path.join(ROOT, 'test/bench/peer');
const APP_PASSWORD = 'bench_app_password';
const ADMIN_DB_PASSWORD = 'bench-admin-password-of-at-least-32-characters';
const JWT_SECRET = 'bench-jwt-secret-bench-jwt-secret-bench!!';
const CONNECTIONS = 8;
/** Reti's targets as ratios of req/s (issue 22): at least PostGraphile's on every query, and 0.8 of the hand-written floor on the lists. */
const TARGETS: Record<string, { peer?: number; floor?: number }> = {
  Q1: { peer: 1 },
  Q2: { peer: 1, floor: 0.8 },
  Q3: { peer: 1, floor: 0.8 },
  Q4: { peer: 1 },
  Q4R: { peer: 1 },
};
const SERVERS = ['Reti', 'PostGraphile', 'floor'] as const;
/** The three, and for `{ __typename }` alone the stack under Reti with nothing of Reti's (stack-alone.ts). */
type ServerName = (typeof SERVERS)[number] | 'Apollo alone';

interface Options {
  scale: Scale;
  scaleName: string;
  rounds: number;
  seconds: number;
  /** Only the createAllocation timings. */
  writesOnly: boolean;
  /** No writes after the reads. */
  readsOnly: boolean;
  queries: BenchQuery[];
  profile: boolean;
}

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scaleName = value('--scale') ?? 'small';
  if (scaleName !== 'small' && scaleName !== 'full') throw new Error('--scale is small or full');
  const scale = { ...SCALES[scaleName] };
  if (value('--allocations')) scale.allocations = Number(value('--allocations'));
  const rounds = Number(value('--rounds') ?? 3);
  const seconds = Number(value('--seconds') ?? (scaleName === 'small' ? 4 : 6));
  if (![scale.allocations, rounds, seconds].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--allocations, --rounds and --seconds take positive integers');
  const only = value('--only');
  if (only !== undefined && only !== 'writes' && only !== 'reads') throw new Error('--only takes writes or reads');
  if (only === 'writes') scale.allocations = 0;
  const names = value('--queries')?.split(',');
  const queries = names ? QUERIES.filter((q) => names.includes(q.name)) : QUERIES;
  if (!queries.length) throw new Error(`--queries takes some of ${QUERIES.map((q) => q.name).join(',')}`);
  return {
    scale,
    scaleName: scale.allocations === SCALES[scaleName].allocations ? scaleName : `${scaleName}, ${scale.allocations} allocations`,
    rounds,
    seconds,
    writesOnly: only === 'writes',
    readsOnly: only === 'reads',
    queries,
    profile: argv.includes('--profile'),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostGraphile and its aggregates plugin install into their own folder, from their own lock file. */
function ensurePeerInstalled(): void {
  if (existsSync(path.join(PEER_DIR, 'node_modules/postgraphile'))) return;
  console.log('Installing the peer (PostGraphile v5) into test/bench/peer …');
  const result = spawnSync('npm', ['ci', '--prefix', PEER_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci --prefix test/bench/peer failed');
}

/** pg_stat_statements needs a restart to load; the bench counts every statement the servers send with it. */
async function startDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const port = await freePort();
  const first = await startEmbeddedPostgres({ dataDir, port, password: 'bench', persistent: true });
  const db = new Client({ connectionString: first.url });
  await db.connect();
  await db.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await db.query(`ALTER SYSTEM SET pg_stat_statements.max = 10000`);
  await db.query(`ALTER SYSTEM SET pg_stat_statements.track_planning = on`);
  await db.end();
  await first.stop();
  return startEmbeddedPostgres({ dataDir, port, password: 'bench', persistent: false });
}

interface Server {
  name: ServerName;
  port: number;
  child: ChildProcess;
  startup: number;
  /** performance.now() when it was spawned: a CPU profile's clock starts about then. */
  spawnedAt: number;
  /** Stops it before the bench ends, as expected. */
  stop: () => void;
  path: (q: BenchQuery) => string;
  body: (q: BenchQuery, variables: Record<string, unknown>) => unknown;
}

async function startServer(name: ServerName, script: string, env: Record<string, string>, nodeFlags: string[] = []): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  // The V8 flag npm start gives Reti, given to every server alike.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...nodeFlags, script], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', PORT: String(port), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Only the last few kilobytes: Reti logs a line per request, and the bench sends many.
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk).slice(-8000));
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      keep(chunk);
      if (/ready/i.test(output)) {
        child.stdout!.off('data', onData);
        child.stdout!.on('data', keep);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', keep);
    child.on('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${output}`)));
  });
  let stopped = false;
  child.on('exit', (code, signal) => {
    if (!stopping && !stopped) console.error(`${name} stopped unexpectedly (${code ?? signal}):\n${output.slice(-3000)}`);
  });
  const routes = {
    Reti: { path: () => '/graphql', body: (q: BenchQuery, variables: Record<string, unknown>) => ({ query: q.reti, variables }) },
    PostGraphile: { path: () => '/graphql', body: (q: BenchQuery, variables: Record<string, unknown>) => ({ query: q.peer, variables }) },
    'Apollo alone': { path: () => '/graphql', body: (q: BenchQuery, variables: Record<string, unknown>) => ({ query: q.reti, variables }) },
    floor: { path: (q: BenchQuery) => `/q/${q.floor}`, body: (_q: BenchQuery, variables: Record<string, unknown>) => variables },
  };
  const stop = () => {
    stopped = true;
    child.kill('SIGTERM');
  };
  return { name, port, child, stop, startup: (performance.now() - started) / 1000, spawnedAt: started, ...routes[name] };
}

/** Set when the bench ends, so that the servers' exits are expected. */
let stopping = false;
/** With --profile: each of Reti's samples says when it ran on the profile's clock (seconds since Reti started), for profile-summary's --from and --to. */
let profiling = false;

// Idle sockets close after 2 s, before the servers' own keep-alive timeout (Node's 5 s) can close one under a new request.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS, timeout: 2000 });

async function post(port: number, urlPath: string, payload: Buffer, token?: string): Promise<{ status: number; body: Buffer }> {
  try {
    return await send(port, urlPath, payload, token);
  } catch (error) {
    // A kept-alive socket the server closed just as it was reused: once more on a new one.
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    return send(port, urlPath, payload, token);
  }
}

function send(port: number, urlPath: string, payload: Buffer, token?: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: urlPath, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length, ...(token ? { authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function graphql(port: number, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const { body } = await post(port, '/graphql', Buffer.from(JSON.stringify({ query, variables })), token);
  const result = JSON.parse(body.toString());
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** Signs in over HTTP as a real user; access tokens last 15 minutes, so every round signs in afresh. */
async function signIn(reti: Server): Promise<Record<Who, string>> {
  const login = async (email: string) =>
    (await graphql(reti.port, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: BENCH_PASSWORD })).login.token as string;
  return { editor: await login(BENCH_USERS.editor), regionalAnalyst: await login(BENCH_USERS.regionalAnalyst) };
}

/** /proc/<pid>/stat counts CPU time in clock ticks, 100 per second on Linux. */
const MS_PER_TICK = 10;

function processStats(pid: number): { rss: number; cpuTicks: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  // Rarely the kernel shows a status without VmRSS for a moment; that sample then counts as 0.
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { rss, cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/** Statements the app role ran (all of them, and those that are neither transaction control nor settings), and the database's time on them. */
async function statementCount(monitor: Client): Promise<{ all: number; data: number; dbMs: number }> {
  const { rows } = await monitor.query(`
    SELECT coalesce(sum(calls), 0)::bigint AS all,
           coalesce(sum(calls) FILTER (WHERE query !~* '^\\s*(begin|commit|rollback|start|set|savepoint|release)' AND query !~* 'set_config\\(|app_begin\\(|app_open\\('), 0)::bigint AS data,
           coalesce(sum(total_plan_time + total_exec_time), 0)::float8 AS db_ms
    FROM pg_stat_statements WHERE userid = 'reti_app'::regrole`);
  return { all: Number(rows[0].all), data: Number(rows[0].data), dbMs: Number(rows[0].db_ms) };
}

interface Sample {
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  statements: number;
  dataStatements: number;
  dbMs: number;
  cpuMs: number;
  peakRss: number;
}

async function drive(server: Server, q: BenchQuery, variables: Record<string, unknown>, token: string, seconds: number, monitor?: Client, connections = CONNECTIONS): Promise<Sample> {
  const payload = Buffer.from(JSON.stringify(server.body(q, variables)));
  const urlPath = server.path(q);
  const latencies: number[] = [];
  let errors = 0;
  const pid = server.child.pid!;
  const before = processStats(pid);
  let peakRss = before.rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, processStats(pid).rss)), 200);
  const statementsBefore = monitor ? await statementCount(monitor) : { all: 0, data: 0, dbMs: 0 };
  const started = performance.now();
  const end = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      const { status, body } = await post(server.port, urlPath, payload, token);
      latencies.push(performance.now() - t);
      if (status !== 200 || body.includes('"errors"')) errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (profiling && server.name === 'Reti') console.log(`  (Reti's profile: ${q.name} from ${((started - server.spawnedAt) / 1000).toFixed(1)} s to ${((performance.now() - server.spawnedAt) / 1000).toFixed(1)} s)`);
  const after = processStats(pid);
  const statementsAfter = monitor ? await statementCount(monitor) : { all: 0, data: 0, dbMs: 0 };
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    latencies,
    statements: statementsAfter.all - statementsBefore.all,
    dataStatements: statementsAfter.data - statementsBefore.data,
    dbMs: statementsAfter.dbMs - statementsBefore.dbMs,
    cpuMs: (after.cpuTicks - before.cpuTicks) * MS_PER_TICK,
    peakRss: Math.max(peakRss, after.rss),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

function merge(samples: Sample[]): Sample {
  return samples.reduce((a, b) => ({
    requests: a.requests + b.requests,
    errors: a.errors + b.errors,
    seconds: a.seconds + b.seconds,
    latencies: a.latencies.concat(b.latencies),
    statements: a.statements + b.statements,
    dataStatements: a.dataStatements + b.dataStatements,
    dbMs: a.dbMs + b.dbMs,
    cpuMs: a.cpuMs + b.cpuMs,
    peakRss: Math.max(a.peakRss, b.peakRss),
  }));
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((cell, i) => (i < 2 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join('  ');
}

const SAMPLE_HEAD = ['query', 'server', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'data SQL/req', 'DB ms/req', 'CPU ms/req', 'peak RSS MiB', 'errors'];
const SAMPLE_WIDTHS = [5, 12, 8, 8, 8, 8, 12, 10, 12, 6];

function sampleRow(query: string, server: string, s: Sample): string {
  const sorted = [...s.latencies].sort((a, b) => a - b);
  return row(
    [query, server, (s.requests / s.seconds).toFixed(1), percentile(sorted, 0.5).toFixed(1), percentile(sorted, 0.99).toFixed(1),
      (s.statements / s.requests).toFixed(1), (s.dataStatements / s.requests).toFixed(1), (s.dbMs / s.requests).toFixed(2), (s.cpuMs / s.requests).toFixed(2), (s.peakRss / 2 ** 20).toFixed(0), s.errors],
    SAMPLE_WIDTHS,
  );
}

async function names(ownerUrl: string): Promise<Names> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const fundSources = (await db.query(`SELECT id, code FROM fund_sources`)).rows;
    const provinces = (await db.query(
      `SELECT t.id, p.name FROM tenants t JOIN provinces p ON p.istat_code = t.istat_code
       UNION ALL SELECT t.id, p.name FROM tenants t JOIN municipalities m ON m.istat_code = t.istat_code JOIN provinces p ON p.id = m.province_id`,
    )).rows;
    return { fundSources: new Map(fundSources.map((r) => [r.id, r.code])), tenantProvinces: new Map(provinces.map((r) => [r.id, r.name])) };
  } finally {
    await db.end();
  }
}

/** Before measuring: every server answers every query with the same data. */
async function checkSameData(servers: Server[], tokens: Record<Who, string>, ids: { networkId: string; tenantId: string }, lookup: Names, queries: BenchQuery[]): Promise<void> {
  for (const q of queries) {
    const answers = await Promise.all(
      servers.map(async (server) => {
        const { status, body } = await post(server.port, server.path(q), Buffer.from(JSON.stringify(server.body(q, q.variables(ids)))), tokens[q.who]);
        const result = JSON.parse(body.toString() || '{}');
        if (status !== 200 || result.errors) throw new Error(`${server.name} ${q.name}: ${status} ${body.toString().slice(0, 500)}`);
        return canonical(server.name === 'PostGraphile' ? q.fromPeer(result.data, lookup) : result.data);
      }),
    );
    const size = (answers[0].match(/\{/g) ?? []).length;
    if (size < 2) throw new Error(`${q.name} selected nothing`);
    const same = answers.every((a) => a === answers[0]);
    console.log(`  ${q.name}: ${same ? 'same data from all three' : 'DIFFERENT DATA'} (${size} objects, ${answers[0].length} bytes canonical)`);
    if (!same) {
      answers.forEach((a, i) => console.log(`    ${servers[i].name}: ${a.slice(0, 300)}…`));
      throw new Error(`${q.name}: the servers disagree`);
    }
  }
}

/**
 * `{ __typename }` (the floor's q0): the HTTP layer, the token and GraphQL, with nothing behind
 * them, on each server and on the stack under Reti alone (Express and Apollo Server, stack-alone.ts);
 * set beside Q1, what is left of it beyond an empty request on each.
 */
async function trivialFigures(servers: Server[], tokens: Record<Who, string>, seconds: number, monitor: Client, q1: Map<ServerName, Sample[]>): Promise<void> {
  const trivial: BenchQuery = { name: 'Q0', label: '{ __typename }', who: 'editor', reti: '{ __typename }', peer: '{ __typename }', floor: 'q0', variables: () => ({}), fromPeer: (d) => d };
  console.log(`\n{ __typename } signed in as the editor (${CONNECTIONS} connections, ${seconds} s per server, 3 rounds)`);
  console.log(row(SAMPLE_HEAD, SAMPLE_WIDTHS));
  const samples = new Map<ServerName, Sample[]>();
  for (let round = 0; round < 3; round++) {
    for (const server of servers) samples.set(server.name, [...(samples.get(server.name) ?? []), await drive(server, trivial, {}, tokens.editor, seconds, monitor)]);
  }
  for (const server of servers) console.log(sampleRow('Q0', server.name, merge(samples.get(server.name)!)));
  const cpu = (s: Sample) => s.cpuMs / s.requests;
  if (!q1.size) return;
  const widths = [26, 14, 14, 14];
  console.log(`\nServer CPU ms per request: Q1, { __typename }, and Q1 beyond it`);
  console.log(row(['server', 'Q1', 'Q0', 'Q1 − Q0'], widths));
  for (const server of servers) {
    const [one, empty] = [cpu(merge(q1.get(server.name)!)), cpu(merge(samples.get(server.name)!))];
    console.log(row([server.name, one.toFixed(2), empty.toFixed(2), (one - empty).toFixed(2)], widths));
  }
  const stack = await startServer('Apollo alone', path.join(__dirname, 'stack-alone.js'), {});
  try {
    const alone = [];
    for (let round = 0; round < 3; round++) alone.push(await drive(stack, trivial, {}, tokens.editor, seconds));
    const floor = cpu(merge(alone));
    console.log(row(['Express + Apollo alone', '', floor.toFixed(2), ''], widths));
    const [reti, peer] = [cpu(merge(q1.get('Reti')!)), cpu(merge(q1.get('PostGraphile')!))];
    console.log(`Reti's Q1 is ${(reti - floor).toFixed(2)} ms above an empty request on Express and Apollo alone; PostGraphile's whole Q1 is ${peer.toFixed(2)} ms`);
  } finally {
    stack.stop();
  }
}

/** Reti alone, after the reads: sequential createPartner and a 5,000-row CSV import, over HTTP. */
async function writeFigures(reti: Server, token: string, ownerUrl: string): Promise<void> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  const [{ id: typeId }] = (await db.query(`SELECT id FROM partner_types WHERE code = 'LABOUR_OPERATOR'`)).rows;
  await db.end();
  const writes = 300;
  let t = performance.now();
  for (let i = 0; i < writes; i++) {
    const body = String(3_000_000_000 + i).padStart(10, '0');
    await graphql(reti.port, `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }`, { i: { legalName: `Partner ${i}`, taxCode: body + organisationCheckDigit(body), partnerTypeId: typeId } }, token);
  }
  const writeSeconds = (performance.now() - t) / 1000;
  const rows = ['ragione_sociale;codice_fiscale;tipo;comune_istat'];
  for (let i = 0; i < 5000; i++) {
    const body = String(4_000_000_000 + i).padStart(10, '0');
    rows.push(`Soggetto importato ${i};${body}${organisationCheckDigit(body)};OTHER;012133`);
  }
  t = performance.now();
  const { importCsv } = await graphql(reti.port, `mutation($csv: String!) { importCsv(kind: PARTNERS, csv: $csv, dryRun: false) { imported } }`, { csv: rows.join('\n') }, token);
  console.log(`Reti createPartner: ${(writes / writeSeconds).toFixed(0)} writes/s (${writes} sequential, over HTTP)   target ≥ 100/s`);
  console.log(`Reti CSV import of ${importCsv.imported} partners (check and write, one transaction): ${((performance.now() - t) / 1000).toFixed(2)} s   target ≤ 10 s`);
}

async function main(): Promise<void> {
  // PostGraphile v5 needs Node 22, and all three servers run on the Node that runs the bench.
  if (Number(process.versions.node.split('.')[0]) < 22) throw new Error(`Node ${process.versions.node}: run the bench with npm run bench, which uses the project's Node 22`);
  const options = parseOptions(process.argv.slice(2));
  profiling = options.profile;
  if (!options.writesOnly) ensurePeerInstalled();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reti-bench-'));
  // PostgreSQL runs as its own user when the bench runs as root: it must reach the folder.
  chmodSync(dataDir, 0o755);
  const children: ChildProcess[] = [];
  let pg: EmbeddedDatabase | undefined;
  let monitor: Client | undefined;
  try {
    let t = performance.now();
    pg = await startDatabase(dataDir);
    await prepareRegistryDatabase(pg.url, { app: APP_PASSWORD, admin: ADMIN_DB_PASSWORD });
    monitor = new Client({ connectionString: pg.url });
    await monitor.connect();
    await monitor.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    console.log(`Embedded PostgreSQL, migrations, reference data: ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    const dataset: Dataset = await generateData(pg.url, options.scale);
    console.log(`Data (${options.scaleName}) in ${((performance.now() - t) / 1000).toFixed(1)} s: ${Object.entries(dataset.counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);

    const ownerUrl = pg.url;
    const appUrl = appRoleUrl(ownerUrl, APP_PASSWORD);
    // Row-level security trusts a request's tenant only under the server's signature (request-scope.ts): the peer and the floor sign theirs alike.
    const [{ key: REQUEST_KEY }] = (await monitor.query(`SELECT encode(key, 'hex') AS key FROM reti_private.request_key`)).rows;
    const dataDirReti = path.join(dataDir, 'reti');
    const reti = () =>
      startServer('Reti', path.join(ROOT, 'server/dist/server/src/main.js'), {
        DATABASE_URL: ownerUrl,
        APP_DB_PASSWORD: APP_PASSWORD,
        ADMIN_DB_PASSWORD,
        DATA_DIR: dataDirReti,
        DEMO_DATA: '0',
        JWT_SECRET,
        // The bench is one user at thousands of requests a second: its rate limits are not what is measured.
        RATE_LIMIT_PER_USER: '1000000',
        RATE_LIMIT_PER_ADDRESS: '1000000',
      }, options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(ROOT, 'bench-profile')}`] : []);
    const allocationWrites = (server: Server) =>
      allocationWriteFigures(ownerUrl, dataset.tenantId, async () => {
        const token = (await signIn(server)).editor;
        return (query, variables) => graphql(server.port, query, variables, token);
      });
    if (options.writesOnly) {
      const server = await reti();
      children.push(server.child);
      await allocationWrites(server);
      return;
    }
    const servers = [
      await reti(),
      await startServer('PostGraphile', path.join(PEER_DIR, 'server.mjs'), { DATABASE_URL: appUrl, JWT_SECRET, REQUEST_KEY }),
      await startServer('floor', path.join(__dirname, 'floor.js'), { DATABASE_URL: appUrl, JWT_SECRET, REQUEST_KEY }),
    ];
    children.push(...servers.map((s) => s.child));
    console.log(`Start-up to listening (data in place): ${servers.map((s) => `${s.name} ${s.startup.toFixed(1)} s`).join(', ')}   target Reti ≤ 10 s`);

    const ids = { networkId: dataset.networkId, tenantId: dataset.tenantId };
    const lookup = await names(pg.url);
    let tokens = await signIn(servers[0]);
    console.log('Same data check:');
    await checkSameData(servers, tokens, ids, lookup, options.queries);

    console.log(`Warm-up: every query on every server, ${Math.min(2, options.seconds)} s each`);
    for (const q of options.queries) for (const server of servers) await drive(server, q, q.variables(ids), tokens[q.who], Math.min(2, options.seconds));

    const samples = new Map<string, Sample[]>();
    for (let round = 1; round <= options.rounds; round++) {
      tokens = await signIn(servers[0]);
      console.log(`\nRound ${round} of ${options.rounds}: ${CONNECTIONS} connections, ${options.seconds} s per query and server`);
      console.log(row(SAMPLE_HEAD, SAMPLE_WIDTHS));
      for (const q of options.queries) {
        for (const server of servers) {
          const sample = await drive(server, q, q.variables(ids), tokens[q.who], options.seconds, monitor);
          samples.set(`${q.name}/${server.name}`, [...(samples.get(`${q.name}/${server.name}`) ?? []), sample]);
          console.log(sampleRow(q.name, server.name, sample));
        }
      }
    }

    console.log(`\nAll ${options.rounds} rounds together`);
    console.log(row(SAMPLE_HEAD, SAMPLE_WIDTHS));
    for (const q of options.queries) for (const server of servers) console.log(sampleRow(q.name, server.name, merge(samples.get(`${q.name}/${server.name}`)!)));

    console.log(`\nRatios of req/s, this run only (per-round range in brackets); then of server CPU per request, inverted so that above 1 means Reti spends less`);
    const ratioWidths = [5, 82, 20, 20, 12, 12];
    console.log(row(['query', '', 'Reti / PostGraphile', 'Reti / floor', 'CPU vs PG', 'CPU vs floor'], ratioWidths));
    const shortfalls: string[] = [];
    for (const q of options.queries) {
      const rate = (server: ServerName) => samples.get(`${q.name}/${server}`)!.map((s) => s.requests / s.seconds);
      const [reti, peer, floor] = SERVERS.map(rate);
      const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      const ratio = (other: number[]) => {
        const perRound = reti.map((r, i) => r / other[i]);
        return `${(total(reti) / total(other)).toFixed(2)} [${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}]`;
      };
      const cpu = (server: ServerName) => {
        const all = merge(samples.get(`${q.name}/${server}`)!);
        return all.cpuMs / all.requests;
      };
      console.log(row([q.name, q.label, ratio(peer), ratio(floor), (cpu('PostGraphile') / cpu('Reti')).toFixed(2), (cpu('floor') / cpu('Reti')).toFixed(2)], ratioWidths));
      const versusPeer = total(reti) / total(peer);
      const versusFloor = total(reti) / total(floor);
      if (TARGETS[q.name]?.peer && versusPeer < TARGETS[q.name].peer!) shortfalls.push(`${q.name}: ${versusPeer.toFixed(2)} of PostGraphile, target ${TARGETS[q.name].peer}`);
      if (TARGETS[q.name]?.floor && versusFloor < TARGETS[q.name].floor!) shortfalls.push(`${q.name}: ${versusFloor.toFixed(2)} of the floor, target ${TARGETS[q.name].floor}`);
    }
    if (shortfalls.length) console.log(`\nShort of the targets (README, Performance, says why): ${shortfalls.join('; ')}`);
    const q1 = new Map(servers.flatMap((server) => (samples.has(`Q1/${server.name}`) ? [[server.name, samples.get(`Q1/${server.name}`)!] as const] : [])));
    await trivialFigures(servers, await signIn(servers[0]), options.seconds, monitor, q1);
    console.log(`\nOne request at a time (1 connection, ${options.seconds} s per query and server): p50 ms`);
    tokens = await signIn(servers[0]);
    const latencyWidths = [5, 0, 12, 12, 12];
    console.log(row(['query', '', ...SERVERS], latencyWidths));
    for (const q of options.queries) {
      const p50 = [];
      for (const server of servers) p50.push(percentile((await drive(server, q, q.variables(ids), tokens[q.who], options.seconds, undefined, 1)).latencies.sort((a, b) => a - b), 0.5).toFixed(1));
      console.log(row([q.name, '', ...p50], latencyWidths));
    }
    if (options.readsOnly) return;
    console.log('');
    await writeFigures(servers[0], (await signIn(servers[0])).editor, pg.url);
    await allocationWrites(servers[0]);
  } finally {
    stopping = true;
    await monitor?.end();
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on('exit', resolve)))));
    agent.destroy();
    await pg?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
