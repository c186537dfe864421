import { Datagrid, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';

const filters = [<SearchInput source="q" alwaysOn />, <SelectInput source="kind" choices={enumChoices('ProvinceKind')} />];

export const ProvinceList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="plate" />
      <TextField source="istatCode" />
      <SelectField source="kind" choices={enumChoices('ProvinceKind')} />
    </Datagrid>
  </List>
);
