import { gql } from '@apollo/client';
import { CREATE, DELETE, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';
import type { BuildQuery, BuildQueryResult } from 'ra-data-graphql';
import { ResourceSchema, resourceSchema } from './apiSchema';

/** The API's largest page. */
export const MAX_PER_PAGE = 500;

type Values = Record<string, unknown>;

interface ListParams {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: 'ASC' | 'DESC' };
  filter?: Values;
}

/** A record as the API sends it, without the type name Apollo adds to every selection. */
const plain = ({ __typename: _typename, ...record }: Values) => record;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Only the keys the input type declares: the form may hold ids, versions and nested records. */
function pick(values: Values, allowed: Set<string>, keep: (key: string, value: unknown) => boolean): Values {
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => allowed.has(key) && keep(key, value)));
}

/** A create sends what is filled in; what is left empty gets the API's default. */
const createInput = (schema: ResourceSchema, data: Values) => pick(data, schema.createFields, (_key, value) => !isEmpty(value));

/** An update sends only what changed; a cleared value becomes null. */
function updateInput(schema: ResourceSchema, data: Values, previous: Values): Values {
  const changed = pick(data, schema.updateFields, (key, value) => JSON.stringify(value ?? null) !== JSON.stringify(previous[key] ?? null));
  return Object.fromEntries(Object.entries(changed).map(([key, value]) => [key, value === '' ? null : value]));
}

/** The variables of an update (or of its dry run): the version that was read and what changed. */
export function updateVariables(resource: string, id: unknown, data: Values, previous: Values) {
  return { id, version: previous.version, input: updateInput(resourceSchema(resource), data, previous) };
}

function listQuery(schema: ResourceSchema, { pagination, sort, filter = {} }: ListParams, extraFilter: Values = {}): BuildQueryResult {
  const variables = {
    filter: pick({ ...filter, ...extraFilter }, schema.filterFields, (_key, value) => !isEmpty(value)),
    sort: sort && schema.sortFields.has(sort.field) ? [{ field: sort.field, order: sort.order }] : undefined,
    page: pagination?.page ?? 1,
    perPage: Math.min(pagination?.perPage ?? 25, MAX_PER_PAGE),
  };
  return {
    query: gql`
      query ($filter: ${schema.type}Filter, $sort: [${schema.type}Sort!], $page: Int!, $perPage: Int!) {
        result: ${schema.many}(filter: $filter, sort: $sort, page: $page, perPage: $perPage) { items { ${schema.fields.join(' ')} } total }
      }`,
    variables,
    parseResponse: ({ data }) => ({ data: data.result.items.map(plain), total: data.result.total }),
  };
}

function mutation(schema: ResourceSchema, operation: string, signature: string, args: string, variables: Values): BuildQueryResult {
  return {
    query: gql`
      mutation (${signature}) {
        result: ${operation}${schema.type}(${args}) { ${schema.fields.join(' ')} }
      }`,
    variables,
    parseResponse: ({ data }) => ({ data: plain(data.result) }),
  };
}

/**
 * Maps react-admin's data provider calls to the API's five operations per resource. Pages are
 * 1-based on both sides; updates and deletes carry the version that was read.
 */
export const buildQuery: BuildQuery = (fetchType, resource, params) => {
  const schema = resourceSchema(resource);
  switch (fetchType) {
    case GET_LIST:
      return listQuery(schema, params);
    case GET_MANY:
      return listQuery(schema, { pagination: { page: 1, perPage: params.ids.length } }, { ids: params.ids });
    case GET_MANY_REFERENCE:
      return listQuery(schema, params, { [params.target]: params.id });
    case GET_ONE:
      return {
        query: gql`query ($id: ID!) { result: ${schema.one}(id: $id) { ${schema.fields.join(' ')} } }`,
        variables: { id: params.id },
        parseResponse: ({ data }) => {
          if (!data.result) throw new Error('ra.notification.item_doesnt_exist');
          return { data: plain(data.result) };
        },
      };
    case CREATE:
      return mutation(schema, 'create', `$input: Create${schema.type}Input!`, 'input: $input', { input: createInput(schema, params.data) });
    case UPDATE:
      return mutation(schema, 'update', `$id: ID!, $version: Int!, $input: Update${schema.type}Input!`, 'id: $id, version: $version, input: $input', updateVariables(resource, params.id, params.data, params.previousData));
    case DELETE:
      return mutation(schema, 'delete', '$id: ID!, $version: Int!', 'id: $id, version: $version', { id: params.id, version: params.previousData.version });
    default:
      throw new Error(`${fetchType} is not supported for ${resource}`);
  }
};
