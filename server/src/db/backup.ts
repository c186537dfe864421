import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedDatabase, isRunning, ownerFileOf, startEmbeddedPostgres, systemUser } from './embedded';

/**
 * Backups of the embedded database with PostgreSQL's own low-level base-backup API: the embedded
 * package ships postgres, initdb and pg_ctl, but no pg_dump or pg_basebackup. One connection holds
 * a temporary replication slot (so no WAL the copy needs is recycled meanwhile) and a non-exclusive
 * backup; the data folder is copied while the server runs, then pg_backup_stop gives the
 * backup_label, and the WAL from the start checkpoint to the stop point is copied into pg_wal. A
 * restored folder starts like one from pg_basebackup -X stream: PostgreSQL replays that WAL and
 * the data is as it was when the backup stopped.
 */

/** A failure worded for the operator: what went wrong and what to do, in one sentence. */
export class BackupError extends Error {}

export interface BackupManifest {
  createdAt: string;
  postgresVersion: string;
  migrations: string[];
  /** Bytes of the backup folder. */
  size: number;
  startWal: string;
  stopLsn: string;
}

export interface EmbeddedLocation {
  /** DATA_DIR: the cluster is `dataDir/pg` (a link to /var/lib/reti/clusters/… as root from a private folder). */
  dataDir: string;
  backupDir: string;
}

const SUPERUSER = 'postgres';
/** Folders whose contents a base backup leaves out (PostgreSQL's "Making a Base Backup Using the Low Level API"). */
const EMPTIED = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
/** Files of the running server that a copy must not carry. */
const SKIPPED = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'backup_label.old', 'tablespace_map', 'postgresql.auto.conf.tmp', 'current_logfiles.tmp']);
const WAL_FILE = /^[0-9A-F]{24}$/;
/** The data folder's key files (generated JWT and recipient-hash keys): the data means nothing without the recipient key. */
const KEY_FILE = /\.key$/;

/** The cluster folder behind `dataDir/pg`, following the link root's start-up may have made. */
function clusterOf(dataDir: string): string {
  const databaseDir = path.join(dataDir, 'pg');
  if (existsSync(databaseDir)) return realpathSync(databaseDir);
  const link = lstatSync(databaseDir, { throwIfNoEntry: false });
  return link?.isSymbolicLink() ? path.resolve(dataDir, readlinkSync(databaseDir)) : databaseDir;
}

/** The pid of a live process named in the first line of `file`, if any. */
function livePid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isRunning(pid) ? pid : undefined;
}

