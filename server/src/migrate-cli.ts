import 'reflect-metadata';
import { loadConfig } from './config';
import { startEmbeddedPostgres } from './db/embedded';
import { registryDataSource } from './registry';

/** npm run migration:run | migration:revert — applies the pending migrations, or undoes the last one. */
async function main(direction: string | undefined): Promise<void> {
  if (direction !== 'up' && direction !== 'down') throw new Error('usage: migrate-cli up|down');
  const config = loadConfig();
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, password: config.embeddedPassword, persistent: true });
  const owner = registryDataSource({ url: config.databaseUrl ?? embedded!.url, poolSize: 1 });
  await owner.initialize();
  try {
    if (direction === 'up') {
      const applied = await owner.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'Nothing to apply');
    } else {
      await owner.undoLastMigration({ transaction: 'each' });
      console.log('Undid the last migration');
    }
  } finally {
    await owner.destroy();
    await embedded?.stop();
  }
}

main(process.argv[2]).catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
