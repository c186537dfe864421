import { BooleanField, EmailField, List, NullableBooleanInput, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { RegistryGrid } from '../../common/RegistryGrid';

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
    <RegistryGrid>
      <TextField source="displayName" />
      <EmailField source="email" />
      <SelectField source="role" choices={enumChoices('UserRole')} />
      <ReferenceField source="tenantId" reference="tenants" sortable={false} link={false} emptyText="—" />
      <BooleanField source="active" />
      <BooleanField source="ssoOnly" />
    </RegistryGrid>
  </List>
);
