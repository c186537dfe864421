import net from 'node:net';
import { newTenant } from '../helpers/app';
import { countRows, createNetwork, createPartner, referenceIds, ReferenceIds } from '../helpers/factories';
import { HttpTestApp, SignedInUser, startHttpApp } from '../helpers/http';
import { testUrls } from '../helpers/env';
import { buildServer, graphql, lockRows, onTestDatabase, ServerProcess, startServer } from '../helpers/server-process';
import { Principal } from '../../server/src/common/request';

/** Requests in flight when the signal comes. */
const IN_FLIGHT = 6;
const ADD_MEMBER = `mutation AddMember($input: CreateNetworkMemberInput!) { createNetworkMember(input: $input) { id role } }`;

let t: HttpTestApp;
let ref: ReferenceIds;
let editor: Principal;
let editorUser: SignedInUser;
let server: ServerProcess | undefined;

beforeAll(async () => {
  buildServer();
  t = await startHttpApp();
  ref = await referenceIds(t);
  const tenant = await newTenant(t);
  editor = tenant.editor;
  editorUser = await t.signUp('EDITOR', tenant.id);
}, 300_000);

afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  await t.close();
});

/**
 * IN_FLIGHT new members of one network, each naming a partner whose row the test holds locked:
 * every request waits inside the server, its transaction open, until the test lets go.
 */
async function heldWrites(target: ServerProcess) {
  const network = await createNetwork(t, editor, ref);
  const partners = await Promise.all(Array.from({ length: IN_FLIGHT }, () => createPartner(t, editor, ref)));
  const lock = await lockRows(testUrls.owner(), 'partners', partners.map((p) => p.id));
  const requests = partners.map((partner) =>
    graphql(target.base, ADD_MEMBER, { input: { networkId: network.id, partnerId: partner.id, role: 'PARTNER' } }, { authorization: `Bearer ${editorUser.token}` }),
  );
  let settled = 0;
  for (const request of requests) request.then(() => (settled += 1), () => (settled += 1));
  // A request answered before it waits for the locks is a failure of the set-up, not a reason to wait forever.
  const early = Promise.race(requests).then((answer) => {
    throw new Error(`a request was answered before the test let it through: ${JSON.stringify(answer.body)}`);
  });
  const waiting = await Promise.race([lock.untilWaiting(IN_FLIGHT), early]);
  early.catch(() => undefined);
  return { network, lock, requests, waiting, settled: () => settled };
}

/** An HTTP/1.1 keep-alive connection that has had its answer and sits idle. */
async function idleConnection(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    let answer = '';
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      answer += chunk;
      if (answer.includes('"ok":true')) resolve();
    });
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
  });
  return socket;
}

/** Resolves once the port refuses connections. */
async function untilRefused(port: number): Promise<void> {
  for (;;) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('SIGTERM: new connections are refused, idle ones closed, every request in flight answered and committed, exit code 0', async () => {
  server = await startServer({ ...onTestDatabase(), SHUTDOWN_GRACE_MS: '600000' });
  const port = Number(new URL(server.base).port);
  const idle = await idleConnection(port);
  const idleClosed = new Promise((resolve) => idle.once('close', resolve));
  const held = await heldWrites(server);

  server.child.kill('SIGTERM');
  await server.waitForLog((line) => line.msg.startsWith('shutting down'));
  await idleClosed;
  await untilRefused(port);
  // All of that happened while the writes were still waiting inside the server.
  expect(held.settled()).toBe(0);
  expect(server.child.exitCode).toBeNull();

  await held.lock.release();
  const answers = await Promise.all(held.requests);
  for (const answer of answers) {
    expect(answer.body.errors).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.body.data.createNetworkMember).toEqual({ id: expect.any(String), role: 'PARTNER' });
  }
  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(await countRows(t, 'network_members', 'network_id = $1', [held.network.id])).toBe(IN_FLIGHT);
  expect(server.lines().map((line) => line.msg)).toContain('stopped');
}, 300_000);

test('the grace period bounds the wait: requests still stuck when it ends are cut off, nothing of theirs is committed, exit code 1', async () => {
  server = await startServer({ ...onTestDatabase(), SHUTDOWN_GRACE_MS: '300' });
  const held = await heldWrites(server);

  server.child.kill('SIGTERM');
  expect(await server.exited).toEqual({ code: 1, signal: null });
  const outcomes = await Promise.allSettled(held.requests);
  expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(IN_FLIGHT).fill('rejected'));

  // Let the abandoned transactions go on: they find their client gone and roll back.
  await held.lock.release();
  const stillThere = async () => (await t.owner.query('SELECT pid FROM pg_stat_activity WHERE pid = ANY($1)', [held.waiting])).length;
  while ((await stillThere()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await countRows(t, 'network_members', 'network_id = $1', [held.network.id])).toBe(0);
}, 300_000);
