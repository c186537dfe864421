import { RecordCreate } from '../../common/RecordForms';
import { FundSourceInputs } from './FundSourceInputs';

export const FundSourceCreate = () => (
  <RecordCreate>
    <FundSourceInputs />
  </RecordCreate>
);
