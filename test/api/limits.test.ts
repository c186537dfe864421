import http from 'node:http';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { DocumentNode, GraphQLSchema, isEnumType, isInputObjectType, isListType, isNonNullType, GraphQLInputType, parse, print, typeFromAST, OperationDefinitionNode, Kind } from 'graphql';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';
import { buildQuery, MAX_PER_PAGE } from '../../admin/src/providers/buildQuery';
import { App, createApp } from '../../server/src/app';
import { registrySchema } from '../../server/src/registry';
import { ConfigError, loadConfig } from '../../server/src/config';
import { DEFAULT_QUERY_LIMITS, QueryLimits } from '../../server/src/graphql/limits';
import { Principal } from '../../server/src/common/request';
import { admin, GqlResult } from '../helpers/app';
import { ensureConsoleBuilt } from '../helpers/browser';
import { consoleResources, staticConsoleDocuments } from '../helpers/console-documents';
import { TEST_JWT_SECRET, TEST_RECIPIENT_KEY } from '../helpers/env';
import { HttpTestApp, startHttpApp } from '../helpers/http';

const ROOT = path.resolve(__dirname, '../..');

let t: HttpTestApp;
let origin: string;
beforeAll(async () => {
  t = await startHttpApp();
  origin = `http://127.0.0.1:${(t.app.httpServer.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One HTTP exchange with the app, the body kept as sent (compressed or not). */
function exchange(method: 'GET' | 'POST', target: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${target}`, { method, agent: false, headers: body ? { 'content-type': 'application/json', ...headers } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const graphqlPost = (query: string, headers: Record<string, string> = {}) => exchange('POST', '/graphql', headers, JSON.stringify({ query }));

/** 2^levels copies of a network's fields once expanded: each fragment selects the one below twice, through a pact's networks. */
function doublingFragments(levels: number, twice: (inner: string) => string): string {
  const fragments = ['fragment L0 on Network { id code title }'];
  for (let level = 1; level <= levels; level++) fragments.push(`fragment L${level} on Network { ${twice(`...L${level - 1}`)} }`);
  return `query { networks(perPage: 500) { items { ...L${levels} } } }\n${fragments.join('\n')}`;
}

const aliasedPartnerPages = (count: number) =>
  `query { ${Array.from({ length: count }, (_, i) => `p${i}: partners(perPage: 500) { items { id legalName taxCode } }`).join(' ')} }`;

/** networks { items { members { partner { networks { members { partner { networks { … } } } } } } } }, `levels` fields deep above the leaf. */
function cyclicNetworks(levels: number): string {
  const cycle = ['networks', 'members', 'partner'];
  const fields = ['networks(perPage: 500)', 'items', 'members', 'partner', ...Array.from({ length: levels }, (_, i) => cycle[i % 3])].slice(0, levels);
  return `query { ${fields.map((f) => `${f} {`).join(' ')} id ${'}'.repeat(levels)} }`;
}

const HOSTILE: [string, string][] = [
  ['15 levels of doubling fragments over pact { networks }, with aliases', doublingFragments(15, (s) => `a: pact { networks { ${s} } } b: pact { networks { ${s} } }`)],
  ['15 levels of doubling fragments over pact { networks } and lead { networks }, no alias', doublingFragments(15, (s) => `pact { networks { ${s} } } lead { networks { ${s} } }`)],
  ['1,000 aliases of partners(perPage: 500)', aliasedPartnerPages(1000)],
  ['a 9-level cyclic networks → members → partner → networks', cyclicNetworks(9)],
  ['a 7-level cyclic networks → members → partner → networks (within depth, over cost)', cyclicNetworks(7)],
];

function expectRefused(result: GqlResult): void {
  expect(result.data ?? undefined).toBeUndefined();
  expect(result.errors?.length).toBeGreaterThan(0);
  for (const error of result.errors ?? []) {
    expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(Object.keys(DEFAULT_QUERY_LIMITS)).toContain(error.extensions?.limit);
    const { max, measured, limit } = error.extensions!;
    expect(max).toBe(DEFAULT_QUERY_LIMITS[limit as keyof QueryLimits]);
    if (measured !== undefined) expect(measured).toBeGreaterThan(max);
    expect(error.message).toContain(limit);
  }
}

describe('hostile documents are refused before they run', () => {
  // As the GraphQL over HTTP spec asks of a request error: 200 under application/json, 400 under application/graphql-response+json.
  test.each(HOSTILE)('%s: QUERY_TOO_COMPLEX to anyone, HTTP 200 as JSON and 400 as a GraphQL response', async (_name, query) => {
    for (const [accept, status] of [['application/json', 200], ['application/graphql-response+json', 400]] as const) {
      const response = await graphqlPost(query, { accept });
      expect([accept, response.status]).toEqual([accept, status]);
      expectRefused(JSON.parse(response.body.toString('utf8')));
    }
  });

  test.each(HOSTILE)('%s: no SQL statement runs, even for an administrator', async (_name, query) => {
    const before = t.statements.count;
    expectRefused(await t.gql(admin, query));
    expect(t.statements.count).toBe(before);
  });

  test('each budget is named with what was measured', async () => {
    const limitsOf = async (query: string) => (await t.gql(admin, query)).errors?.map((e) => [e.extensions?.limit, e.extensions?.measured]);
    expect(await limitsOf(aliasedPartnerPages(1000))).toEqual([['maxTokens', undefined]]);
    expect(await limitsOf(aliasedPartnerPages(16))).toEqual([['maxAliases', 16]]);
    expect(await limitsOf(`query { partners { items { ${'id @include(if: true) '.repeat(51)} } } }`)).toEqual([['maxDirectives', 51]]);
    expect(await limitsOf(cyclicNetworks(9))).toEqual([['maxDepth', 10]]);
    // 500 networks × 50 members × 50 networks × 50 members…
    const [[limit, measured]] = (await limitsOf(cyclicNetworks(7)))!;
    expect(limit).toBe('maxCost');
    expect(measured).toBeGreaterThan(1_000_000);
    // A document without variables has its cost kept: asked again, it is refused again.
    expect(await limitsOf(cyclicNetworks(7))).toEqual([[limit, measured]]);
  });

  test('fragments are counted once expanded', async () => {
    // Each fragment spreads the one below twice, once through an inline fragment: 2^10 copies of
    // three fields at depth 3, without an alias; only the expanded count gives it away.
    const fragments = ['fragment F0 on Partner { id legalName taxCode }'];
    for (let level = 1; level <= 10; level++) fragments.push(`fragment F${level} on Partner { ...F${level - 1} ... on Partner { ...F${level - 1} } }`);
    const result = await t.gql(admin, `query { partners(perPage: 1) { items { ...F10 } } }\n${fragments.join('\n')}`);
    expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([['QUERY_TOO_COMPLEX', 'maxFields']]);
  });

  test('the cost multiplies perPage, read from the variables, by what is selected under it', async () => {
    const fields = 'id legalName taxCode email phone address createdAt updatedAt';
    const pages = `query($perPage: Int!) { ${Array.from({ length: 12 }, (_, i) => `p${i}: partners(perPage: $perPage) { items { ${fields} } }`).join(' ')} }`;
    const small = await t.gql(admin, pages, { perPage: 100 });
    expect(small.errors).toBeUndefined();
    const before = t.statements.count;
    const large = await t.gql(admin, pages, { perPage: 500 });
    expect(large.errors?.map((e) => [e.extensions?.code, e.extensions?.limit, e.extensions?.measured])).toEqual([['QUERY_TOO_COMPLEX', 'maxCost', 12 * (1 + 500 * (1 + 8))]]);
    expect(t.statements.count).toBe(before);
  });

  test('/healthz answers while hostile documents, four 1,000-alias ones among them, are handled', async () => {
    const hostile = [...HOSTILE.map(([, query]) => query), ...Array.from({ length: 3 }, () => aliasedPartnerPages(1000))];
    const [health, ...refused] = await Promise.all([exchange('GET', '/healthz'), ...hostile.map((query) => graphqlPost(query))]);
    for (const response of refused) expectRefused(JSON.parse(response.body.toString('utf8')));
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString('utf8'))).toEqual({ ok: true });
  });
});

describe('suggestions of fields, arguments, types and enum values', () => {
  const TYPOS = [
    `{ partners { items { legalNme } } }`,
    `{ partners(perPag: 5) { total } }`,
    `query($f: PartnerFiltr) { partners(filter: $f) { total } }`,
    `{ networks(filter: { statuses: [ACTIV] }) { total } }`,
  ];

  test.each(TYPOS)('are not given to anonymous callers: %s', async (query) => {
    const response = await graphqlPost(query);
    const { errors } = JSON.parse(response.body.toString('utf8')) as GqlResult;
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const error of errors!) expect(error.message).not.toMatch(/did you mean/i);
  });

  test.each(TYPOS)('are not given to signed-in users either: %s', async (query) => {
    const user = await t.signUp('ADMIN');
    const { errors } = JSON.parse((await graphqlPost(query, { authorization: `Bearer ${user.token}` })).body.toString('utf8')) as GqlResult;
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // The error still says what is wrong, only not what would be right.
    expect(errors!.map((e) => e.message).join(' ')).toMatch(/legalNme|perPag|PartnerFiltr|ACTIV/);
    for (const error of errors!) expect(error.message).not.toMatch(/did you mean/i);
  });
});

/** A value of the right shape for a variable, so that the console's document is measured with real arguments. */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(required.map((f) => [f.name, placeholder(f.type)]));
  }
  return { ID: randomUUID(), Int: 1, Float: 1, Boolean: true }[type.name] ?? 'x';
}

