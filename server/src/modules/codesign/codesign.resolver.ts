import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { present } from '../../common/request';
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
export class AmbitoMunicipalityResolver extends crudResolver(ambitoMunicipalityResource) {}

@Resolver(() => TargetGroup)
export class TargetGroupResolver extends crudResolver(targetGroupResource) {}

@Resolver(() => CodesignCall)
export class CodesignCallResolver extends crudResolver(codesignCallResource) {
  @FieldResolver(() => [TargetGroup])
  async targetGroups(@Root() call: CodesignCall, @Ctx() ctx: Context): Promise<TargetGroup[]> {
    return present(await ctx.loaders.byId(TargetGroup).loadMany(call.targetGroupIds));
  }

  @FieldResolver(() => [RankingEntry], { description: 'For the Ambito at any time; public to the bodies once the call is awarded.' })
  ranking(@Root() call: CodesignCall, @Ctx() ctx: Context): Promise<RankingEntry[]> {
    return rankingOf(ctx, call.id);
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
  @FieldResolver(() => Completeness)
  async completeness(@Root() proposal: CodesignProposal, @Ctx() ctx: Context): Promise<Completeness> {
    return completenessOf(await ctx.loaders.manyBy(CodesignAction, 'proposalId', 'position').load(proposal.id));
  }

  @Mutation(() => CodesignProposal, { description: 'DRAFT → SUBMITTED, only complete and before the deadline; read-only afterwards.' })
  submitCodesignProposal(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context): Promise<CodesignProposal> {
    return submitCodesignProposal(ctx, id, version);
  }
}

@Resolver(() => CodesignProposalPartner)
export class CodesignProposalPartnerResolver extends crudResolver(codesignProposalPartnerResource) {}

@Resolver(() => CodesignAction)
export class CodesignActionResolver extends crudResolver(codesignActionResource) {
  @FieldResolver(() => [Int], { description: 'Numbers (1–10) of the sections still empty.' })
  missingSections(@Root() action: CodesignAction): number[] {
    return missingSections(action);
  }
}

@Resolver(() => CodesignScore)
export class CodesignScoreResolver extends crudResolver(codesignScoreResource) {
  @FieldResolver(() => String, { nullable: true, description: "The evaluator's display name, for colleagues of the same office and administrators." })
  evaluatorName(@Root() score: CodesignScore, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.loaders.actorNames.load(score.evaluatorId);
  }
}

/** Every resolver class of the co-design module. */
export const codesignResolvers = [
  AmbitoMunicipalityResolver, TargetGroupResolver, CodesignCallResolver, CodesignCriterionResolver,
  CodesignEvaluatorResolver, CodesignProposalResolver, CodesignProposalPartnerResolver, CodesignActionResolver, CodesignScoreResolver,
] as const;
