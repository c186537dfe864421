import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { EntityClass, Principal } from '../common/request';

function isTenantOwned(manager: EntityManager, entity: EntityClass): boolean {
  return manager.connection.getMetadata(entity).columns.some((c) => c.propertyName === 'tenantId');
}

/**
 * A tenant-owned entity whose rows another tenant may also read (co-design: the Ambito reads the
 * bodies' proposals). The condition, beside the own tenant, may use :scopeTenantId; row-level
 * security still decides which of those rows the request gets.
 */
export interface SharedReads {
  sharedReads?(alias: string): string;
  /** What those who read every tenant may see of the entity, when not all of it (co-design: no drafts). */
  allTenantsReads?(alias: string): string;
}

/**
 * Every read of a tenant-owned table starts here: the tenant comes from the verified principal,
 * never from an argument. Row-level security enforces the same in the database.
 */
export function scopedQuery<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityClass<E>,
  principal: Principal,
  alias = 'r',
): SelectQueryBuilder<E> {
  const qb = manager.getRepository(entity).createQueryBuilder(alias);
  if (principal.tenantId && isTenantOwned(manager, entity)) {
    const shared = (entity as SharedReads).sharedReads?.(alias);
    qb.where(shared ? `(${alias}.tenantId = :scopeTenantId OR ${shared})` : `${alias}.tenantId = :scopeTenantId`, { scopeTenantId: principal.tenantId });
  } else {
    qb.where((entity as SharedReads).allTenantsReads?.(alias) ?? 'true');
  }
  return qb;
}

/**
 * Selects the entity's readable columns under their property names and returns the rows as
 * instances of the entity without TypeORM's hydration, which dominates the cost of large reads.
 */
export async function plainRows<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, extra: Record<string, string> = {}): Promise<(E & Record<string, unknown>)[]> {
  const rows = await selectPlain(qb, extra).getRawMany();
  const prototype = (qb.expressionMap.mainAlias!.metadata.target as Function).prototype;
  for (const row of rows) Object.setPrototypeOf(row, prototype);
  return rows;
}

/** Selects the entity's readable columns under their property names (what plainRows reads). */
export function selectPlain<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>, extra: Record<string, string> = {}): SelectQueryBuilder<E> {
  const { metadata } = qb.expressionMap.mainAlias!;
  qb.select([]);
  for (const column of metadata.columns) if (column.isSelect) qb.addSelect(`${qb.alias}.${column.propertyPath}`, column.propertyName);
  for (const [name, expression] of Object.entries(extra)) qb.addSelect(expression, name);
  return qb;
}
