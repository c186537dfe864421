import { RecordEdit } from '../../common/RecordForms';
import { AtecoSectorInputs } from './AtecoSectorInputs';

export const AtecoSectorEdit = () => (
  <RecordEdit>
    <AtecoSectorInputs />
  </RecordEdit>
);
