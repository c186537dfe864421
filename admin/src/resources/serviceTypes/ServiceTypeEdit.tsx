import { RecordEdit } from '../../common/RecordForms';
import { ServiceTypeInputs } from './ServiceTypeInputs';

export const ServiceTypeEdit = () => (
  <RecordEdit>
    <ServiceTypeInputs />
  </RecordEdit>
);
