import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isUUID } from 'class-validator';
import { getMetadataStorage } from 'type-graphql';
import { MAX_PER_PAGE, RequestContext } from '../common/request';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { plainRows, scopedQuery, selectPlain } from '../db/scoped-query';
import { BaseFilter, SortOrder } from './inputs';
import { apiColumns, equals, FilterRule, oneOf, Resource, WriteAccess, writeAccess } from './resource';

export interface SortInput {
  field: string;
  order: SortOrder;
}

export interface Page<E> {
  items: E[];
  total: number;
}

/** The fields the caller gave (text free of NUL characters: graphql/input-guard.ts sees to it). */
function givenFields<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function requireUuid(id: string, field = 'id'): void {
  if (!isUUID(id)) throw badInput(field, `${field} is not a valid identifier`);
}

/** Who may write what; the database enforces the same with grants, read-only transactions and row-level security. */
export function authorizeWrite(ctx: RequestContext, access: WriteAccess): void {
  const { role } = ctx.principal;
  if (access === 'READ_ONLY' || role === 'ANALYST' || role === 'ANONYMOUS') throw forbidden('This role may not change data');
  if (access === 'REFERENCE' && role !== 'ADMIN') throw forbidden('Only administrators change reference data');
  if (access === 'TENANT' && !ctx.principal.tenantId) {
    throw forbidden('Choose the tenant to work in (X-Tenant-Id) before changing its records');
  }
}

/** Read, list, create, update and delete for any resource, always inside the request's transaction and tenant. */
export class CrudService<E extends ObjectLiteral, C extends object = object, F extends BaseFilter = BaseFilter> {
  private readonly access: WriteAccess;

  constructor(readonly resource: Resource<E, C, F>) {
    this.access = writeAccess(resource);
    const columns = new Set(apiColumns(resource.entity));
    const rules: Record<string, FilterRule | undefined> = resource.filterRules ?? {};
    for (const { name } of getMetadataStorage().fields.filter((f) => f.target === resource.filter)) {
      if (!rules[name] && !columns.has(name)) throw new Error(`${resource.entity.name}: filter field ${name} is no field of the API and needs a rule`);
    }
  }

  private get label(): string {
    return this.resource.entity.name;
  }

  private authorizeRead(ctx: RequestContext): void {
    if (this.resource.readableBy === 'ADMIN' && ctx.principal.role !== 'ADMIN') throw forbidden('Only administrators see these records');
  }

  async get(ctx: RequestContext, id: string): Promise<E> {
    const [found] = await plainRows(await this.recordQuery(ctx, id));
    if (!found) throw notFound(this.label, id);
    return found;
  }

  /** The query `get` reads, its columns under their property names. */
  async recordQuery(ctx: RequestContext, id: string): Promise<SelectQueryBuilder<E>> {
    this.authorizeRead(ctx);
    requireUuid(id);
    const manager = await ctx.scope.manager();
    return selectPlain(scopedQuery(manager, this.resource.entity, ctx.principal).andWhere('r.id = :id', { id }));
  }

  private async findById(ctx: RequestContext, manager: EntityManager, id: string): Promise<E | null> {
    const [found] = await plainRows(scopedQuery(manager, this.resource.entity, ctx.principal).andWhere('r.id = :id', { id }));
    return found ?? null;
  }

  async list(ctx: RequestContext, filter: F | undefined, sort: SortInput[] | undefined, page: number, perPage: number): Promise<Page<E>> {
    const queries = await this.pageQueries(ctx, filter, sort, page, perPage);
    // The total rides along with the page; only a page past the end needs a count of its own.
    const rows = await plainRows(queries.page, { total: 'count(*) OVER ()' });
    const total = rows.length ? Number(rows[0].total) : page > 1 ? await queries.all.getCount() : 0;
    for (const row of rows) delete row.total;
    return { items: rows, total };
  }

