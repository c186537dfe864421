import { RecordEdit } from '../../common/RecordForms';
import { AllocationInputs } from './AllocationInputs';

export const AllocationEdit = () => (
  <RecordEdit>
    <AllocationInputs />
  </RecordEdit>
);
