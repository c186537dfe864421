import { RecordEdit } from '../../common/RecordForms';
import { FundingTierInputs } from './FundingTierInputs';

export const FundingTierEdit = () => (
  <RecordEdit>
    <FundingTierInputs />
  </RecordEdit>
);
