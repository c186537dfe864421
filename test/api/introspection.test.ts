import { getIntrospectionQuery } from 'graphql';
import { serverAudits } from 'graphql-http';
import { HttpTestApp, send, SignedInUser, startHttpApp } from '../helpers/http';

/**
 * The API as analysts' tools meet it, with the server in production mode as `npm start` runs it:
 * introspection for any signed-in user and nobody else, within the cost limits, and the GraphQL
 * over HTTP spec's checks (graphql-http's own audits) all passing.
 */
let t: HttpTestApp;
let analyst: SignedInUser;

beforeAll(async () => {
  // Apollo reads NODE_ENV when it is created: production, where it would refuse introspection by default.
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    t = await startHttpApp(2);
  } finally {
    process.env.NODE_ENV = saved;
  }
  analyst = await t.signUp('ANALYST');
});
afterAll(() => t.close());

/** What GraphiQL, graphql-codegen and Python's gql send, every option on. */
const FULL_INTROSPECTION = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true, specifiedByUrl: true, directiveIsRepeatable: true });

describe('introspection in production', () => {
  test('a signed-in analyst reads the whole schema, descriptions included', async () => {
    const result = await t.post(FULL_INTROSPECTION, {}, { token: analyst.token });
    expect([result.status, result.body.errors]).toEqual([200, undefined]);
    const types = result.body.data!.__schema.types as { name: string; description: string | null }[];
    const network = types.find((type) => type.name === 'Network');
    expect(network).toBeDefined();
    expect(types.filter((type) => type.description).length).toBeGreaterThan(20);
  });

  test.each([
    ['__schema', '{ __schema { queryType { name } } }'],
    ['__type', '{ __type(name: "Network") { fields { name } } }'],
    ['__schema behind a fragment', 'query { ...F } fragment F on Query { __schema { types { name } } }'],
  ])('an anonymous caller is refused %s with UNAUTHENTICATED', async (_name, query) => {
    const result = await t.post(query);
    expect(result.status).toBe(401);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  test('an anonymous caller may still ask for __typename', async () => {
    const result = await t.post('{ __typename }');
    expect(result.body).toEqual({ data: { __typename: 'Query' } });
  });

  test('a misspelt field gets no "did you mean", signed in or not', async () => {
    for (const token of [analyst.token, undefined]) {
      const result = await t.post('{ networs { total } }', {}, { token });
      expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(result.body)).not.toMatch(/did you mean|networks/i);
    }
  });

  test('the cost limits measure introspection too: the full introspection twice in one document is refused', async () => {
    const twice = FULL_INTROSPECTION.replace('query IntrospectionQuery {', 'query IntrospectionQuery { again: __schema { types { ...FullType } } ');
    expect(twice).not.toBe(FULL_INTROSPECTION);
    const refused = await t.post(twice, {}, { token: analyst.token });
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors?.map((e) => [e.extensions?.code, e.extensions?.limit])).toEqual([['QUERY_TOO_COMPLEX', 'maxIntrospectionCost']]);
  });

  test('introspection that recurses through types and fields is refused before it runs', async () => {
    const result = await t.post('{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }', {}, { token: analyst.token });
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('GraphQL over HTTP', () => {
  /** The audits' own requests, signed in as the analyst. */
  const signedIn = (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${analyst.token}`);
    return fetch(input, { ...init, headers });
  };

  test('every audit of graphql-http passes, MUST, SHOULD and MAY', async () => {
    const results = [];
    for (const audit of serverAudits({ url: t.url, fetchFn: signedIn })) {
      const result = await audit.fn();
      results.push(result.status === 'ok' ? { id: result.id, status: 'ok' } : { id: result.id, name: result.name, status: result.status, reason: result.reason });
    }
    expect(results.length).toBeGreaterThan(30);
    expect(results.filter((r) => r.status !== 'ok')).toEqual([]);
  });

  test('a document that does not parse answers 200 under application/json and 400 under application/graphql-response+json', async () => {
    const statusUnder = async (accept: string) => {
      const result = await send(new URL(t.url), { body: JSON.stringify({ query: '{' }), headers: { accept, authorization: `Bearer ${analyst.token}` } });
      return [result.status, result.headers['content-type']?.split(';')[0], JSON.parse(result.text).errors[0].extensions.code];
    };
    expect(await statusUnder('application/json')).toEqual([200, 'application/json', 'GRAPHQL_PARSE_FAILED']);
    expect(await statusUnder('application/graphql-response+json')).toEqual([400, 'application/graphql-response+json', 'GRAPHQL_PARSE_FAILED']);
  });

  test('a body that is not JSON, a mutation over GET and a GET without a preflight header are still refused', async () => {
    const url = new URL(t.url);
    const auth = { authorization: `Bearer ${analyst.token}` };
    expect((await send(url, { body: '{"query": "{', headers: auth })).status).toBe(400);
    const mutation = await send(url, { method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { logout }')}`, headers: { ...auth, 'apollo-require-preflight': 'true' } });
    expect(mutation.status).toBe(405);
    const simple = await send(url, { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ me { id } }')}`, headers: { 'content-type': 'text/plain' } });
    expect(simple.status).toBe(400);
  });
});
