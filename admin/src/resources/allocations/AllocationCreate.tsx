import { RecordCreate } from '../../common/RecordForms';
import { AllocationInputs } from './AllocationInputs';

export const AllocationCreate = () => (
  <RecordCreate>
    <AllocationInputs />
  </RecordCreate>
);
