import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { present } from '../../common/request';
import { Partner } from '../partner/partner.entity';
import { Network } from '../network/network.entity';
import { CompetencePact, PactSignatory } from './competence-pact.entity';
import { competencePactResource, pactSignatoryResource } from './competence-pact.service';

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
