import { ClassType, getMetadataStorage } from 'type-graphql';
import { EntityManager, getMetadataArgsStorage, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { EntityClass, RequestContext } from '../common/request';
import { BaseFilter } from './inputs';
import { isTenantRecord } from './record';

/** Adds one filter condition; `param` is a unique parameter name to bind the value to. */
export type FilterRule = (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown, param: string) => void;

/**
 * The entity's columns that the API shows (its `@Field` properties, inherited ones included): what
 * lists sort by and what a filter field of the same name compares. A column the API does not show,
 * such as a hash, is never one of them.
 */
export function apiColumns(entity: Function): string[] {
  const targets = new Set<Function>();
  for (let t = entity; t && t !== Function.prototype; t = Object.getPrototypeOf(t)) targets.add(t);
  const fields = new Set(getMetadataStorage().fields.filter((f) => targets.has(f.target)).map((f) => f.name));
  const names = getMetadataArgsStorage()
    .columns.filter((c) => targets.has(c.target as Function) && c.options.select !== false && fields.has(c.propertyName))
    .map((c) => c.propertyName);
  return [...new Set(names)];
}

/** Equal to the value, normalised first where the column keeps a normal form (tax codes, say). */
export const equals = (property: string, normalise?: (value: string) => unknown): FilterRule => (qb, value, p) =>
  void qb.andWhere(`r.${property} = :${p}`, { [p]: normalise ? normalise(String(value)) : value });
/** One of the values; an empty list selects nothing (`IN ()` is not SQL). */
export const oneOf = (property: string): FilterRule => (qb, value, p) =>
  void qb.andWhere((value as unknown[]).length ? `r.${property} IN (:...${p})` : 'false', { [p]: value });
export const atLeast = (property: string): FilterRule => (qb, value, p) =>
  void qb.andWhere(`r.${property} >= :${p}`, { [p]: value });
export const atMost = (property: string): FilterRule => (qb, value, p) =>
  void qb.andWhere(`r.${property} <= :${p}`, { [p]: value });
/** An array column that contains the value. */
export const includes = (property: string): FilterRule => (qb, value, p) =>
  void qb.andWhere(`:${p} = ANY(r.${property})`, { [p]: value });
/**
 * Records tied to the value through a link entity of the same tenant: those with a link row whose
 * `to` is theirs and whose `by` is the value (say, the signatories of a pact).
 */
export const linkedBy = <L extends ObjectLiteral>(link: EntityClass<L>, to: keyof L & string, by: keyof L & string): FilterRule => (qb, value, p) => {
  const metadata = qb.connection.getMetadata(link);
  const column = (property: string) => metadata.findColumnWithPropertyName(property)!.databaseName;
  qb.andWhere(`EXISTS (SELECT 1 FROM ${metadata.tableName} l WHERE l.tenant_id = r.tenant_id AND l.${column(to)} = r.id AND l.${column(by)} = :${p})`, { [p]: value });
};

/**
 * Who may write a resource. TENANT: editors of the owning tenant and admins, for every TenantRecord.
 * REFERENCE: admins only (global reference data, tenants, users). READ_ONLY: nobody through the API.
 */
export type WriteAccess = 'TENANT' | 'REFERENCE' | 'READ_ONLY';

/** The write access of a resource: TENANT for tenant-owned records, as declared by their entity; `access` for the rest. */
export function writeAccess(resource: Pick<Resource<ObjectLiteral>, 'entity' | 'access'>): WriteAccess {
  const tenantOwned = isTenantRecord(resource.entity);
  if (tenantOwned === Boolean(resource.access)) {
    throw new Error(`${resource.entity.name}: ${tenantOwned ? 'a tenant-owned record takes no access' : 'a global record needs access REFERENCE or READ_ONLY'}`);
  }
  return resource.access ?? 'TENANT';
}

export interface WriteHooks<E, C> {
  /** Checks and normalises the values about to be written; `existing` is set on update. */
  prepare?(ctx: RequestContext, manager: EntityManager, data: Partial<C>, existing?: E): Promise<void> | void;
  /** Runs after a create or update inside the same savepoint; throwing undoes the write. */
  afterWrite?(ctx: RequestContext, manager: EntityManager, record: E, previous?: E): Promise<void> | void;
  /** Runs after a delete inside the same savepoint; throwing undoes it. */
  afterRemove?(ctx: RequestContext, manager: EntityManager, record: E): Promise<void> | void;
}

/**
 * A check around every write of a resource, run by the CRUD service inside the write's savepoint:
 * resolve the input (hooks.prepare) → each guard's `before` → the write → hooks.afterWrite or
 * afterRemove → each guard's `after`. Throwing anywhere undoes the write.
 */
export interface WriteGuard<E, State = unknown, Impact extends object = object> {
  /** Before the write: what the guard needs later, from the record as it stands (on create, the input about to be written). */
  before(ctx: RequestContext, manager: EntityManager, record: Partial<E>): Promise<State>;
  /**
   * After the write (`record` is unset after a delete): refuses it by throwing, or returns what it
   * would have refused. A `preview` is a dry run whose savepoint is rolled back: report, do not refuse.
   */
  after(ctx: RequestContext, manager: EntityManager, state: State, record: E | undefined, options: { preview: boolean }): Promise<Impact[]>;
}

export interface Resource<E extends ObjectLiteral, C extends object = object, F extends BaseFilter = BaseFilter> {
  entity: EntityClass<E>;
  /** GraphQL names: `partner` gives partner, partners, createPartner, updatePartner, deletePartner. */
  name: string;
  plural: string;
  /** Properties searched by `q`. */
  searchable: (keyof E & string)[];
  filter: ClassType<F>;
  /** How each filter field selects records; a field named after one of `apiColumns` compares equal without one. */
  filterRules?: { [K in Exclude<keyof F, keyof BaseFilter>]?: FilterRule };
  /** Who writes records no tenant owns; tenant-owned records (TenantRecord) are written by their tenant. */
  access?: Exclude<WriteAccess, 'TENANT'>;
  /** Set to ADMIN for resources only administrators may read (users). */
  readableBy?: 'ADMIN';
  createInput?: ClassType<C>;
  updateInput?: ClassType<Partial<C>>;
  hooks?: WriteHooks<E, C>;
  /** Checks around every write, in order (WriteGuard); each keeps its own state from before to after. */
  // any: each guard keeps a state of its own type, from its before to its after.
  guards?: readonly WriteGuard<E, any>[];
  defaultSort?: { field: keyof E & string; order: 'ASC' | 'DESC' };
}
