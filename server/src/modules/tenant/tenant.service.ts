import { Resource } from '../../crud/resource';
import { Tenant } from './tenant.entity';
import { CreateTenantInput, TenantFilter, UpdateTenantInput } from './tenant.inputs';

export const tenantResource: Resource<Tenant, CreateTenantInput, TenantFilter> = {
  entity: Tenant,
  name: 'tenant',
  plural: 'tenants',
  searchable: ['code', 'name', 'istatCode'],
  filter: TenantFilter,
  access: 'REFERENCE',
  createInput: CreateTenantInput,
  updateInput: UpdateTenantInput,
  defaultSort: { field: 'name', order: 'ASC' },
};
