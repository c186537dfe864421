import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, freePort, ROOT } from '../helpers/server-process';

const isRoot = process.getuid?.() === 0;
const ADMIN = { email: 'root-start@reti.local', password: 'root-start-password' };

/** What `npm start` runs, placed in `target`: hard links where the file system allows, copies elsewhere. */
function copyCheckout(target: string): void {
  mkdirSync(path.join(target, 'server'), { recursive: true });
  mkdirSync(path.join(target, 'admin'), { recursive: true });
  const parts = ['package.json', 'node_modules', 'server/package.json', 'server/dist', 'admin/package.json'];
  for (const part of parts) {
    const from = path.join(ROOT, part);
    const to = path.join(target, part);
    try {
      execFileSync('cp', ['-al', from, to], { stdio: 'ignore' });
    } catch {
      execFileSync('cp', ['-a', from, to]);
    }
  }
}

interface Server {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the compiled server in `cwd` and resolves when it says it is ready, or rejects with what it said. */
function start(cwd: string, env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['server/dist/server/src/main.js'], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', () => {
      if (output.includes('Reti ready')) resolve({ process: child, output: () => output, exited });
    });
    void exited.then(() => reject(new Error(`The server exited before it was ready:\n${output}`)));
  });
}

async function login(port: number): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { role } } }', variables: { e: ADMIN.email, p: ADMIN.password } }),
  });
  return response.json();
}

/**
 * The README's `npm start` from a checkout inside a folder only root may enter (like /root on
 * Debian): PostgreSQL runs as its own user, which cannot reach the checkout, so the start-up must
 * place what it needs where that user can. Only meaningful as root; skipped otherwise.
 */
(isRoot ? describe : describe.skip)('start-up as root from a private folder (runs only when the suite runs as root)', () => {
  let privateDir: string;
  let checkout: string;
  let env: Record<string, string>;
  let port: number;
  let server: Server | undefined;

  beforeAll(async () => {
    buildServer();
    privateDir = mkdtempSync(path.join(os.tmpdir(), 'reti-private-'));
    chmodSync(privateDir, 0o700);
    checkout = path.join(privateDir, 'reti');
    copyCheckout(checkout);
    port = await freePort();
    // As npm start runs it: production mode, where Apollo would otherwise handle the signals itself.
    env = { NODE_ENV: 'production', PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), DEMO_DATA: '0', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, DATA_DIR: '' };
  }, 300_000);

  afterAll(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    const databaseDir = path.join(checkout, '.data', 'pg');
    if (existsSync(databaseDir) && lstatSync(databaseDir).isSymbolicLink()) rmSync(realpathSync(databaseDir), { recursive: true, force: true });
    rmSync(privateDir, { recursive: true, force: true });
  });

  it('starts, serves, stops cleanly, and starts again on the same data', async () => {
    server = await start(checkout, env);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(await login(port)).toEqual({ data: { login: { user: { role: 'ADMIN' } } } });
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    server = await start(checkout, { ...env, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    expect(await login(port)).toEqual({ data: { login: { user: { role: 'ADMIN' } } } });
    expect(lstatSync(path.join(checkout, '.data', 'pg')).isSymbolicLink()).toBe(true);
  }, 300_000);

  it('starts again after the server was killed, and the committed data is still there', async () => {
    server!.process.kill('SIGKILL');
    await server!.exited;
    server = await start(checkout, { ...env, ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    expect(await login(port)).toEqual({ data: { login: { user: { role: 'ADMIN' } } } });
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 300_000);
});
