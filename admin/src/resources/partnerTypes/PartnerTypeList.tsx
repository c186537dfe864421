import { Datagrid, List, SearchInput, TextField } from 'react-admin';

export const PartnerTypeList = () => (
  <List filters={[<SearchInput source="q" alwaysOn />]} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
    </Datagrid>
  </List>
);
