import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  isEnumType,
  isListType,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { DataSource, EntityMetadata, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Context } from './context';
import { declaredRelation, Relation } from './relations';
import { responseTooLarge } from './limits';

/**
 * Compiled reads: a query whose every root field is a record or a page of a resource, and whose
 * every selected field is a column or a declared relation (relations.ts), is answered by one SQL
 * statement per root field that builds the answer's JSON in PostgreSQL, as PostGraphile does. The
 * root resolvers still run (arguments, validation, access and filters are theirs), inside the
 * request's transaction, so row-level security applies as everywhere. Anything else, and any
 * failure, falls back to ordinary execution, which gives the same answer field by field.
 */

/** A root field's extension: `@Extensions({ [COMPILED_READ]: 'page' | 'record' })`. */
export const COMPILED_READ = 'compiledRead';

/** JSON text PostgreSQL built, placed into the response as it is (see stringifyResponse). */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

/** The response body, with compiled answers spliced in without parsing them. */
export function stringifyResponse(result: { data?: Record<string, unknown> | null }): string {
  const { data, ...rest } = result;
  if (!data || !Object.values(data).some((value) => value instanceof RawJson)) return JSON.stringify(result);
  const fields = Object.entries(data).map(([key, value]) => `${JSON.stringify(key)}:${value instanceof RawJson ? value.text : JSON.stringify(value)}`);
  const others = JSON.stringify(rest);
  return `{"data":{${fields.join(',')}}${others === '{}' ? '' : `,${others.slice(1, -1)}`}}`;
}

type Format = 'raw' | 'date' | 'money' | 'timestamp';

type PlannedField =
  | { key: string; kind: 'literal'; value: string }
  | { key: string; kind: 'column'; column: ColumnMetadata; format: Format }
  | { key: string; kind: 'relation'; relation: Relation; plan: ObjectPlan };

interface ObjectPlan {
  metadata: EntityMetadata;
  fields: PlannedField[];
}

type PageField = { key: string; kind: 'literal'; value: string } | { key: string; kind: 'items'; plan: ObjectPlan } | { key: string; kind: 'total' };

export type ReadPlan = { shape: 'page'; fields: PageField[] } | { shape: 'record'; plan: ObjectPlan };

interface Planning {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** json_build_object takes at most 100 arguments. */
const MAX_FIELDS = 50;

const TEXT = new Set(['uuid', 'text', 'character varying', 'varchar', 'character', 'char']);
const INTEGER = new Set(['integer', 'int', 'int4', 'smallint', 'int2', 'bigint', 'int8']);

class ReadCompiler {
  private readonly entities = new Map<string, EntityMetadata | undefined>();
  private readonly resolvedFields: Set<string>;

  constructor(private readonly dataSource: DataSource) {
    this.resolvedFields = new Set(getMetadataStorage().fieldResolvers.map((f) => `${f.getObjectType?.().name}.${f.schemaName}`));
  }

  /** The fields of a selection by response key, or undefined when a fragment is on another type. */
  collect(planning: Planning, type: GraphQLObjectType, sets: readonly SelectionSetNode[], into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> | undefined {
    for (const set of sets) {
      for (const selection of set.selections) {
        if (getDirectiveValues(GraphQLSkipDirective, selection, planning.variables)?.if === true) continue;
        if (getDirectiveValues(GraphQLIncludeDirective, selection, planning.variables)?.if === false) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          into.set(key, [...(into.get(key) ?? []), selection]);
          continue;
        }
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : planning.fragments[selection.name.value];
        if (!fragment || (fragment.typeCondition && fragment.typeCondition.name.value !== type.name)) return undefined;
        if (!this.collect(planning, type, [fragment.selectionSet], into)) return undefined;
      }
    }
    return into;
  }

