import { List, ReferenceField, ReferenceInput, SearchInput, SelectInput, TextField } from 'react-admin';
import { RegistryGrid } from '../../common/RegistryGrid';

const filters = [
  <SearchInput source="q" alwaysOn />,
  <ReferenceInput source="provinceId" reference="provinces" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <SelectInput />
  </ReferenceInput>,
];

export const MunicipalityList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="name" />
      <TextField source="istatCode" />
      <ReferenceField source="provinceId" reference="provinces" sortable={false} link={false} />
    </RegistryGrid>
  </List>
);
