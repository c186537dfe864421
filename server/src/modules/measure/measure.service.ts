import { FilterRule, includes, Resource } from '../../crud/resource';
import { activeNetworks, networkComplianceGuard } from '../network/network.service';
import { FundingTier, Measure, MeasureCompatibility, ServiceType } from './measure.entity';
import * as inputs from './measure.inputs';

export const measureResource: Resource<Measure, inputs.CreateMeasureInput, inputs.MeasureFilter> = {
  entity: Measure,
  name: 'measure',
  plural: 'measures',
  searchable: ['code', 'name', 'legalAct'],
  filter: inputs.MeasureFilter,
  filterRules: { rule: includes('rules') },
  access: 'REFERENCE',
  guards: [networkComplianceGuard({ mode: 'PREVIEW', networksOf: (manager, measure) => (measure.id ? activeNetworks(manager, 'n.measure_id = $1', [measure.id]) : []) })],
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
  guards: [networkComplianceGuard({ mode: 'PREVIEW', networksOf: (manager, tier) => (tier.measureId ? activeNetworks(manager, 'n.measure_id = $1', [tier.measureId]) : []) })],
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

/** Pairs that include the measure on either side. */
const eitherMeasure: FilterRule = (qb, value, p) => void qb.andWhere(`(r.measureId = :${p} OR r.compatibleMeasureId = :${p})`, { [p]: value });

export const measureCompatibilityResource: Resource<MeasureCompatibility, inputs.CreateMeasureCompatibilityInput, inputs.MeasureCompatibilityFilter> = {
  entity: MeasureCompatibility,
  name: 'measureCompatibility',
  plural: 'measureCompatibilities',
  searchable: [],
  filter: inputs.MeasureCompatibilityFilter,
  filterRules: { measureId: eitherMeasure },
  access: 'REFERENCE',
  // Removing a pair makes EXCLUSIVE_POLICY count it again.
  guards: [
    networkComplianceGuard({
      mode: 'PREVIEW',
      networksOf: (manager, pair) =>
        pair.measureId && pair.compatibleMeasureId ? activeNetworks(manager, 'n.measure_id IN ($1, $2)', [pair.measureId, pair.compatibleMeasureId]) : [],
    }),
  ],
  createInput: inputs.CreateMeasureCompatibilityInput,
  updateInput: inputs.UpdateMeasureCompatibilityInput,
};
