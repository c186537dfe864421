import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { crudResolver } from '../../crud/crud.resolver';
import { equals, Resource, where } from '../../crud/resource';
import { Context } from '../../graphql/context';
import { FundingTier, Measure, ServiceType } from './measure.entity';
import * as inputs from './measure.inputs';

export const measureResource: Resource<Measure, inputs.CreateMeasureInput, inputs.MeasureFilter> = {
  entity: Measure,
  name: 'measure',
  plural: 'measures',
  searchable: ['code', 'name', 'legalAct'],
  filter: inputs.MeasureFilter,
  filterRules: { rule: where(':value = ANY(r.rules)') },
  access: 'REFERENCE',
  createInput: inputs.CreateMeasureInput,
  updateInput: inputs.UpdateMeasureInput,
  defaultSort: { field: 'code', order: 'ASC' },
};

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

export const fundingTierResource: Resource<FundingTier, inputs.CreateFundingTierInput, inputs.FundingTierFilter> = {
  entity: FundingTier,
  name: 'fundingTier',
  plural: 'fundingTiers',
  searchable: ['minRecipients', 'maxRecipients', 'maxContribution'],
  filter: inputs.FundingTierFilter,
  filterRules: { measureId: equals('measureId') },
  access: 'REFERENCE',
  createInput: inputs.CreateFundingTierInput,
  updateInput: inputs.UpdateFundingTierInput,
  defaultSort: { field: 'minRecipients', order: 'ASC' },
};

@Resolver(() => FundingTier)
export class FundingTierResolver extends crudResolver(fundingTierResource) {
  @FieldResolver(() => Measure)
  measure(@Root() tier: FundingTier, @Ctx() ctx: Context): Promise<Measure | null> {
    return ctx.loaders.byId(Measure).load(tier.measureId);
  }
}

export const serviceTypeResource: Resource<ServiceType, inputs.CreateServiceTypeInput, inputs.ServiceTypeFilter> = {
  entity: ServiceType,
  name: 'serviceType',
  plural: 'serviceTypes',
  searchable: ['code', 'name'],
  filter: inputs.ServiceTypeFilter,
  filterRules: { measureId: equals('measureId'), phase: equals('phase'), category: equals('category') },
  access: 'REFERENCE',
  createInput: inputs.CreateServiceTypeInput,
  updateInput: inputs.UpdateServiceTypeInput,
  defaultSort: { field: 'phase', order: 'ASC' },
};

@Resolver(() => ServiceType)
export class ServiceTypeResolver extends crudResolver(serviceTypeResource) {
  @FieldResolver(() => Measure)
  measure(@Root() service: ServiceType, @Ctx() ctx: Context): Promise<Measure | null> {
    return ctx.loaders.byId(Measure).load(service.measureId);
  }
}
