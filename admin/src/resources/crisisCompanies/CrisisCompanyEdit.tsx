import { RecordEdit } from '../../common/RecordForms';
import { CrisisCompanyInputs } from './CrisisCompanyInputs';

export const CrisisCompanyEdit = () => (
  <RecordEdit>
    <CrisisCompanyInputs />
  </RecordEdit>
);
