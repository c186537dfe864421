import { List, SearchInput, SelectField, SelectInput, TextField, TextInput } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { ATECO_EDITIONS } from './AtecoSectorInputs';
import { RegistryGrid } from '../../common/RegistryGrid';

const filters = [
  <SearchInput source="q" alwaysOn />,
  <SelectInput source="level" choices={enumChoices('AtecoLevel')} />,
  <TextInput source="section" />,
  <SelectInput source="atecoVersion" choices={ATECO_EDITIONS} />,
];

export const AtecoSectorList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="code" />
      <TextField source="title" />
      <SelectField source="level" choices={enumChoices('AtecoLevel')} />
      <TextField source="section" />
      <TextField source="atecoVersion" />
    </RegistryGrid>
  </List>
);
