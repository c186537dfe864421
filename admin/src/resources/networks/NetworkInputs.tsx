import { AutocompleteInput, minValue, ReferenceInput, required, TextInput } from 'react-admin';
import { DateInput, NumberInput } from '../../common/ItalianInputs';
import { notBefore } from '../../common/validation';

export const NetworkInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="title" validate={required()} fullWidth />
    <ReferenceInput source="measureId" reference="measures" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput validate={required()} fullWidth />
    </ReferenceInput>
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" validate={[required(), notBefore('startDate')]} />
    <NumberInput source="plannedSuspended" min={0} step={1} validate={minValue(0)} defaultValue={0} />
    <NumberInput source="plannedUnemployed" min={0} step={1} validate={minValue(0)} defaultValue={0} />
    <TextInput source="supplyChain" />
    <ReferenceInput source="atecoSectorId" reference="atecoSectors" sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput fullWidth />
    </ReferenceInput>
    <ReferenceInput source="pactId" reference="competencePacts" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput fullWidth />
    </ReferenceInput>
    <TextInput source="description" multiline minRows={3} fullWidth />
  </>
);
