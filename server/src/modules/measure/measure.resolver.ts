import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { NetworkImpactReport } from '../network/network.entity';
import { FundingTier, Measure, MeasureCompatibility, ServiceType } from './measure.entity';
import { UpdateFundingTierInput, UpdateMeasureInput } from './measure.inputs';
import { measureResource, fundingTierResource, serviceTypeResource, measureCompatibilityResource } from './measure.service';

@Resolver(() => Measure)
export class MeasureResolver extends crudResolver(measureResource) {
  @FieldResolver(() => [FundingTier])
  fundingTiers(@Root() measure: Measure, @Ctx() ctx: Context): Promise<FundingTier[]> {
    return ctx.loaders.manyBy(FundingTier, 'measureId', 'minRecipients').load(measure.id);
  }

  @Mutation(() => [NetworkImpactReport], { description: 'Dry run of updateMeasure: the ACTIVE networks the change would put out of compliance, and why. Nothing is saved.' })
  previewUpdateMeasure(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateMeasureInput) input: Partial<Measure>,
    @Ctx() ctx: Context,
  ): Promise<object[]> {
    return this.service.previewUpdate(ctx, id, version, input);
  }

  @FieldResolver(() => [ServiceType])
  serviceTypes(@Root() measure: Measure, @Ctx() ctx: Context): Promise<ServiceType[]> {
    return ctx.loaders.manyBy(ServiceType, 'measureId', 'phase').load(measure.id);
  }
}

@Resolver(() => FundingTier)
export class FundingTierResolver extends crudResolver(fundingTierResource) {
  @Mutation(() => [NetworkImpactReport], { description: 'Dry run of updateFundingTier: the ACTIVE networks the change would put out of compliance, and why. Nothing is saved.' })
  previewUpdateFundingTier(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateFundingTierInput) input: Partial<FundingTier>,
    @Ctx() ctx: Context,
  ): Promise<object[]> {
    return this.service.previewUpdate(ctx, id, version, input);
  }

  @FieldResolver(() => Measure)
  measure(@Root() tier: FundingTier, @Ctx() ctx: Context): Promise<Measure | null> {
    return ctx.loaders.byId(Measure).load(tier.measureId);
  }
}

@Resolver(() => ServiceType)
export class ServiceTypeResolver extends crudResolver(serviceTypeResource) {
  @FieldResolver(() => Measure)
  measure(@Root() service: ServiceType, @Ctx() ctx: Context): Promise<Measure | null> {
    return ctx.loaders.byId(Measure).load(service.measureId);
  }
}

@Resolver(() => MeasureCompatibility)
export class MeasureCompatibilityResolver extends crudResolver(measureCompatibilityResource) {
  @FieldResolver(() => Measure)
  measure(@Root() pair: MeasureCompatibility, @Ctx() ctx: Context): Promise<Measure | null> {
    return ctx.loaders.byId(Measure).load(pair.measureId);
  }

  @FieldResolver(() => Measure)
  compatibleMeasure(@Root() pair: MeasureCompatibility, @Ctx() ctx: Context): Promise<Measure | null> {
    return ctx.loaders.byId(Measure).load(pair.compatibleMeasureId);
  }
}
