import { RecordEdit } from '../../common/RecordForms';
import { MunicipalityInputs } from './MunicipalityInputs';

export const MunicipalityEdit = () => (
  <RecordEdit>
    <MunicipalityInputs />
  </RecordEdit>
);
