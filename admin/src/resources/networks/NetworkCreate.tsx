import { RecordCreate } from '../../common/RecordForms';
import { NetworkInputs } from './NetworkInputs';

export const NetworkCreate = () => (
  <RecordCreate>
    <NetworkInputs />
  </RecordCreate>
);
