import { RecordCreate } from '../../common/RecordForms';
import { MeasureInputs } from './MeasureInputs';

export const MeasureCreate = () => (
  <RecordCreate>
    <MeasureInputs />
  </RecordCreate>
);
