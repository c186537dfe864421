import { AutocompleteInput, DeleteButton, List, ReferenceField, ReferenceInput, required } from 'react-admin';
import { RecordCreate } from '../../common/RecordForms';
import { RegistryGrid } from '../../common/RegistryGrid';

/**
 * Pairs of measures an administrator declared compatible: a recipient may follow both at once.
 * Every other pair counts against EXCLUSIVE_POLICY (seeds 000 and 003).
 */
export const MeasureCompatibilityList = () => (
  <List filters={[<ReferenceInput key="measureId" source="measureId" reference="measures" alwaysOn><AutocompleteInput /></ReferenceInput>]}>
    <RegistryGrid rowClick={false}>
      <ReferenceField source="measureId" reference="measures" sortable={false} link="show" />
      <ReferenceField source="compatibleMeasureId" reference="measures" sortable={false} link="show" />
      <DeleteButton mutationMode="pessimistic" />
    </RegistryGrid>
  </List>
);

export const MeasureCompatibilityCreate = () => (
  <RecordCreate redirect="list">
    <ReferenceInput source="measureId" reference="measures">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="compatibleMeasureId" reference="measures">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
  </RecordCreate>
);
