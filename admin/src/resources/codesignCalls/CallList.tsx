import { Datagrid, DateField, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';

const filters = [<SearchInput source="q" alwaysOn />, <SelectInput source="statuses" choices={enumChoices('CodesignCallStatus')} parse={(v) => (v ? [v] : undefined)} format={(v) => v?.[0]} />];

export const CallList = () => (
  <List filters={filters} sort={{ field: 'deadline', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="title" />
      <DateField source="deadline" showTime />
      <SelectField source="status" choices={enumChoices('CodesignCallStatus')} />
    </Datagrid>
  </List>
);
