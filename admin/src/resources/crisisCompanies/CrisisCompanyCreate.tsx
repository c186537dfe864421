import { RecordCreate } from '../../common/RecordForms';
import { CrisisCompanyInputs } from './CrisisCompanyInputs';

export const CrisisCompanyCreate = () => (
  <RecordCreate>
    <CrisisCompanyInputs />
  </RecordCreate>
);
