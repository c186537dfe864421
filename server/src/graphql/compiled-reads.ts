import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLField,
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
  DocumentNode,
  GraphQLSchema,
  OperationDefinitionNode,
  print,
  visit,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { DataSource, EntityMetadata, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Logger } from '../common/logger';
import { queryPrepared, statementName } from '../db/prepared-statements';
import { Context } from './context';
import { declaredRelation, Relation } from './relations';
import { responseTooLarge } from './limits';

/**
 * Compiled reads: a query whose every root field is a record or a page of a resource, and whose
 * every selected field is a column or a declared relation (relations.ts), is answered by one SQL
 * statement per root field, planned once per document and prepared once per connection. The
 * statement selects each record's values as a JSON array, which Node names, as PostGraphile does. The
 * root resolvers still run (arguments, validation, access and filters are theirs), inside the
 * request's transaction, so row-level security applies as everywhere. Anything else, and any
 * failure, falls back to ordinary execution, which gives the same answer field by field.
 */

/** A root field's extension: `@Extensions({ [COMPILED_READ]: 'page' | 'record' })`. */
export const COMPILED_READ = 'compiledRead';

/** A compiled answer's JSON text, placed into the response as it is (see stringifyResponse). */
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

type Format = 'raw' | 'date' | 'decimal' | 'timestamp';

type PlannedField =
  | { key: string; kind: 'literal'; value: string }
  | { key: string; kind: 'column'; column: ColumnMetadata; format: Format }
  | { key: string; kind: 'relation'; relation: Relation; plan: ObjectPlan };

interface ObjectPlan {
  metadata: EntityMetadata;
  fields: PlannedField[];
}

type PageField = { key: string; kind: 'literal'; value: string } | { key: string; kind: 'items'; plan: ObjectPlan } | { key: string; kind: 'total' };

/** A statement of a plan, by the root query's SQL text: its own text, and where its parameters past the root query's come from. */
interface Statement {
  text: string;
  name: string;
  /** TENANT where the caller's tenant goes. */
  params: unknown[];
}

export type ReadPlan = ({ shape: 'page'; fields: PageField[] } | { shape: 'record'; plan: ObjectPlan }) & { statements: Lru<string, Statement> };

interface Planning {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Why a query is answered field by field: planning stops at the first thing it cannot compile. */
export class NotCompiled extends Error {}

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

