import { RecordEdit } from '../../common/RecordForms';
import { TenantInputs } from './TenantInputs';

export const TenantEdit = () => (
  <RecordEdit>
    <TenantInputs />
  </RecordEdit>
);
