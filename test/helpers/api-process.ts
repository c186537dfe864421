import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cookiePair, send } from './http';
import { freePort, ROOT } from './server-process';

export interface GqlAnswer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: Record<string, any> }[] };
  /** `reti_refresh=<secret>` when the answer set the refresh cookie. */
  refreshCookie?: string;
}

export interface GqlOptions {
  token?: string;
  cookie?: string;
  /** The loopback address the request leaves from (the throttles count per address). */
  from?: string;
}

export interface ApiProcess {
  url: string;
  output(): string;
  post(query: string, variables?: Record<string, unknown>, options?: GqlOptions): Promise<GqlAnswer>;
  /** Kills the process (no embedded database to leave behind: these run against DATABASE_URL). */
  stop(): Promise<void>;
}

/**
 * Starts the compiled server (`server/dist/server/src/main.js`, built by buildServer) on a free
 * port, in production mode as `npm start` runs it, and resolves once it answers /healthz.
 * `env` names the database (DATABASE_URL) and whatever else the test needs.
 */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reti-api-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'server/dist/server/src/main.js')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = new URL(`http://127.0.0.1:${port}/graphql`);

  const post: ApiProcess['post'] = async (query, variables, { token, cookie, from } = {}) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (cookie) headers.cookie = cookie;
    const { status, headers: answered, text } = await send(base, { body: JSON.stringify({ query, variables }), headers, localAddress: from });
    try {
      return { status, body: JSON.parse(text), refreshCookie: cookiePair(answered['set-cookie'] ?? [], 'reti_refresh') };
    } catch {
      throw new Error(`HTTP ${status}, not JSON: ${text.slice(0, 500)}`);
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) {
      await stop();
      throw new Error(`The server exited before it was ready:\n${output}`);
    }
    const healthy = await send(new URL('/healthz', base), { method: 'GET' }).then(
      (answer) => answer.status === 200,
      () => false,
    );
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url: base.toString(), output: () => output, post, stop };
}
