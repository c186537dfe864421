import { RecordEdit } from '../../common/RecordForms';
import { UserInputs } from './UserInputs';

export const UserEdit = () => (
  <RecordEdit>
    <UserInputs />
  </RecordEdit>
);
