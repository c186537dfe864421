import { RecordEdit } from '../../common/RecordForms';
import { ProposalInputs } from './ProposalInputs';

export const ProposalEdit = () => (
  <RecordEdit>
    <ProposalInputs />
  </RecordEdit>
);
