import { loadConfig } from './config';
import { backupEmbedded, BackupError, restoreEmbedded } from './db/backup';

/** npm run backup | npm run restore [-- <backup>] — the embedded database only; see the README for DATABASE_URL. */
async function main(command: string | undefined, backup: string | undefined): Promise<void> {
  if (command !== 'backup' && command !== 'restore') throw new Error('usage: backup-cli backup | restore [<backup>]');
  const config = loadConfig();
  if (config.databaseUrl) {
    throw new BackupError(`DATABASE_URL names an external PostgreSQL, which npm run ${command} does not handle: use pg_dump / pg_restore, pg_basebackup or your provider's backups (see the README).`);
  }
  const location = { dataDir: config.dataDir, backupDir: config.backupDir };
  if (command === 'backup') await backupEmbedded({ ...location, port: config.embeddedPort, password: config.embeddedPassword }, console.log);
  else await restoreEmbedded({ ...location, backup }, console.log);
}

main(process.argv[2], process.argv[3]).catch((error) => {
  console.error(error instanceof BackupError ? error.message : `The ${process.argv[2] ?? 'command'} failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