  plan(planning: Planning, shape: unknown, type: GraphQLOutputType, nodes: FieldNode[]): ReadPlan | undefined {
    const named = getNamedType(type);
    if (!isObjectType(named)) return undefined;
    if (shape === 'record') {
      const plan = this.planObject(planning, named, nodes);
      return plan && { shape, plan };
    }
    if (shape !== 'page') return undefined;
    const selected = this.collect(planning, named, subselections(nodes));
    if (!selected) return undefined;
    const fields: PageField[] = [];
    for (const [key, fieldNodes] of selected) {
      const name = fieldNodes[0].name.value;
      if (name === '__typename') fields.push({ key, kind: 'literal', value: named.name });
      else if (name === 'total') fields.push({ key, kind: 'total' });
      else if (name === 'items') {
        const itemType = getNamedType(named.getFields().items.type) as GraphQLObjectType;
        const plan = this.planObject(planning, itemType, fieldNodes);
        if (!plan) return undefined;
        fields.push({ key, kind: 'items', plan });
      } else return undefined;
    }
    return { shape, fields };
  }

  private planObject(planning: Planning, type: GraphQLObjectType, nodes: FieldNode[]): ObjectPlan | undefined {
    const metadata = this.entityOf(type.name);
    const selected = metadata && this.collect(planning, type, subselections(nodes));
    if (!metadata || !selected || selected.size > MAX_FIELDS) return undefined;
    const fields: PlannedField[] = [];
    for (const [key, fieldNodes] of selected) {
      const name = fieldNodes[0].name.value;
      if (name === '__typename') {
        fields.push({ key, kind: 'literal', value: type.name });
        continue;
      }
      const field = type.getFields()[name];
      if (!field || field.args.length) return undefined;
      const relation = declaredRelation(metadata.target as Function, name);
      if (relation) {
        const listed = isListType(getNullableType(field.type));
        if (listed !== (relation.kind === 'many' || (relation.kind === 'through' && !relation.first))) return undefined;
        const plan = this.planObject(planning, getNamedType(field.type) as GraphQLObjectType, fieldNodes);
        if (!plan) return undefined;
        fields.push({ key, kind: 'relation', relation, plan });
        continue;
      }
      if (this.resolvedFields.has(`${type.name}.${name}`)) return undefined;
      const column = metadata.findColumnWithPropertyName(name);
      const format = column?.isSelect ? this.formatOf(field.type, column) : undefined;
      if (!column || !format) return undefined;
      fields.push({ key, kind: 'column', column, format });
    }
    return { metadata, fields };
  }

  /** The entity behind a GraphQL type; not one whose rows other tenants, or all-tenant readers, see under conditions of its own. */
  private entityOf(typeName: string): EntityMetadata | undefined {
    if (!this.entities.has(typeName)) {
      const { objectTypes } = getMetadataStorage();
      const metadata = this.dataSource.entityMetadatas.find((m) => objectTypes.some((o) => o.target === m.target && o.name === typeName));
      this.entities.set(typeName, metadata && typeof metadata.target === 'function' && !('sharedReads' in metadata.target) && !('allTenantsReads' in metadata.target) ? metadata : undefined);
    }
    return this.entities.get(typeName);
  }

