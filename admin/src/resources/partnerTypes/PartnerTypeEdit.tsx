import { RecordEdit } from '../../common/RecordForms';
import { PartnerTypeInputs } from './PartnerTypeInputs';

export const PartnerTypeEdit = () => (
  <RecordEdit>
    <PartnerTypeInputs />
  </RecordEdit>
);
