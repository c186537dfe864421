import { DateField, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { RegistryGrid } from '../../common/RegistryGrid';

const filters = [<SearchInput source="q" alwaysOn />, <SelectInput source="statuses" choices={enumChoices('CodesignCallStatus')} parse={(v) => (v ? [v] : undefined)} format={(v) => v?.[0]} />];

export const CallList = () => (
  <List filters={filters} sort={{ field: 'deadline', order: 'DESC' }}>
    <RegistryGrid>
      <TextField source="code" />
      <TextField source="title" />
      <DateField source="deadline" showTime />
      <SelectField source="status" choices={enumChoices('CodesignCallStatus')} />
    </RegistryGrid>
  </List>
);
