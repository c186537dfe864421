import fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { registrySchema } from '../../server/src/registry';
import { newTenant } from '../helpers/app';
import { HttpTestApp, loopbackAddress, send, SignedInUser, startHttpApp } from '../helpers/http';

/**
 * A property test: generated hostile documents and variables, sent over HTTP by an editor, an
 * administrator (reads only: reference data is shared by every test file) and an anonymous
 * caller. Whatever comes in, the answer is never a 5xx and never INTERNAL_SERVER_ERROR.
 * The operations follow the schema, so most of them reach resolvers and the database; their
 * leaves are the values that broke things before (NUL, long text, huge lists, edge numbers).
 */
jest.setTimeout(300_000);
const RUNS = 200;
/** Fixed, so that the suite answers the same on every run; FUZZ_SEED explores other requests. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);

let t: HttpTestApp;
let editor: SignedInUser;
let admin: SignedInUser;
let tenantId: string;
const from = loopbackAddress();

beforeAll(async () => {
  t = await startHttpApp(3);
  tenantId = (await newTenant(t)).id;
  editor = await t.signUp('EDITOR', tenantId);
  admin = await t.signUp('ADMIN');
});
afterAll(() => t.close());

const schema = registrySchema();

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    "'; DROP TABLE partners; --",
    '%_\\',
    '\uD800',
    '=HYPERLINK("http://evil.example")',
    '00000000-0000-0000-0000-000000000000',
    'not-a-uuid',
    '2021-02-30',
    '0000-01-01',
    '9999-12-31T23:59:59Z',
    '-1',
    '1e309',
    '99999999999999999999.999',
    'NaN',
    '',
    ' ',
  ),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
);

const hostileNumber = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 53, 1e308, -0.5), fc.double({ noNaN: true }));

/** Values their scalars accept, so that more requests get past coercion to the resolvers and the database. */
const WELL_TYPED: Record<string, fc.Arbitrary<unknown>> = {
  ID: fc.uuid(),
  Int: fc.integer({ min: -2, max: 600 }),
  Float: fc.double({ min: -1, max: 1e6, noNaN: true }),
  Boolean: fc.boolean(),
  Money: fc.oneof(fc.constantFrom('0', '0.01', '1000.00', '99999999999.99', '1e3', '-5'), fc.nat().map(String)),
  LocalDate: fc.oneof(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2021-02-29', '0001-01-01')),
  DateTimeISO: fc.date({ min: new Date('1970-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
};

/** Something of roughly the right type; sometimes not (a string for a number, a huge list, null). */
function valueFor(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, depth);
  const wrong = fc.oneof(fc.constant(null), hostileText, hostileNumber, fc.boolean(), fc.constant(Array.from({ length: 1001 }, () => '\u0000')));
  let right: fc.Arbitrary<unknown>;
  if (isListType(type)) {
    right = depth > 2 ? fc.constant([]) : fc.oneof(fc.array(valueFor(type.ofType, depth + 1), { maxLength: 3 }), fc.constant(null));
  } else if (isEnumType(type)) {
    right = fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)), hostileText);
  } else if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    right = depth > 3
      ? fc.constant({})
      : fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)])), { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
  } else if (isScalarType(type) && type.name in WELL_TYPED) {
    right = fc.oneof({ weight: 3, arbitrary: WELL_TYPED[type.name] }, { weight: 1, arbitrary: type.name === 'Boolean' ? fc.boolean() : type.name === 'Int' || type.name === 'Float' ? hostileNumber : hostileText });
  } else {
    right = hostileText;
  }
  return fc.oneof({ weight: 15, arbitrary: right }, { weight: 1, arbitrary: wrong });
}

/** Leaf fields and, one level down, the leaves of object fields: enough to run field resolvers too. */
function selection(type: GraphQLObjectType, depth: number): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && depth > 0) parts.push(`${field.name} { ${selection(named, depth - 1)} }`);
  }
  return parts.join(' ');
}

interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): fc.Arbitrary<Operation> {
  const declared = field.args.map((a, i) => `$a${i}: ${a.type.toString()}`);
  const used = field.args.map((a, i) => `${a.name}: $a${i}`);
  const named = getNamedType(field.type);
  const selected = isObjectType(named) ? ` { ${selection(named, 1)} }` : '';
  const query = `${kind}${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${used.length ? `(${used.join(', ')})` : ''}${selected} }`;
  return fc.record(Object.fromEntries(field.args.map((a, i) => [`a${i}`, valueFor(a.type, 0)]))).map((variables) => ({ query, variables }));
}

const queries = Object.values(schema.getQueryType()!.getFields()).map((f) => operationFor('query', f));
const mutations = Object.values(schema.getMutationType()!.getFields()).map((f) => operationFor('mutation', f));

/** Documents that are not quite GraphQL: cut short, random text, a valid one with a character swapped. */
const brokenDocument = fc.oneof(
  fc.string({ maxLength: 200 }).map((query) => ({ query, variables: {} })),
  fc.oneof(...queries).chain((op) => fc.nat({ max: op.query.length }).map((n) => ({ ...op, query: op.query.slice(0, n) }))),
  fc.constantFrom('{ __schema { types { name } } }', '{'.repeat(5000), `{ ${'partners { total } '.repeat(2000)}}`, 'query { me { email } } mutation { logout }').map((query) => ({ query, variables: {} })),
);

/** The editor may write its own tenant; the administrator and the anonymous caller only read. */
const request = fc.oneof(
  { weight: 5, arbitrary: fc.record({ caller: fc.constant('editor' as const), operation: fc.oneof(...queries, ...mutations) }) },
  { weight: 3, arbitrary: fc.record({ caller: fc.constantFrom('admin' as const, 'anonymous' as const), operation: fc.oneof(...queries) }) },
  { weight: 1, arbitrary: fc.record({ caller: fc.constantFrom('editor' as const, 'admin' as const, 'anonymous' as const), operation: brokenDocument }) },
  { weight: 1, arbitrary: fc.record({ caller: fc.constantFrom('editor' as const, 'anonymous' as const), operation: fc.json().map((raw) => ({ raw })) }) },
);

const headersOf = (caller: 'editor' | 'admin' | 'anonymous'): Record<string, string> =>
  caller === 'editor' ? { authorization: `Bearer ${editor.token}` } : caller === 'admin' ? { authorization: `Bearer ${admin.token}`, 'x-tenant-id': tenantId } : {};

test(`${RUNS} generated hostile requests: no 5xx, no INTERNAL_SERVER_ERROR`, async () => {
  expect(queries.length + mutations.length).toBeGreaterThan(50);
  await fc.assert(
    fc.asyncProperty(request, async ({ caller, operation }) => {
      const body = 'raw' in operation ? operation.raw : JSON.stringify(operation);
      const result = await send(new URL(t.url), { body, headers: headersOf(caller), localAddress: from });
      expect(result.status).toBeLessThan(500);
      expect(result.text).not.toContain('INTERNAL_SERVER_ERROR');
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