function placeholderVariables(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, placeholder(typeFromAST(schema, v.type as never) as GraphQLInputType)]),
  );
}

describe("the console's queries", () => {
  const HALF = Object.fromEntries(Object.entries(DEFAULT_QUERY_LIMITS).map(([k, v]) => [k, Math.floor(v / 2)])) as unknown as QueryLimits;
  let half: App;
  beforeAll(async () => {
    half = await createApp({ dataSource: t.dataSource, adminDataSource: t.app.adminDataSource, jwtSecret: TEST_JWT_SECRET, keys: { recipientHash: TEST_RECIPIENT_KEY }, queryLimits: HALF });
  });
  afterAll(() => half.apollo.stop());

  async function errors(principal: Principal, document: DocumentNode, variables: Record<string, unknown>) {
    const response = await half.apollo.executeOperation({ query: print(document), variables }, { contextValue: half.contextFor(principal) });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult.errors ?? [];
  }

  const refusals = async (...args: Parameters<typeof errors>) => (await errors(...args)).filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');

  test('the console registers the resources this test goes through', () => {
    expect(consoleResources()).toEqual(expect.arrayContaining(['networks', 'partners', 'allocations', 'networkMembers', 'users']));
    expect(staticConsoleDocuments().length).toBeGreaterThanOrEqual(5);
  });

  test('every list, record and write of every resource fits within half of each budget', async () => {
    const analyst: Principal = { userId: null, role: 'ANALYST', tenantId: null };
    const ids = Array.from({ length: MAX_PER_PAGE }, () => randomUUID());
    const previousData = { id: ids[0], version: 1 };
    const longest = { pagination: { page: 1, perPage: MAX_PER_PAGE }, sort: { field: 'id', order: 'ASC' as const }, filter: {} };
    const shapes: [string, object][] = [
      [GET_LIST, longest],
      [GET_MANY, { ids }],
      [GET_MANY_REFERENCE, { ...longest, target: 'tenantId', id: randomUUID() }],
      [GET_ONE, { id: ids[0] }],
      [CREATE, { data: {} }],
      [UPDATE, { id: ids[0], data: {}, previousData }],
      [DELETE, { id: ids[0], previousData }],
    ];
    let checked = 0;
    for (const resource of consoleResources()) {
      for (const [fetchType, params] of shapes) {
        const { query, variables } = buildQuery(fetchType, resource, params);
        // Reads as an administrator, who sees everything; writes as an analyst, so that none is written.
        const principal = [CREATE, UPDATE, DELETE].includes(fetchType) ? analyst : admin;
        // A list must answer in full: its variables were then read, and its cost measured with perPage 500.
        const found = fetchType === GET_LIST ? await errors(principal, query, variables ?? {}) : await refusals(principal, query, variables ?? {});
        expect([resource, fetchType, found]).toEqual([resource, fetchType, []]);
        checked += 1;
      }
    }
    expect(checked).toBe(consoleResources().length * shapes.length);
  });

  test('the dashboard, import and compliance documents fit within half of each budget', async () => {
    for (const text of staticConsoleDocuments()) {
      const document = parse(text);
      const analyst: Principal = { userId: null, role: 'ANALYST', tenantId: null };
      expect([text, await refusals(analyst, document, placeholderVariables(registrySchema(), document))]).toEqual([text, []]);
    }
  });

  test('the halved budgets above are the ones applied', async () => {
    const eightPages = parse(aliasedPartnerPages(8));
    expect(await refusals(admin, eightPages, {})).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ limit: 'maxAliases', max: 7 }) })]);
    expect((await t.gql(admin, aliasedPartnerPages(8))).errors).toBeUndefined();
  });
});

