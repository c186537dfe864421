import { List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { RegistryGrid } from '../../common/RegistryGrid';

const filters = [<SearchInput source="q" alwaysOn />, <SelectInput source="kind" choices={enumChoices('ProvinceKind')} />];

export const ProvinceList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="name" />
      <TextField source="plate" />
      <TextField source="istatCode" />
      <SelectField source="kind" choices={enumChoices('ProvinceKind')} />
    </RegistryGrid>
  </List>
);
