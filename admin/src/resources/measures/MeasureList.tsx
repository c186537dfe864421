import { List, SearchInput, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';
import { RegistryGrid } from '../../common/RegistryGrid';

const filters = [<SearchInput source="q" alwaysOn />, <SelectInput source="rule" choices={enumChoices('RuleCode')} />];

export const MeasureList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="legalAct" />
      <LocalDateField source="openFrom" />
      <LocalDateField source="openTo" />
    </RegistryGrid>
  </List>
);