  /** One page of a list, its columns under their property names, and the whole list it is part of. */
  async pageQueries(ctx: RequestContext, filter: F | undefined, sort: SortInput[] | undefined, page: number, perPage: number): Promise<{ page: SelectQueryBuilder<E>; all: SelectQueryBuilder<E> }> {
    if (!Number.isInteger(page) || page < 1) throw badInput('page', 'page starts at 1');
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
      throw badInput('perPage', `perPage must be between 1 and ${MAX_PER_PAGE}`);
    }
    const all = await this.listQuery(ctx, filter, sort);
    return { page: selectPlain(all.clone().offset((page - 1) * perPage).limit(perPage)), all };
  }

  /** The records a list shows, filtered and sorted, without paging: lists and exports read the same query. */
  async listQuery(ctx: RequestContext, filter: F | undefined, sort: SortInput[] | undefined): Promise<SelectQueryBuilder<E>> {
    this.authorizeRead(ctx);
    const manager = await ctx.scope.manager();
    const qb = scopedQuery(manager, this.resource.entity, ctx.principal);
    const { ids, q, ...fields } = (filter ?? {}) as BaseFilter & Record<string, unknown>;
    if (ids) qb.andWhere(ids.length ? 'r.id IN (:...filterIds)' : 'false', { filterIds: ids });
    if (q && q.trim()) {
      const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const metadata = manager.connection.getMetadata(this.resource.entity);
      const search = this.resource.searchable
        .map((p) => `r.${metadata.findColumnWithPropertyName(p)!.databaseName}::text ILIKE :q`)
        .join(' OR ');
      // A resource without names or codes has nothing for the search to match.
      qb.andWhere(search ? `(${search})` : 'false', { q: pattern });
    }
    const rules: Record<string, FilterRule | undefined> = this.resource.filterRules ?? {};
    Object.entries(fields).forEach(([key, value], i) => {
      if (value !== undefined && value !== null) (rules[key] ?? (Array.isArray(value) ? oneOf(key) : equals(key)))(qb, value, `f${i}`);
    });
    const order = sort?.length ? sort : [this.resource.defaultSort ?? { field: 'createdAt', order: SortOrder.DESC }];
    order.forEach(({ field, order: direction }, i) => {
      if (i === 0) qb.orderBy(`r.${field}`, direction, 'NULLS LAST');
      else qb.addOrderBy(`r.${field}`, direction, 'NULLS LAST');
    });
    qb.addOrderBy('r.id', 'ASC');
    return qb;
  }

  async create(ctx: RequestContext, input: C): Promise<E> {
    authorizeWrite(ctx, this.access);
    return ctx.scope.write(async (manager) => {
      const data: Record<string, unknown> = givenFields(input);
      await this.resource.hooks?.prepare?.(ctx, manager, data as Partial<C>);
      if (this.access === 'TENANT') data.tenantId = ctx.principal.tenantId;
      const before = await this.guardsBefore(ctx, manager, data as Partial<E>);
      // Only the columns given: id, version and the timestamps are the database's (column grants).
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(this.resource.entity, Object.keys(data))
        .values(data as QueryDeepPartialEntity<E>)
        .returning('*')
        .execute();
      const record = this.hydrate(manager, result.raw[0]);
      await this.resource.hooks?.afterWrite?.(ctx, manager, record);
      await this.guardsAfter(ctx, manager, before, record);
      return record;
    });
  }

  async update(ctx: RequestContext, id: string, version: number, input: Partial<C>): Promise<E> {
    return ctx.scope.write(async (manager) => (await this.updateIn(ctx, manager, id, version, input, false)).record);
  }

  /**
   * A dry run of an update: what its guards would refuse, and why. The update runs, the guards
   * report instead of refusing, and its savepoint is rolled back.
   */
  async previewUpdate(ctx: RequestContext, id: string, version: number, input: Partial<C>): Promise<object[]> {
    return ctx.scope.rehearse(async (manager) => (await this.updateIn(ctx, manager, id, version, input, true)).impacts);
  }

  private async updateIn(ctx: RequestContext, manager: EntityManager, id: string, version: number, input: Partial<C>, preview: boolean): Promise<{ record: E; impacts: object[] }> {
    authorizeWrite(ctx, this.access);
    requireUuid(id);
    const existing = await this.findById(ctx, manager, id);
    if (!existing) throw notFound(this.label, id);
    this.requireOwn(ctx, existing);
    const data: Record<string, unknown> = givenFields(input);
    const given = Object.keys(data);
    await this.resource.hooks?.prepare?.(ctx, manager, data as Partial<C>, existing);
    // A value a hook took for itself (a user's new password) is a change the row cannot show.
    const consumed = given.some((key) => !(key in data));
    const before = await this.guardsBefore(ctx, manager, existing);
    // The version check lives in the UPDATE itself, so two writers can never both succeed; a
    // trigger bumps the version and updated_at.
    const update = this.scopedWrite(ctx, manager.createQueryBuilder().update(this.resource.entity).set({
      ...data,
      updatedAt: () => 'now()',
    } as QueryDeepPartialEntity<E>), id, version);
    const result = await (consumed ? update : this.onlyIfChanged(manager, update, data)).returning('*').execute();
    if (!result.raw.length) {
      // Nothing differed from the record as it stands: no write, no new version, no audit event.
      const current = await this.findById(ctx, manager, id);
      if (current && current.version === version) return { record: current, impacts: [] };
      throw conflict(`${this.label} was changed by someone else; reload it and retry`, { id, version });
    }
    const record = this.hydrate(manager, result.raw[0]);
    await this.resource.hooks?.afterWrite?.(ctx, manager, record, existing);
    return { record, impacts: await this.guardsAfter(ctx, manager, before, record, preview) };
  }

  async remove(ctx: RequestContext, id: string, version: number): Promise<E> {
    authorizeWrite(ctx, this.access);
    requireUuid(id);
    return ctx.scope.write(async (manager) => {
      const existing = await this.findById(ctx, manager, id);
      if (!existing) throw notFound(this.label, id);
      this.requireOwn(ctx, existing);
      const before = await this.guardsBefore(ctx, manager, existing);
      const result = await this.scopedWrite(ctx, manager.createQueryBuilder().delete().from(this.resource.entity), id, version)
        .returning('*')
        .execute();
      if (!result.raw.length) throw conflict(`${this.label} was changed by someone else; reload it and retry`, { id, version });
      const record = this.hydrate(manager, result.raw[0]);
      await this.resource.hooks?.afterRemove?.(ctx, manager, record);
      await this.guardsAfter(ctx, manager, before);
      return record;
    });
  }

  /** Each guard's state before a write, in the order the resource lists them. */
  private async guardsBefore(ctx: RequestContext, manager: EntityManager, record: Partial<E>): Promise<unknown[]> {
    const states: unknown[] = [];
    for (const guard of this.resource.guards ?? []) states.push(await guard.before(ctx, manager, record));
    return states;
  }

  /** Each guard after the write, with its own state; what they report (on a preview) in one list. */
  private async guardsAfter(ctx: RequestContext, manager: EntityManager, states: unknown[], record?: E, preview = false): Promise<object[]> {
    const impacts: object[] = [];
    for (const [i, guard] of (this.resource.guards ?? []).entries()) impacts.push(...(await guard.after(ctx, manager, states[i], record, { preview })));
    return impacts;
  }

  /** A record another tenant shares for reading (db/scoped-query.ts) is not the caller's to change. */
  private requireOwn(ctx: RequestContext, existing: E): void {
    if (this.access === 'TENANT' && existing.tenantId !== ctx.principal.tenantId) {
      throw forbidden(`Questo record appartiene a un altro ente: si può leggere, non modificare. (${this.label} belongs to another tenant: readable, not writable.)`);
    }
  }

  private scopedWrite<Q extends { where(sql: string, params: object): Q; andWhere(sql: string, params: object): Q }>(
    ctx: RequestContext,
    qb: Q,
    id: string,
    version: number,
  ): Q {
    const scoped = qb.where('id = :id AND version = :version', { id, version });
    return this.access === 'TENANT' ? scoped.andWhere('tenant_id = :tenantId', { tenantId: ctx.principal.tenantId }) : scoped;
  }

  /** Restricts an UPDATE to a row where at least one given value differs, as PostgreSQL compares them (IS DISTINCT FROM). */
  private onlyIfChanged<Q extends { andWhere(sql: string, params?: object): Q }>(manager: EntityManager, qb: Q, data: Record<string, unknown>): Q {
    const metadata = manager.connection.getMetadata(this.resource.entity);
    const columns = Object.keys(data).map((property) => metadata.findColumnWithPropertyName(property));
    if (columns.some((column) => !column)) return qb;
    const params: Record<string, unknown> = {};
    const differs = columns.map((column, i) => {
      params[`changed${i}`] = data[column!.propertyName];
      return `"${column!.databaseName}" IS DISTINCT FROM :changed${i}`;
    });
    return qb.andWhere(differs.length ? `(${differs.join(' OR ')})` : 'false', params);
  }

  /** Builds an entity from a RETURNING row, which carries column names rather than properties. */
  private hydrate(manager: EntityManager, row: Record<string, unknown>): E {
    const metadata = manager.connection.getMetadata(this.resource.entity);
    const record = metadata.create() as E;
    for (const column of metadata.columns) column.setEntityValue(record, row[column.databaseName]);
    return record;
  }
}
