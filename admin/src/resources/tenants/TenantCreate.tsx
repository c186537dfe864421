import { RecordCreate } from '../../common/RecordForms';
import { TenantInputs } from './TenantInputs';

export const TenantCreate = () => (
  <RecordCreate>
    <TenantInputs />
  </RecordCreate>
);
