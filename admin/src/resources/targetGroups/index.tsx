import TargetIcon from '@mui/icons-material/Groups';
import { Datagrid, List, required, SearchInput, Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { RecordCreate, RecordEdit } from '../../common/RecordForms';

const Inputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
  </>
);

export default {
  list: () => (
    <List filters={[<SearchInput source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
      </Datagrid>
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
