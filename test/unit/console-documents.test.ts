import { buildSchema, parse, print, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';
import { buildQuery } from '../../admin/src/providers/buildQuery';

/** Every document the console's data provider builds is one the API accepts: a 400 from the API is a console bug. */
const contract = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
const schema = buildSchema(contract);
const query = schema.getQueryType()!.getFields();
const mutations = schema.getMutationType()!.getFields();

/** The console's resources: every list query answering a page of items. */
const resources = Object.values(query)
  .filter((field) => /Page!?$/.test(String(field.type)) && field.args.some((a) => a.name === 'perPage'))
  .map((field) => field.name);

const id = '00000000-0000-4000-8000-000000000001';
const record = { id, version: 1 };

function errorsOf(fetchType: string, resource: string, params: object): string[] {
  const built = buildQuery(fetchType, resource, params);
  return validate(schema, parse(print(built.query))).map((e) => e.message);
}

test('the contract has the console resources', () => {
  expect(resources).toEqual(expect.arrayContaining(['users', 'networks', 'partners', 'measures', 'tenants']));
});

describe.each(resources)('%s', (resource) => {
  const type = String(query[resource].type).replace(/Page!?$/, '');
  test('reads one record by its id, a page, some by id and some by reference', () => {
    expect(errorsOf(GET_ONE, resource, { id })).toEqual([]);
    expect(errorsOf(GET_LIST, resource, { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).toEqual([]);
    expect(errorsOf(GET_MANY, resource, { ids: [id] })).toEqual([]);
    expect(errorsOf(GET_MANY_REFERENCE, resource, { target: 'ids', id, pagination: { page: 1, perPage: 25 }, filter: {} })).toEqual([]);
  });

  test('writes through the API’s mutations where it has them', () => {
    if (mutations[`create${type}`]) expect(errorsOf(CREATE, resource, { data: {} })).toEqual([]);
    if (mutations[`update${type}`]) expect(errorsOf(UPDATE, resource, { id, data: record, previousData: record })).toEqual([]);
    if (mutations[`delete${type}`]) expect(errorsOf(DELETE, resource, { id, previousData: record })).toEqual([]);
  });
});

test('a user is read with user(id), not with me', () => {
  expect(print(buildQuery(GET_ONE, 'users', { id }).query)).toMatch(/result: user\(id: \$id\)/);
});
