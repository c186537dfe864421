import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanField,
  List,
  NullableBooleanInput,
  ReferenceArrayInput,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  TextField,
  TextInput,
} from 'react-admin';
import { RegistryGrid } from '../../common/RegistryGrid';
import { SavedQueriesAside } from '../../common/SavedQueries';

const filters = [
  <SearchInput source="q" alwaysOn />,
  <ReferenceArrayInput source="partnerTypeIds" reference="partnerTypes" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteArrayInput />
  </ReferenceArrayInput>,
  <ReferenceInput source="municipalityId" reference="municipalities">
    <AutocompleteInput />
  </ReferenceInput>,
  <TextInput source="taxCode" />,
  <NullableBooleanInput source="labourAccredited" />,
  <NullableBooleanInput source="trainingAccredited" />,
];

export const PartnerList = () => (
  <List filters={filters} aside={<SavedQueriesAside />} sort={{ field: 'legalName', order: 'ASC' }}>
    <RegistryGrid secondaryText={<TextField source="taxCode" />}>
      <TextField source="legalName" />
      <TextField source="taxCode" />
      <ReferenceField source="partnerTypeId" reference="partnerTypes" sortable={false} link={false} />
      <ReferenceField source="municipalityId" reference="municipalities" sortable={false} link={false} />
      <BooleanField source="labourAccredited" />
      <BooleanField source="trainingAccredited" />
    </RegistryGrid>
  </List>
);
