import { AutocompleteInput, minValue, ReferenceInput, required } from 'react-admin';
import { NumberInput } from '../../common/ItalianInputs';
import { MoneyInput } from '../../common/MoneyInput';

const atLeastMin = (max: number | null, values: { minRecipients?: number }) =>
  max != null && values.minRecipients != null && max < values.minRecipients ? 'reti.validation.range' : undefined;

export const FundingTierInputs = () => (
  <>
    <ReferenceInput source="measureId" reference="measures">
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <NumberInput source="minRecipients" step={1} validate={[required(), minValue(0)]} />
    <NumberInput source="maxRecipients" step={1} validate={[required(), atLeastMin]} />
    <MoneyInput source="maxContribution" validate={required()} />
  </>
);
