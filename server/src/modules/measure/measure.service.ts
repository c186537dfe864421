import { equals, Resource, where } from '../../crud/resource';
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
