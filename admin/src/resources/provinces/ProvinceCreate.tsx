import { RecordCreate } from '../../common/RecordForms';
import { ProvinceInputs } from './ProvinceInputs';

export const ProvinceCreate = () => (
  <RecordCreate>
    <ProvinceInputs />
  </RecordCreate>
);
