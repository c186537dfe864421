import { RecordCreate } from '../../common/RecordForms';
import { PartnerInputs } from './PartnerInputs';

export const PartnerCreate = () => (
  <RecordCreate>
    <PartnerInputs />
  </RecordCreate>
);
