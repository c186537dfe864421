import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { NetworkImpactReport } from '../network/network.entity';
import { FundingTier, Measure, MeasureCompatibility, ServiceType } from './measure.entity';
import { UpdateFundingTierInput, UpdateMeasureInput } from './measure.inputs';
import { measureResource, fundingTierResource, serviceTypeResource, measureCompatibilityResource } from './measure.service';

@Resolver(() => Measure)
export class MeasureResolver extends crudResolver(measureResource) {
  @Mutation(() => [NetworkImpactReport], { description: 'Dry run of updateMeasure: the ACTIVE networks the change would put out of compliance, and why. Nothing is saved.' })
  previewUpdateMeasure(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => UpdateMeasureInput) input: Partial<Measure>,
    @Ctx() ctx: Context,
  ): Promise<object[]> {
    return this.service.previewUpdate(ctx, id, version, input);
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
}

@Resolver(() => ServiceType)
export class ServiceTypeResolver extends crudResolver(serviceTypeResource) {}

@Resolver(() => MeasureCompatibility)
export class MeasureCompatibilityResolver extends crudResolver(measureCompatibilityResource) {}
