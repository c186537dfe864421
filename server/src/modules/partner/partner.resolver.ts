import { Resolver } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Partner } from './partner.entity';
import { partnerResource } from './partner.service';

@Resolver(() => Partner)
export class PartnerResolver extends crudResolver(partnerResource) {}
