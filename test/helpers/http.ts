import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomInt, randomUUID } from 'node:crypto';
import { admin, GqlResult, startTestApp, TestApp, TestAppOptions } from './app';

export interface PostOptions {
  /** Sent as Authorization: Bearer <token> (an access token or an API token secret). */
  token?: string;
  /** Sent as the Cookie header, e.g. `reti_refresh=...`. */
  cookie?: string;
  /** Sent as X-Tenant-Id. */
  tenantHeader?: string;
  /** Raw Authorization header, for malformed schemes. Wins over `token`. */
  authorization?: string;
  /** Source address of the connection; defaults to the app's own client address. */
  clientAddress?: string;
  /** The request's `extensions`, e.g. an automatic persisted query's hash. */
  extensions?: Record<string, unknown>;
  /** Sent as Accept, e.g. `application/graphql-response+json`. */
  accept?: string;
}

export interface HttpResult<T = Record<string, any>> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: GqlResult<T>;
  /** The Set-Cookie headers of the response, as sent. */
  setCookie: string[];
}

export interface SignedInUser {
  id: string;
  email: string;
  password: string;
  /** Access token (JWT) from login. */
  token: string;
  /** `reti_refresh=<secret>`, ready for the Cookie header. */
  cookie: string;
}

export interface HttpTestApp extends TestApp {
  url: string;
  /**
   * A loopback address (127.x.y.z) picked for this app instance. Requests leave from it, so the
   * login throttle, which also counts failures per client address, never mixes test files up.
   */
  clientAddress: string;
  post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: PostOptions): Promise<HttpResult<T>>;
  /** The login mutation over HTTP; throws unless it succeeds. */
  login(email: string, password: string, clientAddress?: string): Promise<Omit<SignedInUser, 'id' | 'email' | 'password'> & { userId: string }>;
  /** Creates a user with a password (as an administrator) and signs them in over HTTP. */
  signUp(role: 'ADMIN' | 'EDITOR' | 'ANALYST', tenantId?: string | null): Promise<SignedInUser>;
}

/** A fresh 127.x.y.z address. The whole 127/8 block is loopback on Linux. */
export function loopbackAddress(): string {
  return `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** Just the name=value part of a Set-Cookie header for `name`. */
export function cookiePair(setCookie: string[], name: string): string | undefined {
  const header = setCookie.find((c) => c.startsWith(`${name}=`));
  return header?.split(';')[0];
}

export const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { token expiresAt user { id email role tenantId } }
}`;

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role tenantId } }`;

export interface RawResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** Any request, answered as text; `path` may carry encoded characters that fetch would normalise away. */
export function send(url: URL, { method = 'POST', path = url.pathname, body = '', headers = {}, localAddress }: { method?: string; path?: string; body?: string; headers?: Record<string, string>; localAddress?: string }): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        // A connection per request, so closing the app never waits on idle keep-alive sockets.
        agent: false,
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body).toString(), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function request(url: URL, body: string, headers: Record<string, string>, localAddress: string): Promise<HttpResult> {
  const { status, headers: responseHeaders, text } = await send(url, { body, headers, localAddress });
  try {
    return { status, headers: responseHeaders, body: JSON.parse(text), setCookie: responseHeaders['set-cookie'] ?? [] };
  } catch {
    throw new Error(`HTTP ${status}: not JSON: ${text.slice(0, 500)}`);
  }
}

/**
 * The real app over real HTTP on 127.0.0.1, with the in-process helpers of startTestApp as well.
 * Requests are sent with node:http rather than fetch so that they can leave from a chosen source
 * address (fetch cannot bind one without undici, which is not installed).
 */
export async function startHttpApp(poolSize?: number, options?: TestAppOptions): Promise<HttpTestApp> {
  const t = await startTestApp(poolSize, options);
  await new Promise<void>((resolve, reject) => {
    t.app.httpServer.once('error', reject);
    t.app.httpServer.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = t.app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  const clientAddress = loopbackAddress();

  const post: HttpTestApp['post'] = async (query, variables, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.authorization !== undefined) headers.authorization = options.authorization;
    else if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.cookie) headers.cookie = options.cookie;
    if (options.tenantHeader) headers['x-tenant-id'] = options.tenantHeader;
    if (options.accept) headers.accept = options.accept;
    return request(new URL(url), JSON.stringify({ query, variables, extensions: options.extensions }), headers, options.clientAddress ?? clientAddress) as Promise<HttpResult<any>>;
  };

  const login: HttpTestApp['login'] = async (email, password, from) => {
    const result = await post(LOGIN, { email, password }, { clientAddress: from });
    if (result.body.errors || result.status !== 200) throw new Error(`login failed: ${result.status} ${JSON.stringify(result.body)}`);
    const cookie = cookiePair(result.setCookie, 'reti_refresh');
    if (!cookie) throw new Error(`login set no refresh cookie: ${JSON.stringify(result.setCookie)}`);
    return { token: result.body.data!.login.token, userId: result.body.data!.login.user.id, cookie };
  };

  const signUp: HttpTestApp['signUp'] = async (role, tenantId = null) => {
    const email = `${role.toLowerCase()}.${randomUUID().slice(0, 12)}@example.it`;
    const password = `pw-${randomUUID()}`;
    const created = await t.gql(admin, CREATE_USER, { input: { email, displayName: `${role} di prova`, role, tenantId, password } });
    if (created.errors) throw new Error(JSON.stringify(created.errors));
    const session = await login(email, password);
    return { id: created.data!.createUser.id, email, password, token: session.token, cookie: session.cookie };
  };

  return { ...t, url, clientAddress, post, login, signUp };
}
