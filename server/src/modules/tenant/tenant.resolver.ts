import { Resolver } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Tenant } from './tenant.entity';
import { tenantResource } from './tenant.service';

@Resolver(() => Tenant)
export class TenantResolver extends crudResolver(tenantResource) {}
