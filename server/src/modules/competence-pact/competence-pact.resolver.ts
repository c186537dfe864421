import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { atLeast, atMost, equals, Resource, where } from '../../crud/resource';
import { Context } from '../../graphql/context';
import { present } from '../../graphql/loaders';
import { Partner } from '../partner/partner.entity';
import { Network } from '../network/network.entity';
import { CompetencePact, PactSignatory } from './competence-pact.entity';
import * as inputs from './competence-pact.inputs';

export const competencePactResource: Resource<CompetencePact, inputs.CreateCompetencePactInput, inputs.CompetencePactFilter> = {
  entity: CompetencePact,
  name: 'competencePact',
  plural: 'competencePacts',
  searchable: ['name', 'territory', 'referenceAct'],
  filter: inputs.CompetencePactFilter,
  filterRules: {
    signedFrom: atLeast('signedOn'),
    signedTo: atMost('signedOn'),
    partnerId: where('EXISTS (SELECT 1 FROM pact_signatories s WHERE s.tenant_id = r.tenant_id AND s.pact_id = r.id AND s.partner_id = :value)'),
  },
  access: 'TENANT',
  createInput: inputs.CreateCompetencePactInput,
  updateInput: inputs.UpdateCompetencePactInput,
  defaultSort: { field: 'name', order: 'ASC' },
};

@Resolver(() => CompetencePact)
export class CompetencePactResolver extends crudResolver(competencePactResource) {
  @FieldResolver(() => [Partner], { description: 'Partners that signed the pact.' })
  async signatories(@Root() pact: CompetencePact, @Ctx() ctx: Context): Promise<Partner[]> {
    const links = await ctx.loaders.manyBy(PactSignatory, 'pactId').load(pact.id);
    return present(await ctx.loaders.byId(Partner).loadMany(links.map((l) => l.partnerId)));
  }

  @FieldResolver(() => [Network])
  networks(@Root() pact: CompetencePact, @Ctx() ctx: Context): Promise<Network[]> {
    return ctx.loaders.manyBy(Network, 'pactId').load(pact.id);
  }
}

export const pactSignatoryResource: Resource<PactSignatory, inputs.CreatePactSignatoryInput, inputs.PactSignatoryFilter> = {
  entity: PactSignatory,
  name: 'pactSignatory',
  plural: 'pactSignatories',
  searchable: [],
  filter: inputs.PactSignatoryFilter,
  filterRules: { pactId: equals('pactId'), partnerId: equals('partnerId') },
  access: 'TENANT',
  createInput: inputs.CreatePactSignatoryInput,
  updateInput: inputs.UpdatePactSignatoryInput,
};

@Resolver(() => PactSignatory)
export class PactSignatoryResolver extends crudResolver(pactSignatoryResource) {
  @FieldResolver(() => CompetencePact)
  pact(@Root() link: PactSignatory, @Ctx() ctx: Context): Promise<CompetencePact | null> {
    return ctx.loaders.byId(CompetencePact).load(link.pactId);
  }

  @FieldResolver(() => Partner)
  partner(@Root() link: PactSignatory, @Ctx() ctx: Context): Promise<Partner | null> {
    return ctx.loaders.byId(Partner).load(link.partnerId);
  }
}
