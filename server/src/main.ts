import 'reflect-metadata';
import { loadConfig } from './config';
import { createApp } from './app';
import { startEmbeddedPostgres, EmbeddedDatabase } from './db/embedded';
import { appRoleUrl, prepareDatabase } from './db/bootstrap';
import { createDataSource, StatementCounter } from './db/data-source';
import { Tenant } from './modules/tenant/tenant.entity';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  let embedded: EmbeddedDatabase | undefined;
  let ownerUrl = config.databaseUrl;
  if (!ownerUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, password: config.embeddedPassword, persistent: true });
    ownerUrl = embedded.url;
    console.log(`Embedded PostgreSQL running, data in ${config.dataDir}/pg`);
  }
  await prepareDatabase(ownerUrl, config.appDbPassword);

  const dataSource = createDataSource({
    url: appRoleUrl(ownerUrl, config.appDbPassword),
    poolSize: config.poolSize,
    logger: config.logQueries ? new StatementCounter(true) : undefined,
  });
  await dataSource.initialize();

  const devTenant = await dataSource.getRepository(Tenant).findOneBy({ code: config.devTenantCode });
  const { httpServer } = await createApp({
    dataSource,
    authenticate: async () => ({ userId: null, role: 'ADMIN', tenantId: devTenant?.id ?? null }),
  });
  await new Promise<void>((resolve) => httpServer.listen(config.port, resolve));
  console.log(`Reti ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: http://localhost:${config.port}/graphql`);

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
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
