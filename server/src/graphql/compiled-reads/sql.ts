import { DataSource, EntityMetadata } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { SharedReads } from '../../db/scoped-query';
import { Relation } from '../relations';
import { Format, ObjectPlan } from './plan';

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const FORMATS: Record<Format, (sql: string) => string> = {
  raw: (sql) => sql,
  // The request's transaction sets DateStyle ISO (request-scope.ts).
  date: (sql) => `${sql}::text`,
  decimal: (sql) => `${sql}::text`,
  decimals: (sql) => `${sql}::text[]`,
  // A JSON number, as graphql-js serializes pg's numeric text read as a Float (a score, 7.5).
  float: (sql) => `${sql}::float8`,
  timestamp: (sql) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

/** A column of the row a JSON object is built from. */
export type RowRef = (column: ColumnMetadata) => string;

/** Stands for the caller's tenant among a cached statement's parameters. */
export const TENANT = Symbol('tenant');

/** Builds one statement: the plan's JSON, with parameters numbered after the root query's. */
export class StatementBuilder {
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
      joins.push(`LEFT JOIN ${target.sql} ON ${target.alias}.id = ${row(columnOf(plan.metadata, field.relation.key))}${this.sameTenant(field.relation, target, plan.metadata, row)}${this.own(target)}`, inner.joins);
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
        FROM ${target.sql} ${object.joins} WHERE ${column(target.alias, plan.metadata, relation.by)} = ${parentId}${this.sameTenant(relation, target, parent, parentRow)}${this.own(target)})`;
    }
    if (relation.kind !== 'through') throw new Error('A record is joined, not listed');
    const link = this.from(this.dataSource.getMetadata(relation.link()));
    const where = Object.entries(relation.where ?? {})
      .map(([property, value]) => ` AND ${column(link.alias, link.metadata, property)} = ${this.param(value)}`)
      .join('');
    const order = `${column(link.alias, link.metadata, relation.orderBy)}, ${link.alias}.id`;
    const body = `FROM ${link.sql} JOIN ${target.sql} ON ${target.alias}.id = ${column(link.alias, link.metadata, relation.key)}${this.sameTenant(relation, target, link.metadata, columnsOf(link.alias))}${this.own(target)} ${object.joins}
      WHERE ${column(link.alias, link.metadata, relation.by)} = ${parentId}${this.sameTenant(relation, link, parent, parentRow)}${this.own(link)}${where}`;
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
  private sameTenant(relation: Relation, table: { alias: string; metadata: EntityMetadata }, other: EntityMetadata, otherRow: RowRef): string {
    if (relation.acrossTenants) return '';
    const tenant = table.metadata.findColumnWithPropertyName('tenantId');
    const otherTenant = other.findColumnWithPropertyName('tenantId');
    return tenant && otherTenant ? ` AND ${table.alias}.tenant_id = ${otherRow(otherTenant)}` : '';
  }

  /** What the loaders read of a table (scopedQuery): a tenant's own rows and those it shares; row-level security says the same. */
  private own({ alias, metadata }: { alias: string; metadata: EntityMetadata }): string {
    const entity = metadata.target as SharedReads;
    if (!this.tenantScoped || !metadata.findColumnWithPropertyName('tenantId')) {
      const allTenants = entity.allTenantsReads?.(alias);
      return allTenants ? ` AND ${this.condition(metadata, alias, allTenants)}` : '';
    }
    this.tenant ??= this.param(TENANT);
    const shared = entity.sharedReads?.(alias);
    return shared ? ` AND (${alias}.tenant_id = ${this.tenant} OR ${this.condition(metadata, alias, shared)})` : ` AND ${alias}.tenant_id = ${this.tenant}`;
  }

  /** A condition written for scopedQuery (properties after the alias, :scopeTenantId) in this statement's terms. */
  private condition(metadata: EntityMetadata, alias: string, text: string): string {
    return text
      .replace(new RegExp(`\\b${alias}\\.(\\w+)\\b`, 'g'), (_, property: string) => `${alias}.${quote(columnOf(metadata, property).databaseName)}`)
      .replace(/:scopeTenantId\b/g, () => (this.tenant ??= this.param(TENANT)));
  }

  private param(value: unknown): string {
    this.params.push(value);
    return `$${this.rootParams + this.params.length}`;
  }
}

export const idOf = (metadata: EntityMetadata) => columnOf(metadata, 'id');

export function columnOf(metadata: EntityMetadata, property: string): ColumnMetadata {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${metadata.name} has no column ${property}`);
  return column;
}

/** The columns of a table's row, by their names in the database. */
export const columnsOf =
  (alias: string): RowRef =>
  (column) =>
    `${alias}.${quote(column.databaseName)}`;


/** The root query selects the entity's columns under their property names (selectPlain). */
export const rootRow: RowRef = (column) => `p.${quote(column.propertyName)}`;
