import { RecordCreate } from '../../common/RecordForms';
import { UserInputs } from './UserInputs';

export const UserCreate = () => (
  <RecordCreate>
    <UserInputs />
  </RecordCreate>
);
