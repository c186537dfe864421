import { RecordEdit } from '../../common/RecordForms';
import { CompetencePactInputs } from './CompetencePactInputs';

export const CompetencePactEdit = () => (
  <RecordEdit>
    <CompetencePactInputs />
  </RecordEdit>
);
