import { Resolver } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { CompetencePact, PactSignatory } from './competence-pact.entity';
import { competencePactResource, pactSignatoryResource } from './competence-pact.service';

@Resolver(() => CompetencePact)
export class CompetencePactResolver extends crudResolver(competencePactResource) {}

@Resolver(() => PactSignatory)
export class PactSignatoryResolver extends crudResolver(pactSignatoryResource) {}
