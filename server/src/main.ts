import 'reflect-metadata';
import { loadConfig } from './config';
import { createApp } from './app';
import { startEmbeddedPostgres, EmbeddedDatabase } from './db/embedded';
import { appRoleUrl, FirstAdmin, prepareDatabase } from './db/bootstrap';
import { createDataSource, StatementCounter } from './db/data-source';
import { AuthService } from './modules/auth/auth.service';
import { DEMO_PASSWORD, DEMO_USERS, loadDemoData } from './seed/demo-data';

/** Local-only sign-in for the embedded default when ADMIN_EMAIL / ADMIN_PASSWORD are not given. */
const EMBEDDED_ADMIN: FirstAdmin = { email: 'admin@reti.local', password: 'reti-admin-2026' };

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, password: config.embeddedPassword, persistent: true });
    ownerUrl = embedded.url;
    console.log(`Embedded PostgreSQL on 127.0.0.1:${config.embeddedPort}, data in ${config.dataDir}/pg`);
  }
  const firstAdmin = config.adminEmail && config.adminPassword ? { email: config.adminEmail, password: config.adminPassword } : embedded ? EMBEDDED_ADMIN : undefined;
  await prepareDatabase(ownerUrl, config.appDbPassword, firstAdmin);

  const dataSource = createDataSource({
    url: appRoleUrl(ownerUrl, config.appDbPassword),
    poolSize: config.poolSize,
    logger: config.logQueries ? new StatementCounter(true) : undefined,
  });
  await dataSource.initialize();
  const keys = { recipientHash: config.recipientHashKey };
  if (config.demoData && (await loadDemoData({ dataSource, auth: new AuthService(dataSource, config.jwtSecret), keys }))) {
    console.log('Loaded the demo dataset (tenant DEMO_MI). DEMO_DATA=0 turns it off.');
  }

  const { httpServer } = await createApp({ dataSource, jwtSecret: config.jwtSecret, keys, secureCookies: config.secureCookies, trustProxy: config.trustProxy, rateLimits: config.rateLimits });
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  console.log(`Reti ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: http://localhost:${config.port}/graphql`);
  if (firstAdmin === EMBEDDED_ADMIN) console.log(`Sign in as ${EMBEDDED_ADMIN.email} / ${EMBEDDED_ADMIN.password} (local embedded database only).`);
  if (config.demoData) console.log(`Demo users: ${DEMO_USERS.editor} and ${DEMO_USERS.analyst}, password ${DEMO_PASSWORD}.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await new Promise((resolve) => httpServer.close(resolve));
    await dataSource.destroy();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error(`Reti could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
