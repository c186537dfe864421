import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { present } from '../../common/request';
import { Municipality, PartnerType } from '../reference/reference.entities';
import { Network } from '../network/network.entity';
import { Tenant } from '../tenant/tenant.entity';
import {
  AmbitoMunicipality,
  CallStatus,
  CodesignAction,
  CodesignCall,
  CodesignCriterion,
  CodesignEvaluator,
  CodesignProposal,
  CodesignProposalPartner,
  CodesignScore,
  Completeness,
  RankingEntry,
  TargetGroup,
} from './codesign.entity';
import { AwardCodesignCallInput } from './codesign.inputs';
import {
  ambitoMunicipalityResource,
  awardCodesignCall,
  codesignActionResource,
  codesignCallResource,
  codesignCriterionResource,
  codesignEvaluatorResource,
  codesignProposalPartnerResource,
  codesignProposalResource,
  codesignScoreResource,
  completenessOf,
  missingSections,
  rankingOf,
  setCodesignCallStatus,
  submitCodesignProposal,
  targetGroupResource,
} from './codesign.service';

@Resolver(() => AmbitoMunicipality)
export class AmbitoMunicipalityResolver extends crudResolver(ambitoMunicipalityResource) {
  @FieldResolver(() => Tenant, { nullable: true })
  ambito(@Root() row: AmbitoMunicipality, @Ctx() ctx: Context): Promise<Tenant | null> {
    return ctx.loaders.byId(Tenant).load(row.ambitoId);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() row: AmbitoMunicipality, @Ctx() ctx: Context): Promise<Municipality | null> {
    return ctx.loaders.byId(Municipality).load(row.municipalityId);
  }
}

@Resolver(() => Tenant)
export class AmbitoTerritoryResolver {
  @FieldResolver(() => [Municipality], { description: 'For an ambito, the municipalities it is made of.' })
  async municipalities(@Root() tenant: Tenant, @Ctx() ctx: Context): Promise<Municipality[]> {
    const rows = await ctx.loaders.manyBy(AmbitoMunicipality, 'ambitoId').load(tenant.id);
    return present(await ctx.loaders.byId(Municipality).loadMany(rows.map((r) => r.municipalityId)));
  }
}

@Resolver(() => TargetGroup)
export class TargetGroupResolver extends crudResolver(targetGroupResource) {}

@Resolver(() => CodesignCall)
export class CodesignCallResolver extends crudResolver(codesignCallResource) {
  @FieldResolver(() => [CodesignCriterion])
  criteria(@Root() call: CodesignCall, @Ctx() ctx: Context): Promise<CodesignCriterion[]> {
    return ctx.loaders.manyBy(CodesignCriterion, 'callId', 'position').load(call.id);
  }

  @FieldResolver(() => [TargetGroup])
  async targetGroups(@Root() call: CodesignCall, @Ctx() ctx: Context): Promise<TargetGroup[]> {
    return present(await ctx.loaders.byId(TargetGroup).loadMany(call.targetGroupIds));
  }

  @FieldResolver(() => [CodesignEvaluator], { description: "The Ambito's evaluators; empty for anyone else." })
  evaluators(@Root() call: CodesignCall, @Ctx() ctx: Context): Promise<CodesignEvaluator[]> {
    return ctx.loaders.manyBy(CodesignEvaluator, 'callId').load(call.id);
  }

  @FieldResolver(() => [CodesignProposal], { description: 'For the Ambito, the proposals submitted; for a body, its own.' })
  proposals(@Root() call: CodesignCall, @Ctx() ctx: Context): Promise<CodesignProposal[]> {
    return ctx.loaders.manyBy(CodesignProposal, 'callId').load(call.id);
  }

  @FieldResolver(() => [RankingEntry], { description: 'For the Ambito at any time; public to the bodies once the call is awarded.' })
  ranking(@Root() call: CodesignCall, @Ctx() ctx: Context): Promise<RankingEntry[]> {
    return rankingOf(ctx, call.id);
  }

  @FieldResolver(() => Network, { nullable: true, description: 'The co-designed project, once awarded.' })
  network(@Root() call: CodesignCall, @Ctx() ctx: Context): Promise<Network | null> | null {
    return call.networkId ? ctx.loaders.byId(Network).load(call.networkId) : null;
  }

  @Mutation(() => CodesignCall, { description: 'DRAFT → PUBLISHED → CLOSED. The award has its own mutation.' })
  setCodesignCallStatus(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('status', () => CallStatus) status: CallStatus,
    @Ctx() ctx: Context,
  ): Promise<CodesignCall> {
    return setCodesignCallStatus(ctx, id, version, status);
  }

