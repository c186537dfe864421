import 'reflect-metadata';
import { loadConfig } from './config';
import { createApp } from './app';
import { createLogger, Logger } from './common/logger';
import { startEmbeddedPostgres, EmbeddedDatabase } from './db/embedded';
import { adminRoleUrl, appRoleUrl, FirstAdmin } from './db/bootstrap';
import { openPools } from './db/request-scope';
import { StatementCounter } from './db/data-source';
import { prepareRegistryDatabase, registryDataSource } from './registry';
import { DEMO_USERS, loadDemoData } from './seed/demo-data';

/** Local-only sign-in for the embedded default when ADMIN_EMAIL / ADMIN_PASSWORD are not given. */
const EMBEDDED_ADMIN: FirstAdmin = { email: 'admin@reti.local', password: 'reti-admin-2026' };

/** After the grace period, how long closing the pool may take before the process leaves without it. */
const POOL_CLOSE_MS = 5_000;

/** Started first, so that a failure later in the start-up stops it rather than leaving it running. */
let embedded: EmbeddedDatabase | undefined;
/** Until the configuration is read, start-up failures are logged at the default level. */
let logger: Logger = createLogger({ level: 'info' });

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  logger = createLogger({ level: config.logLevel, pretty: config.logPretty });
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, password: config.embeddedPassword, persistent: true, logger });
    ownerUrl = embedded.url;
  }
  const firstAdmin = config.adminEmail && config.adminPassword ? { email: config.adminEmail, password: config.adminPassword } : embedded ? EMBEDDED_ADMIN : undefined;
  const applied = await prepareRegistryDatabase(ownerUrl, { app: config.appDbPassword, admin: config.adminDbPassword }, firstAdmin);
  logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'migrations are current');

  const dataSource = registryDataSource({
    url: appRoleUrl(ownerUrl, config.appDbPassword),
    replicaUrl: config.databaseReplicaUrl && appRoleUrl(config.databaseReplicaUrl, config.appDbPassword),
    poolSize: config.poolSize,
    logger: config.logQueries ? new StatementCounter((sql) => logger.info({ sql }, 'query')) : undefined,
  });
  await dataSource.initialize();
  // Administrators' requests: a pool of their own, signed in as reti_admin (the app role is no member of it).
  const adminDataSource = registryDataSource({
    url: adminRoleUrl(ownerUrl, config.adminDbPassword),
    poolSize: Math.max(2, Math.ceil(config.poolSize / 4)),
    logger: config.logQueries ? new StatementCounter((sql) => logger.info({ sql }, 'query')) : undefined,
  });
  await adminDataSource.initialize();
  const keys = { recipientHash: config.recipientHashKey };
  if (config.demoData && (await loadDemoData({ pools: await openPools(dataSource, adminDataSource), keys }))) {
    logger.info('loaded the demo dataset (tenants DEMO_*); DEMO_DATA=0 turns it off');
  }

  const { httpServer, apollo } = await createApp({
    dataSource,
    adminDataSource,
    jwtSecret: config.jwtSecret,
    keys,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    queryLimits: config.queryLimits,
    rateLimits: config.rateLimits,
    logger,
    shutdownGraceMs: config.shutdownGraceMs,
    sso: config.sso,
  });
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  logger.info({ port: config.port, seconds: (Date.now() - startedAt) / 1000 }, `Reti ready: http://localhost:${config.port}/graphql`);
  // Passwords stay out of the log: the README gives the local ones.
  if (firstAdmin === EMBEDDED_ADMIN) logger.info(`sign in as ${EMBEDDED_ADMIN.email} (local embedded database only; the password is in the README)`);
  if (config.demoData) logger.info(`demo users: ${Object.values(DEMO_USERS).join(', ')} (the password is in the README)`);

  // Answers not yet sent, counted so that a shutdown can say whether it cut any off.
  let unanswered = 0;
  httpServer.on('request', (_req, res) => {
    unanswered += 1;
    res.once('close', () => (unanswered -= 1));
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceMs: config.shutdownGraceMs, inFlight: unanswered }, 'shutting down: refusing new connections, finishing requests in flight');
    // Set before Apollo's own timer of the same length, so it counts what that timer is about to cut off.
    let cutOff = 0;
    const grace = setTimeout(() => (cutOff = unanswered), config.shutdownGraceMs);
    // Closing the pool ends the connections of requests cut off, and PostgreSQL rolls their transactions back.
    const closed = await Promise.race([
      (async () => {
        await apollo.stop();
        await Promise.all([dataSource.destroy(), adminDataSource.destroy()]);
        return true;
      })(),
      new Promise<false>((resolve) => setTimeout(resolve, config.shutdownGraceMs + POOL_CLOSE_MS, false)),
    ]);
    clearTimeout(grace);
    if (cutOff) logger.warn({ cutOff }, 'requests were still running when the grace period ended: cut off, their transactions rolled back');
    if (!closed) logger.warn('the database pool did not close in time');
    await embedded?.stop();
    logger.info({ signal }, 'stopped');
    process.exit(cutOff || !closed ? 1 : 0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error) => {
  logger.fatal({ err: error }, `Reti could not start: ${error instanceof Error ? error.message : String(error)}`);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
