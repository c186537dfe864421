import { AutocompleteInput, List, ReferenceField, ReferenceInput, required } from 'react-admin';
import { RecordCreate } from '../../common/RecordForms';
import { RemoveButton } from '../../common/RemoveButton';
import { RegistryGrid } from '../../common/RegistryGrid';

export const AmbitoMunicipalityList = () => (
  <List>
    <RegistryGrid rowClick={false}>
      <ReferenceField source="ambitoId" reference="tenants" link={false} />
      <ReferenceField source="municipalityId" reference="municipalities" link={false} />
      <RemoveButton />
    </RegistryGrid>
  </List>
);

export const AmbitoMunicipalityCreate = () => (
  <RecordCreate redirect="list">
    <ReferenceInput source="ambitoId" reference="tenants" filter={{ kind: 'AMBITO' }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="municipalityId" reference="municipalities" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
  </RecordCreate>
);
