import { RecordCreate } from '../../common/RecordForms';
import { ServiceTypeInputs } from './ServiceTypeInputs';

export const ServiceTypeCreate = () => (
  <RecordCreate>
    <ServiceTypeInputs />
  </RecordCreate>
);
