import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chmodSync, mkdtempSync } from 'node:fs';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../server/src/db/embedded';
import { adminRoleUrl, appRoleUrl } from '../../server/src/db/bootstrap';
import { prepareRegistryDatabase } from '../../server/src/registry';
import { TEST_ADMIN_PASSWORD, TEST_APP_PASSWORD } from './env';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Starts a throwaway PostgreSQL (unless TEST_DATABASE_URL names one), creates a fresh database and migrates it. */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'reti-test-'));
    chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach the folder
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), password: 'test', persistent: false });
    (globalThis as { retiEmbedded?: typeof embedded }).retiEmbedded = embedded;
    serverUrl = embedded.url;
  }
  const database = `reti_test_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const ownerUrl = new URL(serverUrl);
  ownerUrl.pathname = `/${database}`;
  await prepareRegistryDatabase(ownerUrl.toString(), { app: TEST_APP_PASSWORD, admin: TEST_ADMIN_PASSWORD });
  process.env.RETI_TEST_SERVER_URL = serverUrl;
  process.env.RETI_TEST_OWNER_URL = ownerUrl.toString();
  process.env.RETI_TEST_APP_URL = appRoleUrl(ownerUrl.toString(), TEST_APP_PASSWORD);
  process.env.RETI_TEST_ADMIN_URL = adminRoleUrl(ownerUrl.toString(), TEST_ADMIN_PASSWORD);
}
