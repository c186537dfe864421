import { BooleanField, Datagrid, EmailField, List, NullableBooleanInput, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';

const filters = [
  <SearchInput source="q" alwaysOn />,
  <SelectInput source="role" choices={enumChoices('UserRole')} />,
  <ReferenceInput source="tenantId" reference="tenants">
    <SelectInput />
  </ReferenceInput>,
  <NullableBooleanInput source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'displayName', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="displayName" />
      <EmailField source="email" />
      <SelectField source="role" choices={enumChoices('UserRole')} />
      <ReferenceField source="tenantId" reference="tenants" sortable={false} link={false} emptyText="—" />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);