  /** How a column is written so that its JSON equals what the field's GraphQL type serializes. */
  private formatOf(type: GraphQLOutputType, column: ColumnMetadata): Format | undefined {
    const named = getNamedType(type);
    const sqlType = this.dataSource.driver.normalizeType(column);
    if (isListType(getNullableType(type)) !== column.isArray) return undefined;
    if (isEnumType(named)) return named.getValues().every((v) => v.value === v.name) && (TEXT.has(sqlType) || sqlType === 'enum') ? 'raw' : undefined;
    if (column.isArray) return named.name === 'String' || named.name === 'ID' ? 'raw' : undefined;
    switch (named.name) {
      case 'ID':
      case 'String':
        return TEXT.has(sqlType) ? 'raw' : undefined;
      case 'Int':
        return INTEGER.has(sqlType) ? 'raw' : undefined;
      case 'Boolean':
        return sqlType === 'boolean' ? 'raw' : undefined;
      case 'JSONObject':
        return sqlType === 'jsonb' || sqlType === 'json' ? 'raw' : undefined;
      case 'LocalDate':
        return sqlType === 'date' ? 'date' : undefined;
      case 'Money':
        return sqlType === 'numeric' || sqlType === 'decimal' ? 'money' : undefined;
      case 'DateTimeISO':
        return sqlType === 'timestamp with time zone' ? 'timestamp' : undefined;
      default:
        return undefined;
    }
  }
}

const subselections = (nodes: FieldNode[]) => nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const FORMATS: Record<Format, (sql: string) => string> = {
  raw: (sql) => sql,
  // The request's transaction sets DateStyle ISO (request-scope.ts).
  date: (sql) => `${sql}::text`,
  money: (sql) => `${sql}::text`,
  timestamp: (sql) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

/** A column of the row a JSON object is built from. */
type RowRef = (column: ColumnMetadata) => string;

/** Builds one statement: the plan's JSON, with parameters numbered after the root query's. */
class StatementBuilder {
  private aliases = 0;
  private tenant?: string;

  constructor(
    private readonly dataSource: DataSource,
    readonly params: unknown[],
    private readonly tenantId: string | undefined,
  ) {}

  /**
   * A row's JSON, and the joins its FROM needs: a record the row points to (a member's partner, its
   * type) is a LEFT JOIN, which PostgreSQL plans as a join; lists are subqueries per row.
   */
  object(plan: ObjectPlan, row: RowRef): { json: string; joins: string } {
    const joins: string[] = [];
    const pairs = plan.fields.map((field) => {
      if (field.kind === 'literal') return `'${field.key}', '${field.value}'`;
      if (field.kind === 'column') return `'${field.key}', ${FORMATS[field.format](row(field.column))}`;
      if (field.relation.kind !== 'one') return `'${field.key}', ${this.list(field.relation, field.plan, plan.metadata, row)}`;
      const target = this.from(field.plan.metadata);
      const inner = this.object(field.plan, columnsOf(target.alias));
      joins.push(`LEFT JOIN ${target.sql} ON ${target.alias}.id = ${row(columnOf(plan.metadata, field.relation.key))}${this.sameTenant(target, plan.metadata, row)}${this.own(target)}`, inner.joins);
      return `'${field.key}', CASE WHEN ${target.alias}.id IS NULL THEN NULL ELSE ${inner.json} END`;
    });
    return { json: `json_build_object(${pairs.join(', ')})`, joins: joins.filter(Boolean).join(' ') };
  }

  /** The records of a list relation of a row, in the loaders' order: the relation's column, then id. */
  private list(relation: Relation, plan: ObjectPlan, parent: EntityMetadata, parentRow: RowRef): string {
    const parentId = parentRow(idOf(parent));
    const target = this.from(plan.metadata);
    const object = this.object(plan, columnsOf(target.alias));
    const column = (alias: string, metadata: EntityMetadata, property: string) => `${alias}.${quote(columnOf(metadata, property).databaseName)}`;
    if (relation.kind === 'many') {
      return `(SELECT coalesce(json_agg(${object.json} ORDER BY ${column(target.alias, plan.metadata, relation.orderBy)}, ${target.alias}.id), '[]'::json)
        FROM ${target.sql} ${object.joins} WHERE ${column(target.alias, plan.metadata, relation.by)} = ${parentId}${this.sameTenant(target, parent, parentRow)}${this.own(target)})`;
    }
    if (relation.kind !== 'through') throw new Error('A record is joined, not listed');
    const link = this.from(this.dataSource.getMetadata(relation.link()));
    const where = Object.entries(relation.where ?? {})
      .map(([property, value]) => ` AND ${column(link.alias, link.metadata, property)} = ${this.param(value)}`)
      .join('');
    const order = `${column(link.alias, link.metadata, relation.orderBy)}, ${link.alias}.id`;
    const body = `FROM ${link.sql} JOIN ${target.sql} ON ${target.alias}.id = ${column(link.alias, link.metadata, relation.key)}${this.sameTenant(target, link.metadata, columnsOf(link.alias))}${this.own(target)} ${object.joins}
      WHERE ${column(link.alias, link.metadata, relation.by)} = ${parentId}${this.sameTenant(link, parent, parentRow)}${this.own(link)}${where}`;
    return relation.first ? `(SELECT ${object.json} ${body} ORDER BY ${order} LIMIT 1)` : `(SELECT coalesce(json_agg(${object.json} ORDER BY ${order}), '[]'::json) ${body})`;
  }

  private from(metadata: EntityMetadata): { alias: string; sql: string; metadata: EntityMetadata } {
    const alias = `t${++this.aliases}`;
    return { alias, sql: `${quote(metadata.tableName)} ${alias}`, metadata };
  }

  /**
   * Tenant-owned records refer to each other within their tenant (composite foreign keys): saying
   * so lets PostgreSQL look rows up by their whole key, for a regional analyst too.
   */
  private sameTenant(table: { alias: string; metadata: EntityMetadata }, other: EntityMetadata, otherRow: RowRef): string {
    const tenant = table.metadata.findColumnWithPropertyName('tenantId');
    const otherTenant = other.findColumnWithPropertyName('tenantId');
    return tenant && otherTenant ? ` AND ${table.alias}.tenant_id = ${otherRow(otherTenant)}` : '';
  }

  /** The loaders read a tenant's rows only (scopedQuery); row-level security says the same. */
  private own({ alias, metadata }: { alias: string; metadata: EntityMetadata }): string {
    if (!this.tenantId || !metadata.findColumnWithPropertyName('tenantId')) return '';
    this.tenant ??= this.param(this.tenantId);
    return ` AND ${alias}.tenant_id = ${this.tenant}`;
  }

  private param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
}

const idOf = (metadata: EntityMetadata) => columnOf(metadata, 'id');

function columnOf(metadata: EntityMetadata, property: string): ColumnMetadata {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${metadata.name} has no column ${property}`);
  return column;
}

/** The columns of a table's row, by their names in the database. */
const columnsOf =
  (alias: string): RowRef =>
  (column) =>
    `${alias}.${quote(column.databaseName)}`;

/** The root query selects the entity's columns under their property names (selectPlain). */
const rootRow: RowRef = (column) => `p.${quote(column.propertyName)}`;

const builderFor = (ctx: Context, query: SelectQueryBuilder<object>, params: unknown[]) => new StatementBuilder(query.connection, [...params], ctx.principal.tenantId ?? undefined);

async function runJson(ctx: Context, sql: string, params: unknown[]): Promise<string | null> {
  const manager = await ctx.scope.manager();
  const [row] = (await manager.query(`SELECT (${sql})::text AS json`, params)) as { json: string | null }[];
  return row.json;
}

/** The plan the plugin made for this root field, when the request is compiled. */
export function compiledPlan(ctx: Context, info: GraphQLResolveInfo): ReadPlan | undefined {
  return ctx.compiledPlans?.get(info.fieldNodes[0]);
}

/** A page as one statement: `page` is the paged query, `all` the same without paging (for the total). */
export async function compiledPage(ctx: Context, plan: ReadPlan, queries: { page: SelectQueryBuilder<object>; all: SelectQueryBuilder<object> }): Promise<RawJson> {
  if (plan.shape !== 'page') throw new Error('A page needs a page plan');
  const [pageSql, params] = queries.page.getQueryAndParameters();
  const [allSql, allParams] = queries.all.getQueryAndParameters();
  if (JSON.stringify(allParams) !== JSON.stringify(params)) throw new Error('A page and its total must share their parameters');
  const builder = builderFor(ctx, queries.page, params);
  const pairs = plan.fields.map((field) => {
    if (field.kind === 'literal') return `'${field.key}', '${field.value}'`;
    if (field.kind === 'total') return `'${field.key}', (SELECT count(*) FROM (${allSql}) c)::int`;
    // The page's order survives the joins through its row numbers.
    const object = builder.object(field.plan, rootRow);
    return `'${field.key}', (SELECT coalesce(json_agg(${object.json} ORDER BY p.page_row), '[]'::json)
      FROM (SELECT page.*, row_number() OVER () AS page_row FROM (${pageSql}) page) p ${object.joins})`;
  });
  return new RawJson((await runJson(ctx, `json_build_object(${pairs.join(', ')})`, builder.params))!);
}

/** One record as one statement; null when there is none (ordinary execution then says NOT_FOUND). */
export async function compiledRecord(ctx: Context, plan: ReadPlan, query: SelectQueryBuilder<object>): Promise<RawJson | null> {
  if (plan.shape !== 'record') throw new Error('A record needs a record plan');
  const [sql, params] = query.getQueryAndParameters();
  const builder = builderFor(ctx, query, params);
  const object = builder.object(plan.plan, rootRow);
  const json = await runJson(ctx, `SELECT ${object.json} FROM (${sql}) p ${object.joins}`, builder.params);
  return json === null ? null : new RawJson(json);
}

/**
 * The root fields and their plans, or undefined when one of them cannot be compiled. A directive
 * whose arguments cannot be read (directiveArgumentsGuard refuses them first) leaves the query to
 * ordinary execution too.
 */
function planRoots(compiler: ReadCompiler, planning: Planning, queryType: GraphQLObjectType, selectionSet: SelectionSetNode) {
  try {
    const roots = compiler.collect(planning, queryType, [selectionSet]);
    if (!roots) return undefined;
    const plans = new Map<FieldNode, ReadPlan>();
    for (const nodes of roots.values()) {
      const name = nodes[0].name.value;
      if (name === '__typename') continue;
      const field = queryType.getFields()[name];
      const plan = field && compiler.plan(planning, field.extensions[COMPILED_READ], field.type, nodes);
      if (!plan) return undefined;
      plans.set(nodes[0], plan);
    }
    return { roots, plans };
  } catch {
    return undefined;
  }
}

/** Answers a query with compiled reads when it can (see the top of this file). */
export function compiledReads(dataSource: DataSource, maxResponseBytes: number): ApolloServerPlugin<Context> {
  let compiler: ReadCompiler | undefined;
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, schema, contextValue, request }) {
          if (operation?.operation !== 'query') return null;
          compiler ??= new ReadCompiler(dataSource);
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return null;
          const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
          const planning: Planning = { fragments, variables: coerced.coerced };
          const queryType = schema.getQueryType()!;
          const planned = planRoots(compiler, planning, queryType, operation.selectionSet);
          if (!planned) return null;
          const { roots, plans } = planned;
          const data: Record<string, unknown> = {};
          let size = 0;
          contextValue.compiledPlans = plans;
          try {
            for (const [key, nodes] of roots) {
              const name = nodes[0].name.value;
              if (name === '__typename') {
                data[key] = queryType.name;
                continue;
              }
              const field = queryType.getFields()[name];
              const info: GraphQLResolveInfo = {
                fieldName: name,
                fieldNodes: nodes,
                returnType: field.type,
                parentType: queryType,
                path: { prev: undefined, key, typename: queryType.name },
                schema,
                fragments,
                rootValue: undefined,
                operation,
                variableValues: coerced.coerced,
              };
              const value = await field.resolve!(undefined, getArgumentValues(field, nodes[0], coerced.coerced), contextValue, info);
              if (!(value instanceof RawJson)) throw new Error('Not compiled');
              // Refused as soon as the answers so far are over the budget, before the next statement runs.
              size += Buffer.byteLength(value.text);
              if (size > maxResponseBytes) return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [responseTooLarge(maxResponseBytes, size)] } } };
              data[key] = value;
            }
          } catch {
            // Ordinary execution answers instead, with its own errors, in a fresh transaction: a
            // query has written nothing, and a failed statement leaves the old one unusable.
            await contextValue.scope.discard();
            return null;
          } finally {
            contextValue.compiledPlans = undefined;
          }
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}
