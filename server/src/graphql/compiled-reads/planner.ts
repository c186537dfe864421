import {
  FieldNode,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLSkipDirective,
  isEnumType,
  isListType,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { DataSource, EntityMetadata } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { declaredRelation, listed } from '../relations';
import { Lru } from './lru';
import { COMPILED_READ, Format, NotCompiled, ObjectPlan, PageField, PlannedField, Planning, ReadPlan } from './plan';

/** Statement texts kept per plan: one per filter, sort and tenant scoping seen. */
const STATEMENTS_PER_PLAN = 16;

/** json_build_object takes at most 100 arguments. */
const MAX_FIELDS = 50;

const TEXT = new Set(['uuid', 'text', 'character varying', 'varchar', 'character', 'char']);
const INTEGER = new Set(['integer', 'int', 'int4', 'smallint', 'int2', 'bigint', 'int8']);

/** Walks a root field's selection into its plan: which columns and relations of which tables, under which keys. */
export class ReadCompiler {
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
    if (!metadata) throw new NotCompiled(`${type.name} is not a table`);
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
        if (isListType(getNullableType(field.type)) !== listed(relation)) throw new NotCompiled(`${type.name}.${name} is declared with another cardinality`);
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

  /** The entity behind a GraphQL type (its rows are read as the loaders read them: see StatementBuilder.own). */
  private entityOf(typeName: string): EntityMetadata | undefined {
    if (!this.entities.has(typeName)) {
      const { objectTypes } = getMetadataStorage();
      const metadata = this.dataSource.entityMetadatas.find((m) => objectTypes.some((o) => o.target === m.target && o.name === typeName));
      this.entities.set(typeName, metadata && typeof metadata.target === 'function' ? metadata : undefined);
    }
    return this.entities.get(typeName);
  }

  /** How a column is written so that its JSON equals what the field's GraphQL type serializes. */
  private formatOf(type: GraphQLOutputType, column: ColumnMetadata): Format | undefined {
    const named = getNamedType(type);
    const sqlType = this.dataSource.driver.normalizeType(column);
    if (isListType(getNullableType(type)) !== column.isArray) return undefined;
    if (isEnumType(named)) return named.getValues().every((v) => v.value === v.name) && (TEXT.has(sqlType) || sqlType === 'enum') ? 'raw' : undefined;
    if (column.isArray) {
      if (named.name === 'Money') return sqlType === 'numeric' || sqlType === 'decimal' ? 'decimals' : undefined;
      return named.name === 'String' || named.name === 'ID' ? 'raw' : undefined;
    }
    switch (named.name) {
      case 'ID':
        return TEXT.has(sqlType) ? 'raw' : undefined;
      case 'String':
        // A decimal given as a string (a share, "0.30") reads as pg gives it: numeric's own text.
        return TEXT.has(sqlType) ? 'raw' : sqlType === 'numeric' || sqlType === 'decimal' ? 'decimal' : undefined;
      case 'Int':
        return INTEGER.has(sqlType) ? 'raw' : undefined;
      case 'Float':
        return sqlType === 'numeric' || sqlType === 'decimal' ? 'float' : undefined;
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
