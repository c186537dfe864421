import { ClassType } from 'type-graphql';
import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { EntityClass, RequestContext } from '../common/request';
import { BaseFilter } from './inputs';

/** Adds one filter condition; `param` is a unique parameter name to bind the value to. */
export type FilterRule = (qb: SelectQueryBuilder<ObjectLiteral>, value: unknown, param: string) => void;

export const equals = (property: string): FilterRule => (qb, value, p) =>
  void qb.andWhere(`r.${property} = :${p}`, { [p]: value });
export const oneOf = (property: string): FilterRule => (qb, value, p) =>
  void qb.andWhere(`r.${property} IN (:...${p})`, { [p]: value });
export const atLeast = (property: string): FilterRule => (qb, value, p) =>
  void qb.andWhere(`r.${property} >= :${p}`, { [p]: value });
export const atMost = (property: string): FilterRule => (qb, value, p) =>
  void qb.andWhere(`r.${property} <= :${p}`, { [p]: value });
/** A condition in SQL on alias r, with the value bound as :value, e.g. an EXISTS over a link table. */
export const where = (sql: string): FilterRule => (qb, value, p) =>
  void qb.andWhere(sql.replace(/:value\b/g, `:${p}`), { [p]: value });

/**
 * Who may write a resource. TENANT: editors of the owning tenant and admins. REFERENCE: admins
 * only (global reference data, tenants, users). READ_ONLY: nobody through the API.
 */
export type WriteAccess = 'TENANT' | 'REFERENCE' | 'READ_ONLY';

export interface WriteHooks<E, C> {
  /** Checks and normalises the values about to be written; `existing` is set on update. */
  prepare?(ctx: RequestContext, manager: EntityManager, data: Partial<C>, existing?: E): Promise<void> | void;
  /** Runs after a create or update inside the same savepoint; throwing undoes the write. */
  afterWrite?(ctx: RequestContext, manager: EntityManager, record: E, previous?: E): Promise<void> | void;
  /** Runs after a delete inside the same savepoint; throwing undoes it. */
  afterRemove?(ctx: RequestContext, manager: EntityManager, record: E): Promise<void> | void;
}

export interface Resource<E extends ObjectLiteral, C extends object = object, F extends BaseFilter = BaseFilter> {
  entity: EntityClass<E>;
  /** GraphQL names: `network` gives network, networks, createNetwork, updateNetwork, deleteNetwork. */
  name: string;
  plural: string;
  /** Properties searched by `q`. */
  searchable: (keyof E & string)[];
  filter: ClassType<F>;
  filterRules: { [K in Exclude<keyof F, keyof BaseFilter>]-?: FilterRule };
  access: WriteAccess;
  /** Set to ADMIN for resources only administrators may read (users). */
  readableBy?: 'ADMIN';
  createInput?: ClassType<C>;
  updateInput?: ClassType<Partial<C>>;
  hooks?: WriteHooks<E, C>;
  defaultSort?: { field: keyof E & string; order: 'ASC' | 'DESC' };
}
