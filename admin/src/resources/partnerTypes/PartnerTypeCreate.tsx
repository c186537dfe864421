import { RecordCreate } from '../../common/RecordForms';
import { PartnerTypeInputs } from './PartnerTypeInputs';

export const PartnerTypeCreate = () => (
  <RecordCreate>
    <PartnerTypeInputs />
  </RecordCreate>
);
