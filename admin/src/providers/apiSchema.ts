import { DefinitionNode, EnumTypeDefinitionNode, FieldDefinitionNode, InputObjectTypeDefinitionNode, Kind, ObjectTypeDefinitionNode, parse, TypeNode } from 'graphql';
// The API contract itself: the console derives its queries from it instead of introspecting at run time.
import contract from '../../../schema.graphql?raw';

/** What the console needs to know about one resource of the API, e.g. `partners`. */
export interface ResourceSchema {
  /** GraphQL type, e.g. Partner. */
  type: string;
  /** Root fields: partner(id), partners(...). */
  one: string;
  many: string;
  /** The scalar and enum fields of the type: the selection of every query and mutation. */
  fields: string[];
  filterFields: Set<string>;
  sortFields: Set<string>;
  createFields: Set<string>;
  updateFields: Set<string>;
}

const document = parse(contract);

function definitions<T extends DefinitionNode>(kind: T['kind']): Map<string, T> {
  return new Map(
    document.definitions.filter((d): d is T => d.kind === kind).map((d) => [(d as T & { name: { value: string } }).name.value, d]),
  );
}

const objectTypes = definitions<ObjectTypeDefinitionNode>(Kind.OBJECT_TYPE_DEFINITION);
const inputTypes = definitions<InputObjectTypeDefinitionNode>(Kind.INPUT_OBJECT_TYPE_DEFINITION);
const enumTypes = definitions<EnumTypeDefinitionNode>(Kind.ENUM_TYPE_DEFINITION);

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

const isList = (type: TypeNode): boolean => (type.kind === Kind.NON_NULL_TYPE ? isList(type.type) : type.kind === Kind.LIST_TYPE);

const fieldNames = (fields: readonly { name: { value: string } }[] | undefined) => new Set((fields ?? []).map((f) => f.name.value));

const queryFields: readonly FieldDefinitionNode[] = objectTypes.get('Query')?.fields ?? [];

/** The type behind a list query such as `partners` → PartnerPage { items: [Partner] }. */
function listedType(many: string): string | undefined {
  const listField = queryFields.find((f) => f.name.value === many);
  const page = listField && objectTypes.get(namedType(listField.type));
  const items = page?.fields?.find((f) => f.name.value === 'items');
  return items && namedType(items.type);
}

function describe(many: string): ResourceSchema {
  const type = listedType(many);
  if (!type) throw new Error(`schema.graphql has no list query "${many}"`);
  // By id: `me` also answers a User, and takes no id.
  const one = queryFields.find((f) => namedType(f.type) === type && !isList(f.type) && f.arguments?.some((a) => a.name.value === 'id'));
  if (!one) throw new Error(`schema.graphql has no query for one ${type}`);
  return {
    type,
    one: one.name.value,
    many,
    fields: (objectTypes.get(type)?.fields ?? []).filter((f) => !objectTypes.has(namedType(f.type))).map((f) => f.name.value),
    filterFields: fieldNames(inputTypes.get(`${type}Filter`)?.fields),
    sortFields: new Set((enumTypes.get(`${type}SortField`)?.values ?? []).map((v) => v.name.value)),
    createFields: fieldNames(inputTypes.get(`Create${type}Input`)?.fields),
    updateFields: fieldNames(inputTypes.get(`Update${type}Input`)?.fields),
  };
}

const described = new Map<string, ResourceSchema>();

/** The schema of a console resource, named after its list query (partners, networkMembers, …). */
export function resourceSchema(resource: string): ResourceSchema {
  let schema = described.get(resource);
  if (!schema) {
    schema = describe(resource);
    described.set(resource, schema);
  }
  return schema;
}

/**
 * Whether a resource's records belong to one tenant. The server declares it once (TenantRecord),
 * and the contract shows it as a non-null tenantId on the type.
 */
export function isTenantOwned(resource: string): boolean {
  const type = listedType(resource);
  const tenantId = type ? objectTypes.get(type)?.fields?.find((f) => f.name.value === 'tenantId') : undefined;
  return tenantId?.type.kind === Kind.NON_NULL_TYPE;
}

/** The values of an enum of the contract, e.g. NetworkStatus → DRAFT, ACTIVE, … */
export function enumValues(name: string): string[] {
  const values = enumTypes.get(name)?.values;
  if (!values) throw new Error(`schema.graphql has no enum ${name}`);
  return values.map((v) => v.name.value);
}

/** The type of a field of a resource's records, e.g. partners.amount → Money, networks.status → NetworkStatus. */
export function fieldType(resource: string, field: string): { name: string; isEnum: boolean } | undefined {
  const type = listedType(resource);
  const definition = type ? objectTypes.get(type)?.fields?.find((f) => f.name.value === field) : undefined;
  if (!definition) return undefined;
  const name = namedType(definition.type);
  return { name, isEnum: enumTypes.has(name) };
}
