import { AutocompleteInput, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { RegistryGrid } from '../../common/RegistryGrid';
import { SavedQueriesAside } from '../../common/SavedQueries';

const filters = [
  <SearchInput source="q" alwaysOn />,
  <SelectInput source="crisisInstrument" choices={enumChoices('CrisisInstrument')} />,
  <ReferenceInput source="municipalityId" reference="municipalities">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput source="atecoSectorId" reference="atecoSectors">
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput source="networkId" reference="networks">
    <AutocompleteInput />
  </ReferenceInput>,
];

export const CrisisCompanyList = () => (
  <List filters={filters} aside={<SavedQueriesAside />} sort={{ field: 'name', order: 'ASC' }}>
    <RegistryGrid secondaryText={<TextField source="taxCode" />}>
      <TextField source="name" />
      <TextField source="taxCode" />
      <ReferenceField source="municipalityId" reference="municipalities" sortable={false} link={false} />
      <SelectField source="crisisInstrument" choices={enumChoices('CrisisInstrument')} />
      <NumberField source="workersInvolved" />
      <NumberField source="expectedRedundancies" />
    </RegistryGrid>
  </List>
);
