import { RecordCreate } from '../../common/RecordForms';
import { AtecoSectorInputs } from './AtecoSectorInputs';

export const AtecoSectorCreate = () => (
  <RecordCreate>
    <AtecoSectorInputs />
  </RecordCreate>
);
