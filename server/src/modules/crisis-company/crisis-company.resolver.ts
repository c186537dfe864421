import { Resolver } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { CrisisCompany } from './crisis-company.entity';
import { crisisCompanyResource } from './crisis-company.service';

@Resolver(() => CrisisCompany)
export class CrisisCompanyResolver extends crudResolver(crisisCompanyResource) {}
