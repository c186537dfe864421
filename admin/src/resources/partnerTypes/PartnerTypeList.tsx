import { List, SearchInput, TextField } from 'react-admin';
import { RegistryGrid } from '../../common/RegistryGrid';

export const PartnerTypeList = () => (
  <List filters={[<SearchInput source="q" alwaysOn />]} sort={{ field: 'name', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="code" />
      <TextField source="name" />
    </RegistryGrid>
  </List>
);
