import { List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { RegistryGrid } from '../../common/RegistryGrid';

const filters = [<SearchInput source="q" alwaysOn />, <SelectInput source="kind" choices={enumChoices('TenantKind')} />];

export const TenantList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="code" />
      <TextField source="name" />
      <SelectField source="kind" choices={enumChoices('TenantKind')} />
      <TextField source="istatCode" />
    </RegistryGrid>
  </List>
);
