import { RecordCreate } from '../../common/RecordForms';
import { FundingTierInputs } from './FundingTierInputs';

export const FundingTierCreate = () => (
  <RecordCreate>
    <FundingTierInputs />
  </RecordCreate>
);
