import { AutocompleteInput, List, ReferenceInput, SearchInput, TextField } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';
import { LocalDateField } from '../../common/LocalDateField';
import { RegistryGrid } from '../../common/RegistryGrid';
import { SavedQueriesAside } from '../../common/SavedQueries';

const filters = [
  <SearchInput source="q" alwaysOn />,
  <ReferenceInput source="partnerId" reference="partners">
    <AutocompleteInput />
  </ReferenceInput>,
  <DateInput source="signedFrom" />,
  <DateInput source="signedTo" />,
];

export const CompetencePactList = () => (
  <List filters={filters} aside={<SavedQueriesAside />} sort={{ field: 'name', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="name" />
      <TextField source="territory" />
      <LocalDateField source="signedOn" />
      <TextField source="referenceAct" />
    </RegistryGrid>
  </List>
);