  @Mutation(() => CodesignCall, { description: 'CLOSED → AWARDED: outcomes, approving act, and the COPROGETTAZIONE_ART55 network with the selected partners.' })
  awardCodesignCall(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => AwardCodesignCallInput) input: AwardCodesignCallInput,
    @Ctx() ctx: Context,
  ): Promise<CodesignCall> {
    return awardCodesignCall(ctx, id, version, input);
  }
}

@Resolver(() => CodesignCriterion)
export class CodesignCriterionResolver extends crudResolver(codesignCriterionResource) {}

@Resolver(() => CodesignEvaluator)
export class CodesignEvaluatorResolver extends crudResolver(codesignEvaluatorResource) {
  @FieldResolver(() => String, { nullable: true, description: "The evaluator's display name, for colleagues of the same office and administrators." })
  userName(@Root() evaluator: CodesignEvaluator, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.loaders.actorNames.load(evaluator.userId);
  }
}

@Resolver(() => CodesignProposal)
export class CodesignProposalResolver extends crudResolver(codesignProposalResource) {
  @FieldResolver(() => CodesignCall, { nullable: true })
  call(@Root() proposal: CodesignProposal, @Ctx() ctx: Context): Promise<CodesignCall | null> {
    return ctx.loaders.byId(CodesignCall).load(proposal.callId);
  }

  @FieldResolver(() => [CodesignProposalPartner])
  partners(@Root() proposal: CodesignProposal, @Ctx() ctx: Context): Promise<CodesignProposalPartner[]> {
    return ctx.loaders.manyBy(CodesignProposalPartner, 'proposalId', 'legalName').load(proposal.id);
  }

  @FieldResolver(() => [CodesignAction])
  actions(@Root() proposal: CodesignProposal, @Ctx() ctx: Context): Promise<CodesignAction[]> {
    return ctx.loaders.manyBy(CodesignAction, 'proposalId', 'position').load(proposal.id);
  }

  @FieldResolver(() => Completeness)
  async completeness(@Root() proposal: CodesignProposal, @Ctx() ctx: Context): Promise<Completeness> {
    return completenessOf(await ctx.loaders.manyBy(CodesignAction, 'proposalId', 'position').load(proposal.id));
  }

  @FieldResolver(() => [CodesignScore], { description: "The evaluators' scores; the Ambito's alone to read." })
  scores(@Root() proposal: CodesignProposal, @Ctx() ctx: Context): Promise<CodesignScore[]> {
    return ctx.loaders.manyBy(CodesignScore, 'proposalId').load(proposal.id);
  }

  @Mutation(() => CodesignProposal, { description: 'DRAFT → SUBMITTED, only complete and before the deadline; read-only afterwards.' })
  submitCodesignProposal(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context): Promise<CodesignProposal> {
    return submitCodesignProposal(ctx, id, version);
  }
}

@Resolver(() => CodesignProposalPartner)
export class CodesignProposalPartnerResolver extends crudResolver(codesignProposalPartnerResource) {
  @FieldResolver(() => PartnerType, { nullable: true })
  partnerType(@Root() partner: CodesignProposalPartner, @Ctx() ctx: Context): Promise<PartnerType | null> {
    return ctx.loaders.byId(PartnerType).load(partner.partnerTypeId);
  }
}

@Resolver(() => CodesignAction)
export class CodesignActionResolver extends crudResolver(codesignActionResource) {
  @FieldResolver(() => [Int], { description: 'Numbers (1–10) of the sections still empty.' })
  missingSections(@Root() action: CodesignAction): number[] {
    return missingSections(action);
  }
}

@Resolver(() => CodesignScore)
export class CodesignScoreResolver extends crudResolver(codesignScoreResource) {
  @FieldResolver(() => CodesignCriterion, { nullable: true })
  criterion(@Root() score: CodesignScore, @Ctx() ctx: Context): Promise<CodesignCriterion | null> {
    return ctx.loaders.byId(CodesignCriterion).load(score.criterionId);
  }

  @FieldResolver(() => String, { nullable: true, description: "The evaluator's display name, for colleagues of the same office and administrators." })
  evaluatorName(@Root() score: CodesignScore, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.loaders.actorNames.load(score.evaluatorId);
  }
}

/** Every resolver class of the co-design module. */
export const codesignResolvers = [
  AmbitoMunicipalityResolver, AmbitoTerritoryResolver, TargetGroupResolver, CodesignCallResolver, CodesignCriterionResolver,
  CodesignEvaluatorResolver, CodesignProposalResolver, CodesignProposalPartnerResolver, CodesignActionResolver, CodesignScoreResolver,
] as const;
