import { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { createLogger } from '../../server/src/common/logger';
import { counterKey } from '../../server/src/db/rate-limits';
import { eventually } from '../helpers/browser';
import { countRows } from '../helpers/factories';
import { HttpTestApp, loopbackAddress, startHttpApp } from '../helpers/http';

/**
 * A client that goes away before its request is read (a page that navigates, a browser context
 * that closes) is no fault of the server: the request is logged at info as "client closed
 * request" with nginx's 499, never as a 500, and nothing of it reaches the database.
 */
let t: HttpTestApp;
const lines: string[] = [];
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  t = await startHttpApp(2, { logger: createLogger({ level: 'debug' }, { write: (line: string) => void lines.push(line) }) });
});
afterAll(() => t?.close());

/** Sends `body` as a POST to /graphql from `from` on a raw socket, and resolves with the socket and the server's side of the exchange once the request has arrived. */
async function arrive(from: string, requestId: string, token: string, body: string): Promise<{ client: net.Socket; req: IncomingMessage; res: ServerResponse }> {
  const arrived = new Promise<{ req: IncomingMessage; res: ServerResponse }>((resolve) => {
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      if (req.headers['x-request-id'] !== requestId) return;
      t.app.httpServer.off('request', onRequest);
      resolve({ req, res });
    };
    t.app.httpServer.on('request', onRequest);
  });
  const { port } = new URL(t.url);
  const client = net.connect({ host: '127.0.0.1', port: Number(port), localAddress: from });
  client.on('error', () => undefined);
  client.write(
    [`POST /graphql HTTP/1.1`, `host: 127.0.0.1:${port}`, 'content-type: application/json', `content-length: ${Buffer.byteLength(body)}`, `x-request-id: ${requestId}`, `authorization: Bearer ${token}`, '', body].join('\r\n'),
  );
  return { client, ...(await arrived) };
}

test.each(['closes', 'half-closes'])('a request whose client %s before it is read is logged as client closed (499, info), not as a 500, and writes nothing', async (how) => {
  const from = loopbackAddress();
  const admin = await t.signUp('ADMIN');
  // The address's request counter exists, so that locking its row holds the request in the rate limiter.
  await t.post('{ __typename }', {}, { clientAddress: from });
  const code = `T_${randomUUID().slice(0, 8).toUpperCase()}`;
  const body = JSON.stringify({ query: 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', variables: { input: { code, name: `Ente ${code}`, kind: 'PROVINCE' } } });
  const requestId = randomUUID();

  let res: ServerResponse | undefined;
  const lock = t.owner.createQueryRunner();
  await lock.connect();
  await lock.startTransaction();
  try {
    await lock.query('SELECT 1 FROM rate_limits WHERE key = $1 FOR UPDATE', [`requests_address:${counterKey(from)}`]);
    const arrived = await arrive(from, requestId, admin.token, body);
    const { client, req } = arrived;
    res = arrived.res;
    const gone = new Promise((resolve) => (how === 'closes' ? req.socket.once('close', resolve) : req.socket.once('end', resolve)));
    if (how === 'closes') client.destroy();
    else client.end();
    await gone;
  } finally {
    await lock.commitTransaction();
    await lock.release();
  }

  // The app is done with it: never a 500 (Apollo's answer to a body nobody read), even to a socket no one reads.
  await eventually(async () => expect(res!.writableEnded).toBe(true));
  expect(res!.statusCode).toBe(499);
  const answered = () => logged().find((entry) => entry.requestId === requestId && typeof entry.status === 'number');
  await eventually(async () => expect(answered()).toBeDefined());
  const line = answered()!;
  expect(line).toMatchObject({ level: 30, status: 499, msg: 'POST /graphql 499 client closed request' });
  expect(logged().filter((entry) => (entry.level as number) >= 40)).toEqual([]);
  expect(await countRows(t, 'tenants', 'code = $1', [code])).toBe(0);
});
