import 'reflect-metadata';
import { loadConfig } from './config';
import { createApp } from './app';
import { startEmbeddedPostgres, EmbeddedDatabase } from './db/embedded';
import { appRoleUrl, FirstAdmin } from './db/bootstrap';
import { StatementCounter } from './db/data-source';
import { prepareRegistryDatabase, registryDataSource } from './registry';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from './seed/demo-data';

/** Local-only sign-in for the embedded default when ADMIN_EMAIL / ADMIN_PASSWORD are not given. */
const EMBEDDED_ADMIN: FirstAdmin = { email: 'admin@reti.local', password: 'reti-admin-2026' };

/** Started first, so that a failure later in the start-up stops it rather than leaving it running. */
let embedded: EmbeddedDatabase | undefined;

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, password: config.embeddedPassword, persistent: true });
    ownerUrl = embedded.url;
    console.log(`Embedded PostgreSQL on 127.0.0.1:${config.embeddedPort}, data in ${config.dataDir}/pg`);
  }
  const firstAdmin = config.adminEmail && config.adminPassword ? { email: config.adminEmail, password: config.adminPassword } : embedded ? EMBEDDED_ADMIN : undefined;
  await prepareRegistryDatabase(ownerUrl, config.appDbPassword, firstAdmin);

  const dataSource = registryDataSource({
    url: appRoleUrl(ownerUrl, config.appDbPassword),
    replicaUrl: config.databaseReplicaUrl && appRoleUrl(config.databaseReplicaUrl, config.appDbPassword),
    poolSize: config.poolSize,
    logger: config.logQueries ? new StatementCounter(true) : undefined,
  });
  await dataSource.initialize();
  const keys = { recipientHash: config.recipientHashKey };
  if (config.demoData && (await loadDemoData({ dataSource, keys }))) {
    console.log('Loaded the demo dataset (tenant DEMO_MI). DEMO_DATA=0 turns it off.');
  }

  const { httpServer, apollo } = await createApp({
    dataSource,
    jwtSecret: config.jwtSecret,
    keys,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    queryLimits: config.queryLimits,
    rateLimits: config.rateLimits,
  });
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  console.log(`Reti ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: http://localhost:${config.port}/graphql`);
  if (firstAdmin === EMBEDDED_ADMIN) console.log(`Sign in as ${EMBEDDED_ADMIN.email} / ${EMBEDDED_ADMIN.password} (local embedded database only).`);
  if (config.demoData) console.log(`Demo users: ${DEMO_USERS.editor} and ${DEMO_USERS.analyst}, password ${DEMO_PASSWORD}.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    // Stops accepting connections and lets requests in flight finish (up to 10 s) before the pool closes.
    await apollo.stop();
    await dataSource.destroy();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error) => {
  console.error(`Reti could not start: ${error instanceof Error ? error.message : String(error)}`);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