  /** The fields of a selection by response key. */
  collect(planning: Planning, type: GraphQLObjectType, sets: readonly SelectionSetNode[], into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> {
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
        if (!fragment) throw new NotCompiled(`fragment ${selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : ''} is not defined`);
        if (fragment.typeCondition && fragment.typeCondition.name.value !== type.name) throw new NotCompiled(`a fragment on ${fragment.typeCondition.name.value} inside ${type.name}`);
        this.collect(planning, type, [fragment.selectionSet], into);
      }
    }
    return into;
  }

  /** A root field's plan; throws NotCompiled with the reason when it has none. */
  plan(planning: Planning, field: GraphQLField<unknown, unknown>, nodes: FieldNode[]): ReadPlan {
    const shape = field.extensions[COMPILED_READ];
    const named = getNamedType(field.type);
    if ((shape !== 'record' && shape !== 'page') || !isObjectType(named)) throw new NotCompiled(`Query.${field.name} is not a compiled read`);
    if (shape === 'record') return { shape, plan: this.planObject(planning, named, nodes), statements: new Lru(STATEMENTS_PER_PLAN) };
    const fields: PageField[] = [];
    for (const [key, fieldNodes] of this.collect(planning, named, subselections(nodes))) {
      const name = fieldNodes[0].name.value;
      if (name === '__typename') fields.push({ key, kind: 'literal', value: named.name });
      else if (name === 'total') fields.push({ key, kind: 'total' });
      else if (name === 'items') fields.push({ key, kind: 'items', plan: this.planObject(planning, getNamedType(named.getFields().items.type) as GraphQLObjectType, fieldNodes) });
      else throw new NotCompiled(`${named.name}.${name} is not items or total`);
    }
    return { shape, fields, statements: new Lru(STATEMENTS_PER_PLAN) };
  }

  private planObject(planning: Planning, type: GraphQLObjectType, nodes: FieldNode[]): ObjectPlan {
    const metadata = this.entityOf(type.name);
    if (!metadata) throw new NotCompiled(`${type.name} is not a table of the caller's tenant alone`);
    const selected = this.collect(planning, type, subselections(nodes));
    if (selected.size > MAX_FIELDS) throw new NotCompiled(`more than ${MAX_FIELDS} fields of ${type.name}`);
    const fields: PlannedField[] = [];
    for (const [key, fieldNodes] of selected) {
      const name = fieldNodes[0].name.value;
      if (name === '__typename') {
        fields.push({ key, kind: 'literal', value: type.name });
        continue;
      }
      const field = type.getFields()[name];
      if (!field) throw new NotCompiled(`${type.name}.${name} does not exist`);
      if (field.args.length) throw new NotCompiled(`${type.name}.${name} takes arguments`);
      const relation = declaredRelation(metadata.target as Function, name);
      if (relation) {
        const listed = isListType(getNullableType(field.type));
        if (listed !== (relation.kind === 'many' || (relation.kind === 'through' && !relation.first))) throw new NotCompiled(`${type.name}.${name} is declared with another cardinality`);
        fields.push({ key, kind: 'relation', relation, plan: this.planObject(planning, getNamedType(field.type) as GraphQLObjectType, fieldNodes) });
        continue;
      }
      if (this.resolvedFields.has(`${type.name}.${name}`)) throw new NotCompiled(`${type.name}.${name} is computed by a field resolver`);
      const column = metadata.findColumnWithPropertyName(name);
      if (!column || !column.isSelect) throw new NotCompiled(`${type.name}.${name} is neither a column nor a declared relation`);
      const format = this.formatOf(field.type, column);
      if (!format) throw new NotCompiled(`${type.name}.${name} has a type compiled reads do not format`);
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
        return TEXT.has(sqlType) ? 'raw' : undefined;
      case 'String':
        // A decimal given as a string (a share, "0.30") reads as pg gives it: numeric's own text.
        return TEXT.has(sqlType) ? 'raw' : sqlType === 'numeric' || sqlType === 'decimal' ? 'decimal' : undefined;
      case 'Int':
        return INTEGER.has(sqlType) ? 'raw' : undefined;
      case 'Boolean':
        return sqlType === 'boolean' ? 'raw' : undefined;
      case 'JSONObject':
        return sqlType === 'jsonb' || sqlType === 'json' ? 'raw' : undefined;
      case 'LocalDate':
        return sqlType === 'date' ? 'date' : undefined;
      case 'Money':
        return sqlType === 'numeric' || sqlType === 'decimal' ? 'decimal' : undefined;
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
  decimal: (sql) => `${sql}::text`,
  timestamp: (sql) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

/** A column of the row a JSON object is built from. */
type RowRef = (column: ColumnMetadata) => string;

/** Stands for the caller's tenant among a cached statement's parameters. */
const TENANT = Symbol('tenant');

/** Builds one statement: the plan's JSON, with parameters numbered after the root query's. */
class StatementBuilder {
  private aliases = 0;
  private tenant?: string;
  /** The parameters after the root query's: constants, and TENANT. */
  readonly params: unknown[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly rootParams: number,
    private readonly tenantScoped: boolean,
  ) {}

  /**
   * A row's values as a JSON array in the plan's order (assemble() names them), and the joins its
   * FROM needs: a record the row points to (a member's partner, its type) is a LEFT JOIN, which
   * PostgreSQL plans as a join; lists are subqueries per row. Arrays, not objects: PostgreSQL then
   * writes no keys, which costs it more than the values (PostGraphile also names them in Node).
   */
  object(plan: ObjectPlan, row: RowRef): { json: string; joins: string } {
    const joins: string[] = [];
    const values = plan.fields.flatMap((field) => {
      if (field.kind === 'literal') return [];
      if (field.kind === 'column') return [FORMATS[field.format](row(field.column))];
      if (field.relation.kind !== 'one') return [this.list(field.relation, field.plan, plan.metadata, row)];
      const target = this.from(field.plan.metadata);
      const inner = this.object(field.plan, columnsOf(target.alias));
      joins.push(`LEFT JOIN ${target.sql} ON ${target.alias}.id = ${row(columnOf(plan.metadata, field.relation.key))}${this.sameTenant(target, plan.metadata, row)}${this.own(target)}`, inner.joins);
      return [`CASE WHEN ${target.alias}.id IS NULL THEN NULL ELSE ${inner.json} END`];
    });
    return { json: `json_build_array(${values.join(', ')})`, joins: joins.filter(Boolean).join(' ') };
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
    if (!this.tenantScoped || !metadata.findColumnWithPropertyName('tenantId')) return '';
    this.tenant ??= this.param(TENANT);
    return ` AND ${alias}.tenant_id = ${this.tenant}`;
  }

  private param(value: unknown): string {
    this.params.push(value);
    return `$${this.rootParams + this.params.length}`;
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

/** A record from the values StatementBuilder.object selected for it, under the plan's keys and in its order. */
function assemble(plan: ObjectPlan, values: unknown[]): Record<string, unknown> {
  // As graphql-js builds its results: an alias such as __proto__ is then a key like any other.
  const record: Record<string, unknown> = Object.create(null);
  let i = 0;
  for (const field of plan.fields) {
    if (field.kind === 'literal') {
      record[field.key] = field.value;
      continue;
    }
    const value = values[i++];
    if (field.kind === 'column') record[field.key] = value;
    else if (value === null) record[field.key] = null;
    else if (field.relation.kind === 'one' || (field.relation.kind === 'through' && field.relation.first)) record[field.key] = assemble(field.plan, value as unknown[]);
    else record[field.key] = (value as unknown[][]).map((item) => assemble(field.plan, item));
  }
  return record;
}

/** The root query selects the entity's columns under their property names (selectPlain). */
const rootRow: RowRef = (column) => `p.${quote(column.propertyName)}`;

/**
 * Runs a plan's statement for a root query. Its text is built once per plan, root query text and
 * tenant scoping, and runs as a named statement (prepared once per connection).
 */
async function runStatement(ctx: Context, plan: ReadPlan, root: SelectQueryBuilder<object>, rootSql: string, rootParams: unknown[], build: (builder: StatementBuilder) => string): Promise<string | null> {
  const tenantId = ctx.principal.tenantId ?? undefined;
  const key = `${tenantId ? 'tenant' : 'all'}\0${rootSql}`;
  let statement = plan.statements.get(key);
  if (!statement) {
    const builder = new StatementBuilder(root.connection, rootParams.length, tenantId !== undefined);
    const text = `SELECT (${build(builder)})::text AS json`;
    statement = { text, name: statementName(text), params: builder.params };
    plan.statements.set(key, statement);
  }
  const params = [...rootParams, ...statement.params.map((param) => (param === TENANT ? tenantId : param))];
  const [row] = await queryPrepared<{ json: string | null }>(await ctx.scope.manager(), statement.name, statement.text, params);
  return row.json;
}

/** The plan the plugin made for this root field, when the request is compiled. */
export function compiledPlan(ctx: Context, info: GraphQLResolveInfo): ReadPlan | undefined {
  return ctx.compiledPlans?.get(info.fieldNodes[0]);
}

/**
 * A page's query without its LIMIT and OFFSET literals, which become parameters: every page of a
 * list is then one statement.
 */
function unpaged(page: SelectQueryBuilder<object>, sql: string): { sql: string; paging: unknown[] } {
  const { limit, offset } = page.expressionMap;
  const suffix = ` LIMIT ${limit} OFFSET ${offset}`;
  if (limit === undefined || offset === undefined || !sql.endsWith(suffix)) return { sql, paging: [] };
  return { sql: sql.slice(0, -suffix.length), paging: [limit, offset] };
}

/** A page as one statement: `page` is the paged query, `all` the same without paging (for the total). */
export async function compiledPage(ctx: Context, plan: ReadPlan, queries: { page: SelectQueryBuilder<object>; all: SelectQueryBuilder<object> }): Promise<RawJson> {
  if (plan.shape !== 'page') throw new Error('A page needs a page plan');
  const [pagedSql, params] = queries.page.getQueryAndParameters();
  const [allSql, allParams] = queries.all.getQueryAndParameters();
  if (allParams.length !== params.length || allParams.some((param, i) => param !== params[i] && JSON.stringify(param) !== JSON.stringify(params[i]))) throw new Error('A page and its total must share their parameters');
  // Only the total: the page's rows, and their paging parameters, are not in the statement.
  const { sql: unpagedSql, paging } = plan.fields.some((field) => field.kind === 'items') ? unpaged(queries.page, pagedSql) : { sql: pagedSql, paging: [] };
  const pageSql = paging.length ? `${unpagedSql} LIMIT $${params.length + 1} OFFSET $${params.length + 2}` : unpagedSql;
  const json = await runStatement(ctx, plan, queries.page, `${pageSql}\0${allSql}`, [...params, ...paging], (builder) => {
    const pairs = plan.fields.map((field) => {
      if (field.kind === 'literal') return `'${field.key}', '${field.value}'`;
      if (field.kind === 'total') return `'${field.key}', (SELECT count(*) FROM (${allSql}) c)::int`;
      // The page's order survives the joins through its row numbers.
      const object = builder.object(field.plan, rootRow);
      return `'${field.key}', (SELECT coalesce(json_agg(${object.json} ORDER BY p.page_row), '[]'::json)
      FROM (SELECT page.*, row_number() OVER () AS page_row FROM (${pageSql}) page) p ${object.joins})`;
    });
    return `json_build_object(${pairs.join(', ')})`;
  });
  const page = JSON.parse(json!) as Record<string, unknown>;
  for (const field of plan.fields) if (field.kind === 'items') page[field.key] = (page[field.key] as unknown[][]).map((values) => assemble(field.plan, values));
  return new RawJson(JSON.stringify(page));
}

/** One record as one statement; null when there is none (ordinary execution then says NOT_FOUND). */
export async function compiledRecord(ctx: Context, plan: ReadPlan, query: SelectQueryBuilder<object>): Promise<RawJson | null> {
  if (plan.shape !== 'record') throw new Error('A record needs a record plan');
  const [sql, params] = query.getQueryAndParameters();
  const json = await runStatement(ctx, plan, query, sql, params, (builder) => {
    const object = builder.object(plan.plan, rootRow);
    return `SELECT ${object.json} FROM (${sql}) p ${object.joins}`;
  });
  return json === null ? null : new RawJson(JSON.stringify(assemble(plan.plan, JSON.parse(json) as unknown[])));
}

/** A query's compiled form: its root fields in order, and the plan of each (none for __typename). */
interface CompiledOperation {
  roots: { key: string; nodes: FieldNode[]; field?: GraphQLField<unknown, unknown> }[];
  plans: Map<FieldNode, ReadPlan>;
  fragments: Record<string, FragmentDefinitionNode>;
}

/** An operation's plans: by the values of the variables its @skip and @include read (nothing else changes a plan). */
interface OperationPlans {
  shapeVariables: string[];
  byShape: Lru<string, CompiledOperation | NotCompiled>;
}

/** Documents whose plans are kept, and shapes (@skip/@include values) kept per document. */
const PLANNED_OPERATIONS = 500;
const SHAPES_PER_OPERATION = 8;
/** Statement texts kept per plan: one per filter, sort and tenant scoping seen. */
const STATEMENTS_PER_PLAN = 16;

/** The variables that @skip and @include read anywhere in a document. */
function shapeVariablesOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Directive(directive) {
      if (directive.name.value !== 'skip' && directive.name.value !== 'include') return;
      for (const arg of directive.arguments ?? []) if (arg.value.kind === Kind.VARIABLE) names.add(arg.value.name.value);
    },
  });
  return [...names].sort();
}

/**
 * Plans queries, once per document, operation and shape: the selection walk and the statements'
 * texts are then reused by every request that sends the same document (the console and scripts
 * send the same few documents again and again).
 */
export class ReadPlanner {
  private compiler?: ReadCompiler;
  private readonly operations = new Lru<string, OperationPlans>(PLANNED_OPERATIONS);

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The operation's plan, or why it has none. `documentKey` names the document's text (Apollo's
   * query hash); `variables` are coerced.
   */
  plan(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, documentKey: string, variables: Record<string, unknown>): CompiledOperation | NotCompiled {
    const operationKey = `${operation.name?.value ?? ''}\0${documentKey}`;
    let plans = this.operations.get(operationKey);
    if (!plans) this.operations.set(operationKey, (plans = { shapeVariables: shapeVariablesOf(document), byShape: new Lru(SHAPES_PER_OPERATION) }));
    const shape = plans.shapeVariables.map((name) => String(variables[name])).join(',');
    let planned = plans.byShape.get(shape);
    if (!planned) plans.byShape.set(shape, (planned = this.planAfresh(schema, document, operation, variables)));
    return planned;
  }

  private planAfresh(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): CompiledOperation | NotCompiled {
    if (operation.operation !== 'query') return new NotCompiled(`a ${operation.operation} is not a read`);
    this.compiler ??= new ReadCompiler(this.dataSource);
    const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])));
    const planning: Planning = { fragments, variables };
    const queryType = schema.getQueryType()!;
    try {
      const roots: CompiledOperation['roots'] = [];
      const plans = new Map<FieldNode, ReadPlan>();
      for (const [key, nodes] of this.compiler.collect(planning, queryType, [operation.selectionSet])) {
        const name = nodes[0].name.value;
        if (name === '__typename') {
          roots.push({ key, nodes });
          continue;
        }
        const field = queryType.getFields()[name];
        if (!field) throw new NotCompiled(`Query.${name} does not exist`);
        plans.set(nodes[0], this.compiler.plan(planning, field, nodes));
        roots.push({ key, nodes, field });
      }
      return { roots, plans, fragments };
    } catch (error) {
      // A directive whose arguments cannot be read (directiveArgumentsGuard refuses them first) leaves the query to ordinary execution too.
      return error instanceof NotCompiled ? error : new NotCompiled(`its directives cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** Answers a query with compiled reads when it can (see the top of this file); says at debug why it does not. */
export function compiledReads(dataSource: DataSource, maxResponseBytes: number, logger?: Logger): ApolloServerPlugin<Context> {
  const planner = new ReadPlanner(dataSource);
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, schema, contextValue, request, queryHash }) {
          if (!operation) return null;
          const log = contextValue.http?.req.log ?? logger;
          const fallBack = (reason: string) => {
            log?.debug({ operation: operation.name?.value, reason }, 'query answered field by field');
            return null;
          };
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (coerced.errors) return fallBack('its variables are refused');
          const compiled = planner.plan(schema, document, operation, queryHash ?? print(document), coerced.coerced);
          if (compiled instanceof NotCompiled) return operation.operation === 'query' ? fallBack(compiled.message) : null;
          const queryType = schema.getQueryType()!;
          const data: Record<string, unknown> = {};
          let size = 0;
          contextValue.compiledPlans = compiled.plans;
          try {
            for (const { key, nodes, field } of compiled.roots) {
              if (!field) {
                data[key] = queryType.name;
                continue;
              }
              const info: GraphQLResolveInfo = {
                fieldName: field.name,
                fieldNodes: nodes,
                returnType: field.type,
                parentType: queryType,
                path: { prev: undefined, key, typename: queryType.name },
                schema,
                fragments: compiled.fragments,
                rootValue: undefined,
                operation,
                variableValues: coerced.coerced,
              };
              const value = await field.resolve!(undefined, getArgumentValues(field, nodes[0], coerced.coerced), contextValue, info);
              if (!(value instanceof RawJson)) throw new NotCompiled(`Query.${field.name} found no record`);
              // Refused as soon as the answers so far are over the budget, before the next statement runs.
              size += Buffer.byteLength(value.text);
              if (size > maxResponseBytes) return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { errors: [responseTooLarge(maxResponseBytes, size)] } } };
              data[key] = value;
            }
          } catch (error) {
            // Ordinary execution answers instead, with its own errors, in a fresh transaction: a
            // query has written nothing, and a failed statement leaves the old one unusable.
            await contextValue.scope.discard();
            return fallBack(error instanceof Error ? error.message : String(error));
          } finally {
            contextValue.compiledPlans = undefined;
          }
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
      };
    },
  };
}

/** A map that keeps its `size` most recently used entries. */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as K);
  }
}
