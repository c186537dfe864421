import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { EntityClass, Principal } from '../common/request';

export function isTenantOwned(manager: EntityManager, entity: EntityClass): boolean {
  return manager.connection.getMetadata(entity).columns.some((c) => c.propertyName === 'tenantId');
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
    qb.where(`${alias}.tenantId = :scopeTenantId`, { scopeTenantId: principal.tenantId });
  } else {
    qb.where('true');
  }
  return qb;
}
