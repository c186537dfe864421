import { AutocompleteInput, minValue, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { NumberInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { MoneyInput } from '../../common/MoneyInput';

export const ServiceTypeInputs = () => (
  <>
    <ReferenceInput source="measureId" reference="measures">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <SelectInput source="category" choices={enumChoices('ServiceCategory')} validate={required()} />
    <NumberInput source="phase" step={1} validate={[required(), minValue(1)]} />
    <SelectInput source="payment" choices={enumChoices('ServicePayment')} validate={required()} />
    <NumberInput source="minHours" step={1} validate={minValue(0)} />
    <NumberInput source="maxHours" step={1} validate={minValue(0)} />
    <MoneyInput source="voucherValue" />
  </>
);