/** Copies a running cluster's files, leaving out what a base backup must not carry; files dropped meanwhile are skipped. */
export function copyCluster(from: string, to: string, top = true): number {
  let bytes = 0;
  mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.name.startsWith('pgsql_tmp') || entry.name === 'pg_internal.init' || (top && SKIPPED.has(entry.name))) continue;
    if (entry.isDirectory()) {
      if (top && EMPTIED.has(entry.name)) mkdirSync(target, { mode: 0o700 });
      else bytes += copyCluster(source, target, false);
    } else if (entry.isFile()) {
      try {
        copyFileSync(source, target);
        bytes += lstatSync(target).size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return bytes;
}

function folderSize(folder: string): number {
  let bytes = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += lstatSync(path.join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Writes a consistent copy of the embedded database to `backupDir/<time>/` and returns its folder.
 * When no server runs on the data, one is started for the copy and stopped after it.
 */
export async function backupEmbedded(location: EmbeddedLocation & { port: number; password: string }, log: (line: string) => void): Promise<string> {
  const cluster = clusterOf(location.dataDir);
  if (!existsSync(path.join(cluster, 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${path.join(location.dataDir, 'pg')} to back up: check DATA_DIR.`);
  }
  let started: EmbeddedDatabase | undefined;
  let port = Number(existsSync(path.join(cluster, 'postmaster.pid')) ? readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')[3] : NaN);
  if (!livePid(path.join(cluster, 'postmaster.pid')) || !Number.isInteger(port)) {
    log(`No PostgreSQL runs on ${cluster}: starting it for the backup.`);
    started = await startEmbeddedPostgres({ dataDir: location.dataDir, port: location.port, password: location.password, persistent: true });
    port = location.port;
  }
  const createdAt = new Date();
  const name = createdAt.toISOString().replace(/:/g, '-');
  const partial = path.join(location.backupDir, `${name}.partial`);
  const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password: location.password, database: 'postgres' });
  try {
    try {
      await client.connect();
    } catch (cause) {
      throw new BackupError(`Could not connect to the embedded PostgreSQL on port ${port} (${(cause as Error).message}): check EMBEDDED_PG_PASSWORD.`, { cause });
    }
    const tablespaces = await client.query(`SELECT count(*)::int AS n FROM pg_tablespace WHERE spcname NOT IN ('pg_default', 'pg_global')`);
    if (tablespaces.rows[0].n > 0) throw new BackupError('The database has tablespaces outside its folder, which this backup does not copy: use pg_basebackup.');
    const postgresVersion = (await client.query('SHOW server_version')).rows[0].server_version as string;
    const migrations = (await client.query('SELECT name FROM schema_migrations ORDER BY timestamp')).rows.map((row) => row.name as string);

    log(`Backing up ${cluster} into ${partial}…`);
    mkdirSync(location.backupDir, { recursive: true, mode: 0o700 });
    // The slot holds the WAL from here on; temporary, it goes with this session whatever happens.
    await client.query('SELECT pg_create_physical_replication_slot($1, true, true)', [`reti_backup_${process.pid}`]);
    await client.query('SELECT pg_backup_start($1, true)', [`reti ${name}`]);
    const data = path.join(partial, 'data');
    copyCluster(cluster, data);
    const stop = (await client.query(`SELECT lsn::text AS lsn, labelfile, spcmapfile, pg_walfile_name(lsn) AS last_wal FROM pg_backup_stop(false)`)).rows[0];
    writeFileSync(path.join(data, 'backup_label'), stop.labelfile, { mode: 0o600 });
    if (stop.spcmapfile) writeFileSync(path.join(data, 'tablespace_map'), stop.spcmapfile, { mode: 0o600 });
    const firstWal = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(stop.labelfile)?.[1];
    if (!firstWal) throw new BackupError('PostgreSQL returned a backup label without its start WAL file: the backup is unusable.');
    // The stop point's segment is complete: pg_backup_stop switched to the next one.
    for (const file of readdirSync(path.join(cluster, 'pg_wal'))) {
      if ((WAL_FILE.test(file) && file >= firstWal && file <= stop.last_wal) || file.endsWith('.history')) {
        copyFileSync(path.join(cluster, 'pg_wal', file), path.join(data, 'pg_wal', file));
      }
    }
    mkdirSync(path.join(data, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    mkdirSync(path.join(data, 'pg_wal', 'summaries'), { recursive: true, mode: 0o700 });

    const keys = readdirSync(location.dataDir).filter((file) => KEY_FILE.test(file));
    mkdirSync(path.join(partial, 'keys'), { mode: 0o700 });
    for (const file of keys) copyFileSync(path.join(location.dataDir, file), path.join(partial, 'keys', file));

    const manifest: BackupManifest = { createdAt: createdAt.toISOString(), postgresVersion, migrations, size: 0, startWal: firstWal, stopLsn: stop.lsn };
    manifest.size = folderSize(partial);
    writeFileSync(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const done = path.join(location.backupDir, name);
    renameSync(partial, done);
    log(`Backup written to ${done} (${megabytes(manifest.size)}, PostgreSQL ${postgresVersion}, ${migrations.length} migrations).`);
    return done;
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await started?.stop();
  }
}

/** The backup a restore uses: the one named (a folder, or a name in backupDir), else the latest. */
function chooseBackup(backupDir: string, named: string | undefined): string {
  if (named) {
    const folder = [path.resolve(named), path.join(backupDir, named)].find((candidate) => existsSync(path.join(candidate, 'manifest.json')));
    if (!folder) throw new BackupError(`${named} is not a backup (no manifest.json there or in ${backupDir}).`);
    return folder;
  }
  const names = existsSync(backupDir) ? readdirSync(backupDir).filter((file) => !file.endsWith('.partial') && existsSync(path.join(backupDir, file, 'manifest.json'))).sort() : [];
  if (!names.length) throw new BackupError(`There is no backup in ${backupDir}: run npm run backup first, or name one.`);
  return path.join(backupDir, names[names.length - 1]);
}

/**
 * Puts a backup in place of the embedded database; the next start recovers it. The server must be
 * stopped. The data it replaces is kept beside it, and the key files the backup carried come back too.
 */
export async function restoreEmbedded(location: EmbeddedLocation & { backup?: string }, log: (line: string) => void): Promise<{ backup: string; previous?: string }> {
  const backup = chooseBackup(location.backupDir, location.backup);
  const manifest = JSON.parse(readFileSync(path.join(backup, 'manifest.json'), 'utf8')) as BackupManifest;
  if (!existsSync(path.join(backup, 'data', 'backup_label'))) throw new BackupError(`${backup} has no data/backup_label: it is incomplete and cannot be restored.`);

  const owner = livePid(ownerFileOf(location.dataDir));
  if (owner && owner !== process.pid) {
    throw new BackupError(`Reti is running (pid ${owner}) on ${location.dataDir}: stop it (Ctrl-C, or kill ${owner}), then run npm run restore again.`);
  }
  const cluster = clusterOf(location.dataDir);
  const orphan = livePid(path.join(cluster, 'postmaster.pid'));
  if (orphan) {
    log(`Stopping the PostgreSQL (pid ${orphan}) that a Reti process which is gone left running on ${cluster}.`);
    process.kill(orphan, 'SIGINT');
    while (isRunning(orphan)) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  log(`Restoring the backup of ${manifest.createdAt} from ${backup} into ${cluster}…`);
  const stamp = new Date().toISOString().replace(/:/g, '-');
  const incoming = `${cluster}.restoring-${process.pid}`;
  rmSync(incoming, { recursive: true, force: true });
  mkdirSync(path.dirname(cluster), { recursive: true });
  try {
    execFileSync('cp', ['-R', path.join(backup, 'data'), incoming]);
    chmodSync(incoming, 0o700);
    if (process.getuid?.() === 0) {
      const user = systemUser();
      execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, incoming]);
    }
  } catch (cause) {
    rmSync(incoming, { recursive: true, force: true });
    throw new BackupError(`Could not copy the backup next to ${cluster} (${(cause as Error).message.split('\n')[0]}): check the free space and permissions there.`, { cause });
  }
  let previous: string | undefined;
  if (existsSync(cluster)) {
    previous = `${cluster}.before-restore-${stamp}`;
    renameSync(cluster, previous);
  }
  renameSync(incoming, cluster);

  const keys = path.join(backup, 'keys');
  for (const file of existsSync(keys) ? readdirSync(keys) : []) {
    const target = path.join(location.dataDir, file);
    const key = readFileSync(path.join(keys, file));
    if (existsSync(target) && !readFileSync(target).equals(key)) renameSync(target, `${target}.before-restore-${stamp}`);
    writeFileSync(target, key, { mode: 0o600 });
  }
  log(
    `Restored the backup of ${manifest.createdAt} (PostgreSQL ${manifest.postgresVersion}, ${manifest.migrations.length} migrations)` +
      `${previous ? `; the data it replaced is in ${previous}` : ''}: npm start recovers it.`,
  );
  return { backup, previous };
}
