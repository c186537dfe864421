import { RecordCreate } from '../../common/RecordForms';
import { CompetencePactInputs } from './CompetencePactInputs';

export const CompetencePactCreate = () => (
  <RecordCreate>
    <CompetencePactInputs />
  </RecordCreate>
);
