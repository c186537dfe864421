import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { Context } from '../../graphql/context';
import { FundingTier, Measure, ServiceType } from './measure.entity';
import { measureResource, fundingTierResource, serviceTypeResource } from './measure.service';

@Resolver(() => Measure)
export class MeasureResolver extends crudResolver(measureResource) {
  @FieldResolver(() => [FundingTier])
  fundingTiers(@Root() measure: Measure, @Ctx() ctx: Context): Promise<FundingTier[]> {
    return ctx.loaders.manyBy(FundingTier, 'measureId', 'minRecipients').load(measure.id);
  }

  @FieldResolver(() => [ServiceType])
  serviceTypes(@Root() measure: Measure, @Ctx() ctx: Context): Promise<ServiceType[]> {
    return ctx.loaders.manyBy(ServiceType, 'measureId', 'phase').load(measure.id);
  }
}

@Resolver(() => FundingTier)
export class FundingTierResolver extends crudResolver(fundingTierResource) {
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
