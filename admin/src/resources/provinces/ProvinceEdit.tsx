import { RecordEdit } from '../../common/RecordForms';
import { ProvinceInputs } from './ProvinceInputs';

export const ProvinceEdit = () => (
  <RecordEdit>
    <ProvinceInputs />
  </RecordEdit>
);
