import DataLoader from 'dataloader';
import { ObjectLiteral } from 'typeorm';
import { BatchReads, EntityClass } from '../common/request';
import { plainRows, scopedQuery } from '../db/scoped-query';
import { RequestScope } from '../db/request-scope';

/**
 * Per-request batch loaders. A field resolver asks for one key; everything asked in the same tick
 * becomes one `IN (...)` query inside the request's transaction. Results come back in key order.
 */
export class Loaders implements BatchReads {
  private readonly loaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly scope: RequestScope) {}

  /** What all tenants together committed from each fund source: only the totals cross tenants. */
  readonly fundCommitted = new DataLoader<string, string>(async (ids) => {
    const manager = await this.scope.manager();
    const rows: { id: string; committed: string }[] = await manager.query(
      'SELECT id, fund_source_committed(id)::text AS committed FROM unnest($1::uuid[]) AS id',
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r.committed]));
    return ids.map((id) => byId.get(id) ?? '0');
  });

  byId<E extends ObjectLiteral>(entity: EntityClass<E>): DataLoader<string, E | null> {
    return this.loader(entity, 'id', 'id', (rows, keys) => {
      const byKey = new Map(rows.map((row) => [row.id as string, row]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
  }

  /**
   * Per network, its enrolments that overlap an exclusive enrolment elsewhere; nothing else crosses
   * tenants. The check records (and may refuse) probes of other tenants' enrolments, hence a savepoint.
   */
  readonly exclusiveOverlaps = new DataLoader<string, string[]>(async (networkIds) => {
    const rows: { network_id: string; enrolment_id: string }[] = await this.scope.write((manager) => manager.query('SELECT * FROM exclusive_overlaps($1::uuid[])', [networkIds]));
    return networkIds.map((id) => rows.filter((r) => r.network_id === id).map((r) => r.enrolment_id));
  });

  readonly actorNames = new DataLoader<string, string | null>(async (ids) => {
    const manager = await this.scope.manager();
    const rows: { id: string; display_name: string }[] = await manager.query('SELECT * FROM audit_actor_names($1::uuid[])', [ids]);
    const byId = new Map(rows.map((r) => [r.id, r.display_name]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  /** All rows whose `property` equals the key, e.g. the members of each network, in `orderBy` order. */
  manyBy<E extends ObjectLiteral>(
    entity: EntityClass<E>,
    property: keyof E & string,
    orderBy: keyof E & string = 'createdAt',
  ): DataLoader<string, E[]> {
    return this.loader(entity, property, orderBy, (rows, keys) => {
      const groups = new Map<string, E[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(row[property] as string)?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    });
  }

  private loader<E extends ObjectLiteral, R>(
    entity: EntityClass<E>,
    property: string,
    orderBy: string,
    arrange: (rows: E[], keys: readonly string[]) => R[],
  ): DataLoader<string, R> {
    const cacheKey = `${entity.name}.${property}.${orderBy}`;
    let loader = this.loaders.get(cacheKey) as DataLoader<string, R> | undefined;
    if (!loader) {
      loader = new DataLoader<string, R>(async (keys) => {
        const manager = await this.scope.manager();
        const rows = await plainRows(
          scopedQuery(manager, entity, this.scope.principal)
            .andWhere(`r.${property} = ANY(:keys)`, { keys })
            .orderBy(`r.${orderBy}`, 'ASC')
            .addOrderBy('r.id', 'ASC'),
        );
        return arrange(rows, keys);
      });
      this.loaders.set(cacheKey, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
