import { List, required, SearchInput, Show, SimpleShowLayout, TextField, TextInput } from 'react-admin';
import { RecordCreate, RecordEdit } from '../../common/RecordForms';
import { RegistryGrid } from '../../common/RegistryGrid';

const Inputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
  </>
);

export const TargetGroupList = () => (
  <List filters={[<SearchInput source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="code" />
      <TextField source="name" />
    </RegistryGrid>
  </List>
);

export const TargetGroupCreate = () => (
  <RecordCreate>
    <Inputs />
  </RecordCreate>
);

export const TargetGroupEdit = () => (
  <RecordEdit>
    <Inputs />
  </RecordEdit>
);

export const TargetGroupShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
    </SimpleShowLayout>
  </Show>
);
