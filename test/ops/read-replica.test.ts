import { randomUUID } from 'node:crypto';
import { ApiProcess, GqlAnswer, startApiProcess } from '../helpers/api-process';
import { buildServer } from '../helpers/server-process';
import { startReplicatedPair, ReplicatedPair } from '../helpers/clusters';
import { LOGIN } from '../helpers/http';
import { orgTaxCode } from '../helpers/factories';
import { prepareRegistryDatabase } from '../../server/src/registry';
import { ConfigError, loadConfig } from '../../server/src/config';

/**
 * The API on a primary and its streaming replica (DATABASE_REPLICA_URL), made here from the
 * embedded binaries. With the replica's replay paused, a row written on the primary exists there
 * only: who sees it shows which server answered.
 */
const DATABASE = 'reti';
const APP_PASSWORD = 'replica-test-app-password';
const ADMIN_DB_PASSWORD = 'replica-test-admin-password-of-32-characters';
const ADMIN = { email: 'replica-admin@reti.local', password: 'replica-admin-password' };
let pair: ReplicatedPair;
let api: ApiProcess;
let editor: string;
let analyst: string;
let partnerTypeId: string;

const codeOf = (answer: GqlAnswer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

async function must(answer: Promise<GqlAnswer>): Promise<Record<string, any>> {
  const { body } = await answer;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

async function signIn(email: string, password: string): Promise<string> {
  return (await must(api.post(LOGIN, { email, password }))).login.token;
}

/** A user of the tenant, created by the administrator; answers their access token. */
async function member(adminToken: string, tenantId: string, role: 'EDITOR' | 'ANALYST'): Promise<string> {
  const email = `${role.toLowerCase()}.${randomUUID().slice(0, 8)}@replica.reti.local`;
  const password = `pw-${randomUUID()}`;
  await must(api.post('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: { email, displayName: role, role, tenantId, password } }, { token: adminToken }));
  return signIn(email, password);
}

describe('with a streaming replica', () => {
  beforeAll(async () => {
    buildServer();
    pair = await startReplicatedPair();
    await pair.primary.query(`CREATE DATABASE ${DATABASE}`);
    await prepareRegistryDatabase(pair.primary.url(DATABASE), { app: APP_PASSWORD, admin: ADMIN_DB_PASSWORD });
    // The app role and the schema must be on the replica before the API signs in there.
    await pair.caughtUp();
    api = await startApiProcess({
      DATABASE_URL: pair.primary.url(DATABASE),
      DATABASE_REPLICA_URL: pair.standby.url(DATABASE),
      APP_DB_PASSWORD: APP_PASSWORD,
      ADMIN_DB_PASSWORD,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      JWT_SECRET: 'replica-test-signing-secret-0123456789abcdef',
      RECIPIENT_HASH_KEY: 'replica-test-recipient-key-0123456789abcdef',
      DEMO_DATA: '0',
    });
    const adminToken = await signIn(ADMIN.email, ADMIN.password);
    const tenant = await must(api.post('mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', { input: { code: 'REPLICA_MI', name: 'Ente della replica', kind: 'PROVINCE' } }, { token: adminToken }));
    editor = await member(adminToken, tenant.createTenant.id, 'EDITOR');
    analyst = await member(adminToken, tenant.createTenant.id, 'ANALYST');
    [{ id: partnerTypeId }] = await pair.primary.query(`SELECT id FROM partner_types WHERE code = 'TRADE_UNION'`, [], DATABASE);
    await pair.caughtUp();
  }, 300_000);

  afterAll(async () => {
    await api?.stop();
    await pair?.stop();
  });

  const PARTNER = 'query($id: ID!) { partner(id: $id) { id legalName } }';
  const PARTNERS = '{ partners(perPage: 1) { total } }';

  it('an analyst reads from the replica, while an editor writes and reads back on the primary', async () => {
    expect(await pair.standby.query('SELECT pg_is_in_recovery() AS standby')).toEqual([{ standby: true }]);
    // From here on the replica shows the primary as it was.
    await pair.standby.query('SELECT pg_wal_replay_pause()');

    const created = await api.post('mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id legalName } }', {
      input: { legalName: `Sindacato ${randomUUID().slice(0, 8)}`, taxCode: orgTaxCode(), partnerTypeId },
    }, { token: editor });
    expect(codeOf(created)).toBe('OK');
    const partner = created.body.data!.createPartner;
    expect((await must(api.post(PARTNER, { id: partner.id }, { token: editor }))).partner).toEqual(partner);
    expect(await pair.primary.query('SELECT count(*)::int AS rows FROM partners WHERE id = $1', [partner.id], DATABASE)).toEqual([{ rows: 1 }]);
    expect(await pair.standby.query('SELECT count(*)::int AS rows FROM partners WHERE id = $1', [partner.id], DATABASE)).toEqual([{ rows: 0 }]);
    expect(codeOf(await api.post(PARTNER, { id: partner.id }, { token: analyst }))).toBe('NOT_FOUND');

    await pair.standby.query('SELECT pg_wal_replay_resume()');
    await pair.caughtUp();
    expect((await must(api.post(PARTNER, { id: partner.id }, { token: analyst }))).partner).toEqual(partner);
  });

  it("an analyst's session is still checked on the primary: a deactivated analyst is refused while the replica lags", async () => {
    await pair.standby.query('SELECT pg_wal_replay_pause()');
    try {
      // The analyst signs in, then an administrator deactivates them; the replica has not seen either.
      const email = `analyst.${randomUUID().slice(0, 8)}@replica.reti.local`;
      const password = `pw-${randomUUID()}`;
      const adminToken = await signIn(ADMIN.email, ADMIN.password);
      const [{ id: tenantId }] = await pair.primary.query(`SELECT id FROM tenants WHERE code = 'REPLICA_MI'`, [], DATABASE);
      const user = await must(api.post('mutation($input: CreateUserInput!) { createUser(input: $input) { id version } }', { input: { email, displayName: 'Analista', role: 'ANALYST', tenantId, password } }, { token: adminToken }));
      const token = await signIn(email, password);
      expect(codeOf(await api.post(PARTNERS, {}, { token }))).toBe('OK');
      await must(api.post('mutation($id: ID!, $version: Int!) { updateUser(id: $id, version: $version, input: { active: false }) { id } }', { id: user.createUser.id, version: user.createUser.version }, { token: adminToken }));
      expect(codeOf(await api.post(PARTNERS, {}, { token }))).toBe('UNAUTHENTICATED');
    } finally {
      await pair.standby.query('SELECT pg_wal_replay_resume()');
    }
  });
});

describe('DATABASE_REPLICA_URL', () => {
  const SECRETS = { JWT_SECRET: 'x'.repeat(32), RECIPIENT_HASH_KEY: 'y'.repeat(32) };

  it('is a postgres:// URL, and a replica of DATABASE_URL, which must be set too', () => {
    expect(loadConfig({ ...SECRETS, DATABASE_URL: 'postgres://a@db/reti', DATABASE_REPLICA_URL: 'postgres://a@replica/reti' }).databaseReplicaUrl).toBe('postgres://a@replica/reti');
    expect(() => loadConfig({ ...SECRETS, DATABASE_URL: 'postgres://a@db/reti', DATABASE_REPLICA_URL: 'mysql://replica/reti' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...SECRETS, DATABASE_REPLICA_URL: 'postgres://a@replica/reti' })).toThrow('DATABASE_URL');
  });
});
