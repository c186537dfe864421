import { DataSource, EntityMetadata } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { statementName } from '../../db/prepared-statements';
import { SharedReads } from '../../db/scoped-query';
import { Relation } from '../relations';
import { Format, ObjectPlan, RecordShape, RelationRead, Slot, Statement } from './plan';

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** How a column is selected so that pg reads it as its GraphQL field serializes it. */
const FORMATS: Record<Format, (sql: string, column: ColumnMetadata) => string> = {
  // pg reads arrays of its own types only: an enum's array as text[].
  raw: (sql, column) => (column.isArray ? `${sql}::text[]` : sql),
  // The request's transaction sets DateStyle ISO (request-scope.ts).
  date: (sql) => `${sql}::text`,
  decimal: (sql) => `${sql}::text`,
  decimals: (sql) => `${sql}::text[]`,
  // A JSON number, as graphql-js serializes pg's numeric text read as a Float (a score, 7.5).
  float: (sql) => `${sql}::float8`,
  timestamp: (sql) => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
};

/** A column of the row a record is read from. */
export type RowRef = (column: ColumnMetadata) => string;

/** Stands for the caller's tenant among a cached statement's parameters. */
export const TENANT = Symbol('tenant');

/** The select list and joins of one statement, filled as a plan is walked. */
export class Row {
  readonly values: string[] = [];
  readonly joins: string[] = [];

  constructor(...leading: string[]) {
    this.values.push(...leading);
  }

  /** Adds a value to the row, once (a record's id may be a value and the key of its lists), and says where it is. */
  add(sql: string): number {
    const at = this.values.indexOf(sql);
    return at >= 0 ? at : this.values.push(sql) - 1;
  }
}

/**
 * Builds the statements of a plan: one for the root query's rows, with the records they point to
 * joined in, and one per relation and level, which reads it for every parent of the level with
 * `= ANY`. Rows come back as arrays, and Node builds the records (response.ts): PostgreSQL building
 * JSON per record, and probing once per row, cost it more than reading the rows.
 */
export class StatementBuilder {
  private aliases = 0;
  private tenant?: string;
  /** The parameters after the leading ones: constants, and TENANT. */
  readonly params: unknown[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private readonly leadingParams: number,
    private readonly tenantScoped: boolean,
  ) {}

  /** A statement of this builder's, its parameters as they stand. */
  statement(text: string): Statement {
    return { text, name: statementName(text), params: this.params };
  }

  /**
   * Where a record's values go in `into`: its columns; the records it points to, joined into the
   * same row (`join`, for a root query's few rows) or read after, with those of the other rows of
   * its level (a list's rows, where a join would probe once per row); and its lists, read after.
   */
  record(plan: ObjectPlan, row: RowRef, into: Row, join: boolean): RecordShape {
    const slots: Slot[] = [];
    for (const field of plan.fields) {
      if (field.kind === 'literal') slots.push(field);
      else if (field.kind === 'column') slots.push({ key: field.key, kind: 'value', at: into.add(FORMATS[field.format](row(field.column), field.column)) });
      else if (field.relation.kind === 'one' && join) {
        const target = this.from(field.plan.metadata);
        into.joins.push(`LEFT JOIN ${target.sql} ON ${target.alias}.id = ${row(columnOf(plan.metadata, field.relation.key))}${this.sameTenant(field.relation, target, plan.metadata, row)}${this.own(target)}`);
        const at = into.add(`${target.alias}.id`);
        slots.push({ key: field.key, kind: 'record', at, shape: this.record(field.plan, columnsOf(target.alias), into, true) });
      } else {
        const read = this.read(field.relation, field.plan, plan.metadata);
        const at = into.add(row(columnOf(plan.metadata, field.relation.kind === 'one' ? field.relation.key : 'id')));
        slots.push({ key: field.key, kind: 'read', read, at, tenantAt: read.byTenant ? into.add(row(columnOf(plan.metadata, 'tenantId'))) : undefined });
      }
    }
    return { slots };
  }

  /**
   * The statement that reads a relation for the parents of a level: the records they point to, or
   * their lists in the loaders' order (the relation's column, then id), grouped by parent.
   */
  private read(relation: Relation, plan: ObjectPlan, parent: EntityMetadata): RelationRead {
    // The rows that hold the parents' keys: the records themselves (one, many), or the links to them (through).
    const holders = relation.kind === 'through' ? this.dataSource.getMetadata(relation.link()) : plan.metadata;
    // Parents and records of one tenant each, kept together by tenant; unless both can only be the
    // caller's (tenant scoped, and neither table shares rows with other tenants).
    const callersOnly = this.tenantScoped && !(parent.target as SharedReads).sharedReads && !(holders.target as SharedReads).sharedReads;
    const byTenant = !relation.acrossTenants && !callersOnly && !!parent.findColumnWithPropertyName('tenantId') && !!holders.findColumnWithPropertyName('tenantId');
    const builder = new StatementBuilder(this.dataSource, byTenant ? 2 : 1, this.tenantScoped);
    const by = builder.from(holders);
    const column = (property: string) => `${by.alias}.${quote(columnOf(holders, property).databaseName)}`;
    const key = column(relation.kind === 'one' ? 'id' : relation.by);
    const row = new Row(key, ...(byTenant ? [`${by.alias}.tenant_id`] : []));
    let from = by.sql;
    let target = by;
    if (relation.kind === 'through') {
      target = builder.from(plan.metadata);
      from += ` JOIN ${target.sql} ON ${target.alias}.id = ${column(relation.key)}${builder.sameTenant(relation, target, holders, columnsOf(by.alias))}${builder.own(target)}`;
    }
    const shape = builder.record(plan, columnsOf(target.alias), row, false);
    const keyType = this.dataSource.driver.normalizeType(columnOf(holders, relation.kind === 'one' ? 'id' : relation.by));
    const keys = `${key} = ANY($1::${keyType}[])${byTenant ? ` AND ${by.alias}.tenant_id = ANY($2::uuid[])` : ''}`;
    const where = relation.kind === 'through' ? Object.entries(relation.where ?? {}).map(([property, value]) => ` AND ${column(property)} = ${builder.param(value)}`) : [];
    // Grouped by parent first: PostgreSQL then sorts each parent's few rows (with = ANY on an index, they come grouped).
    const order = relation.kind === 'one' ? '' : ` ORDER BY ${key}, ${column(relation.orderBy)}, ${by.alias}.id`;
    const text = `SELECT ${row.values.join(', ')} FROM ${from} ${row.joins.join(' ')}
      WHERE ${keys}${builder.own(by)}${where.join('')}${order}`;
    return { statement: builder.statement(text), byTenant, first: relation.kind === 'one' || (relation.kind === 'through' && !!relation.first), shape };
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
    return `$${this.leadingParams + this.params.length}`;
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
