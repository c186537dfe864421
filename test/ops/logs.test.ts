import { randomUUID } from 'node:crypto';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { createNetwork, must, orgTaxCode, referenceIds } from '../helpers/factories';
import { buildServer, graphql, LogLine, onTestDatabase, ServerProcess, startServer } from '../helpers/server-process';
import { personCheckCharacter } from '../../server/src/common/tax-code';

let t: TestApp;
let server: ServerProcess | undefined;

beforeAll(async () => {
  buildServer();
  t = await startTestApp();
}, 300_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  await t.close();
});

const refreshCookie = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith('reti_refresh='))!.split(';')[0];

test('a full session leaves one line per request with who, what, how long and how it ended, and no secret or tax code', async () => {
  const tenant = await newTenant(t);
  const network = await createNetwork(t, tenant.editor, await referenceIds(t));
  const email = `log.${randomUUID().slice(0, 8)}@example.it`;
  const password = `pw-log-${randomUUID()}`;
  const wrongPassword = `pw-wrong-${randomUUID()}`;
  const user = await must(t, admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
    input: { email, displayName: 'Redattrice dei log', role: 'EDITOR', tenantId: tenant.id, password },
  });
  const partnerTaxCode = orgTaxCode();
  const first15 = `RSSMRA${String(Date.now() % 90 + 10)}T10A562`.slice(0, 15);
  const recipientTaxCode = first15 + personCheckCharacter(first15);

  // Everything a request can carry, logged at the most talkative level.
  server = await startServer({ ...onTestDatabase(), LOG_LEVEL: 'trace' });
  const login = await graphql(server.base, `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, { email, password });
  expect(login.status).toBe(200);
  const token = login.body.data.login.token as string;
  const cookie = refreshCookie(login.headers);
  const auth = { authorization: `Bearer ${token}` };

  const created = await graphql(
    server.base,
    `mutation CreatePartner($input: CreatePartnerInput!) { createPartner(input: $input) { id taxCode } }`,
    { input: { legalName: 'Cooperativa dei log', taxCode: partnerTaxCode, partnerTypeId: (await t.owner.query(`SELECT id FROM partner_types WHERE code = 'LABOUR_OPERATOR'`))[0].id, labourAccredited: true } },
    { ...auth, 'x-request-id': 'ops-log-create-partner' },
  );
  expect(created.body.data.createPartner.taxCode).toBe(partnerTaxCode);
  expect(created.headers.get('x-request-id')).toBe('ops-log-create-partner');

  const enrolled = await graphql(
    server.base,
    `mutation Enrol($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`,
    { input: { networkId: network.id, taxCode: recipientTaxCode, kind: 'SUSPENDED', enrolledOn: '2021-04-01' } },
    auth,
  );
  expect(enrolled.body.errors).toBeUndefined();

  const refreshed = await graphql(server.base, `mutation Refresh { refreshSession { token } }`, {}, { cookie });
  const newToken = refreshed.body.data.refreshSession.token as string;
  const newCookie = refreshCookie(refreshed.headers);
  const failed = await graphql(server.base, `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`, { email, password: wrongPassword });
  expect(failed.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(await server.stop()).toBe(0);

  const log = server.output();
  for (const secret of [password, wrongPassword, token, newToken, cookie.split('=')[1], newCookie.split('=')[1], partnerTaxCode, recipientTaxCode]) {
    expect(log).not.toContain(secret);
  }
  expect(log).not.toMatch(/authorization|cookie|variables/i);

  // Every line is JSON; the requests' lines say who asked what, and how it went.
  const lines = server.lines();
  const requests = lines.filter((line): line is LogLine & { path: string } => line.path === '/graphql');
  const request = (id: string) => requests.find((line) => line.requestId === id);
  expect(request('ops-log-create-partner')).toMatchObject({
    level: 30,
    method: 'POST',
    status: 200,
    durationMs: expect.any(Number),
    tenant: tenant.id,
    user: user.id,
    role: 'EDITOR',
    operation: 'CreatePartner',
  });
  expect(requests.map((line) => [line.operation, line.status, line.role])).toEqual([
    ['Login', 200, 'ANONYMOUS'],
    ['CreatePartner', 200, 'EDITOR'],
    ['Enrol', 200, 'EDITOR'],
    ['Refresh', 200, 'ANONYMOUS'],
    ['Login', 401, 'ANONYMOUS'],
  ]);
  // Request ids are unique, and the ones the server made are the ones it answered with.
  expect(new Set(requests.map((line) => line.requestId)).size).toBe(requests.length);
  expect(requests.map((line) => line.requestId)).toContain(login.headers.get('x-request-id'));

  const messages = lines.map((line) => line.msg);
  expect(messages).toEqual(expect.arrayContaining(['migrations are current', 'shutting down: refusing new connections, finishing requests in flight', 'stopped']));
  expect(messages.some((msg) => msg.startsWith('Reti ready'))).toBe(true);
}, 300_000);
