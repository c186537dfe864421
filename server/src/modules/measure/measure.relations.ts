import { many, one, relationsOf } from '../../graphql/relations';
import { FundingTier, Measure, MeasureCompatibility, ServiceType } from './measure.entity';

export const MEASURE = relationsOf(Measure, {
  fundingTiers: many(() => FundingTier, 'measureId', 'minRecipients'),
  serviceTypes: many(() => ServiceType, 'measureId', 'phase'),
});

export const FUNDING_TIER = relationsOf(FundingTier, {
  measure: one(() => Measure, 'measureId'),
});

export const SERVICE_TYPE = relationsOf(ServiceType, {
  measure: one(() => Measure, 'measureId'),
});

export const MEASURE_COMPATIBILITY = relationsOf(MeasureCompatibility, {
  measure: one(() => Measure, 'measureId'),
  compatibleMeasure: one(() => Measure, 'compatibleMeasureId'),
});
