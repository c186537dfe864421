import { RecordCreate } from '../../common/RecordForms';
import { CallInputs } from './CallInputs';

export const CallCreate = () => (
  <RecordCreate>
    <CallInputs />
  </RecordCreate>
);
