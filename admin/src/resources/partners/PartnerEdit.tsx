import { RecordEdit } from '../../common/RecordForms';
import { PartnerInputs } from './PartnerInputs';

export const PartnerEdit = () => (
  <RecordEdit>
    <PartnerInputs />
  </RecordEdit>
);
