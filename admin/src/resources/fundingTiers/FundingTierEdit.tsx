import { DryRunToolbar } from '../../common/DryRunToolbar';
import { RecordEdit } from '../../common/RecordForms';
import { FundingTierInputs } from './FundingTierInputs';

export const FundingTierEdit = () => (
  <RecordEdit toolbar={<DryRunToolbar resource="fundingTiers" />}>
    <FundingTierInputs />
  </RecordEdit>
);
