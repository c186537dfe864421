import { RecordCreate } from '../../common/RecordForms';
import { MunicipalityInputs } from './MunicipalityInputs';

export const MunicipalityCreate = () => (
  <RecordCreate>
    <MunicipalityInputs />
  </RecordCreate>
);
