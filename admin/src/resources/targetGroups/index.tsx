import TargetIcon from '@mui/icons-material/Groups';
import { List, required, SearchInput, Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { RecordCreate, RecordEdit } from '../../common/RecordForms';
import { RegistryGrid } from '../../common/RegistryGrid';

const Inputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
  </>
);

export default {
  list: () => (
    <List filters={[<SearchInput source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }}>
      <RegistryGrid>
        <TextField source="code" />
        <TextField source="name" />
      </RegistryGrid>
    </List>
  ),
  create: () => (
    <RecordCreate>
      <Inputs />
    </RecordCreate>
  ),
  edit: () => (
    <RecordEdit>
      <Inputs />
    </RecordEdit>
  ),
  show: () => (
    <Show>
      <SimpleShowLayout>
        <TextField source="code" />
        <TextField source="name" />
      </SimpleShowLayout>
    </Show>
  ),
  icon: TargetIcon,
  recordRepresentation: 'name',
};
