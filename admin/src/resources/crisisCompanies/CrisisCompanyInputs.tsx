import { AutocompleteInput, minValue, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { DateInput, NumberInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { validateTaxCode } from '../../common/validation';

export const CrisisCompanyInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="taxCode" validate={validateTaxCode} />
    <ReferenceInput source="municipalityId" reference="municipalities" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="atecoSectorId" reference="atecoSectors" sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput />
    </ReferenceInput>
    <TextInput source="supplyChain" />
    <SelectInput source="crisisInstrument" choices={enumChoices('CrisisInstrument')} validate={required()} />
    <NumberInput source="workersInvolved" min={0} step={1} validate={minValue(0)} defaultValue={0} />
    <NumberInput source="expectedRedundancies" min={0} step={1} validate={minValue(0)} defaultValue={0} />
    <DateInput source="unionAgreementOn" />
  </>
);
