import { AutocompleteInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { MoneyInput } from '../../common/MoneyInput';

export const AllocationInputs = () => (
  <>
    <ReferenceInput source="networkId" reference="networks" sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="fundSourceId" reference="fundSources" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <MoneyInput source="amount" validate={required()} />
    <DateInput source="allocatedOn" validate={required()} />
    <SelectInput source="kind" choices={enumChoices('AllocationKind')} validate={required()} />
    <SelectInput source="status" choices={enumChoices('AllocationStatus')} defaultValue="COMMITTED" validate={required()} />
    <TextInput source="note" multiline />
  </>
);
