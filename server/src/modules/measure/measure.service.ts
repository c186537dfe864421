import { includes, Resource } from '../../crud/resource';
import { FundingTier, Measure, ServiceType } from './measure.entity';
import * as inputs from './measure.inputs';

export const measureResource: Resource<Measure, inputs.CreateMeasureInput, inputs.MeasureFilter> = {
  entity: Measure,
  name: 'measure',
  plural: 'measures',
  searchable: ['code', 'name', 'legalAct'],
  filter: inputs.MeasureFilter,
  filterRules: { rule: includes('rules') },
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
  access: 'REFERENCE',
  createInput: inputs.CreateServiceTypeInput,
  updateInput: inputs.UpdateServiceTypeInput,
  defaultSort: { field: 'phase', order: 'ASC' },
};
