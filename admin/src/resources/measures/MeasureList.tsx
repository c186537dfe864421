import { Datagrid, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';

const filters = [<SearchInput source="q" alwaysOn />, <SelectInput source="rule" choices={enumChoices('RuleCode')} />];

export const MeasureList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="legalAct" />
      <LocalDateField source="openFrom" />
      <LocalDateField source="openTo" />
    </Datagrid>
  </List>
);
