import { RecordEdit } from '../../common/RecordForms';
import { MeasureInputs } from './MeasureInputs';

export const MeasureEdit = () => (
  <RecordEdit>
    <MeasureInputs />
  </RecordEdit>
);
