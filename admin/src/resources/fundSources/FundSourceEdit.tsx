import { RecordEdit } from '../../common/RecordForms';
import { FundSourceInputs } from './FundSourceInputs';

export const FundSourceEdit = () => (
  <RecordEdit>
    <FundSourceInputs />
  </RecordEdit>
);
