import { RecordEdit } from '../../common/RecordForms';
import { CallInputs } from './CallInputs';

export const CallEdit = () => (
  <RecordEdit>
    <CallInputs />
  </RecordEdit>
);
