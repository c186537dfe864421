import { RecordEdit } from '../../common/RecordForms';
import { NetworkInputs } from './NetworkInputs';

export const NetworkEdit = () => (
  <RecordEdit>
    <NetworkInputs />
  </RecordEdit>
);