describe('compressed responses', () => {
  beforeAll(() => ensureConsoleBuilt(), 300_000);
  const decoders: Record<string, (body: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

  test.each(['br', 'gzip'])('GraphQL answers are %s-encoded when the client accepts it', async (encoding) => {
    const user = await t.signUp('ADMIN');
    const query = `{ municipalities(perPage: 200) { items { id name istatCode } total } }`;
    const response = await graphqlPost(query, { authorization: `Bearer ${user.token}`, 'accept-encoding': encoding });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    const body = JSON.parse(decoders[encoding](response.body).toString('utf8')) as GqlResult;
    expect(body.errors).toBeUndefined();
    expect(body.data!.municipalities.items).toHaveLength(200);
    expect(response.body.length).toBeLessThan(decoders[encoding](response.body).length / 2);
  });

  test('a client that accepts no encoding gets plain JSON', async () => {
    const user = await t.signUp('ADMIN');
    const response = await graphqlPost(`{ municipalities(perPage: 200) { items { id name } } }`, { authorization: `Bearer ${user.token}`, 'accept-encoding': 'identity' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(response.body.toString('utf8')).data.municipalities.items).toHaveLength(200);
  });

  test.each(['br', 'gzip'])("the console's assets are %s-encoded", async (encoding) => {
    // The largest script: chunks under a kilobyte are not worth compressing, and are sent as they are.
    const assets = path.join(ROOT, 'admin/dist/assets');
    const [script] = readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .sort((a, b) => statSync(path.join(assets, b)).size - statSync(path.join(assets, a)).size);
    const plain = readFileSync(path.join(ROOT, 'admin/dist/assets', script));
    const response = await exchange('GET', `/admin/assets/${script}`, { 'accept-encoding': `${encoding}, identity;q=0.5` });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(decoders[encoding](response.body).equals(plain)).toBe(true);
    expect(response.body.length).toBeLessThan(plain.length / 2);
  });
});

describe('budgets from the environment', () => {
  const SECRETS = { JWT_SECRET: 'x'.repeat(32), RECIPIENT_HASH_KEY: 'y'.repeat(32) };

  test('default when unset, as configured otherwise', () => {
    expect(loadConfig(SECRETS).queryLimits).toEqual(DEFAULT_QUERY_LIMITS);
    expect(loadConfig({ ...SECRETS, GRAPHQL_MAX_DEPTH: '12', GRAPHQL_MAX_COST: '200000' }).queryLimits).toEqual({ ...DEFAULT_QUERY_LIMITS, maxDepth: 12, maxCost: 200_000 });
  });

  test.each([
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['GRAPHQL_MAX_COST', 'lots'],
    ['GRAPHQL_MAX_TOKENS', '-1'],
    ['GRAPHQL_MAX_ALIASES', '1.5'],
  ])('%s=%s stops the start with a message naming it', (name, value) => {
    expect(() => loadConfig({ ...SECRETS, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...SECRETS, [name]: value })).toThrow(name);
  });
});
