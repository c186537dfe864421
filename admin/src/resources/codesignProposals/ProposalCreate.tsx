import { RecordCreate } from '../../common/RecordForms';
import { ProposalInputs } from './ProposalInputs';

export const ProposalCreate = () => (
  <RecordCreate>
    <ProposalInputs creating />
  </RecordCreate>
);
