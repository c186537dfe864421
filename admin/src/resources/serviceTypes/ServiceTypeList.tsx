import { AutocompleteInput, List, NumberField, ReferenceField, ReferenceInput, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { NumberInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { MoneyField } from '../../common/MoneyField';
import { RegistryGrid } from '../../common/RegistryGrid';

const filters = [
  <SearchInput source="q" alwaysOn />,
  <ReferenceInput source="measureId" reference="measures" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput source="category" choices={enumChoices('ServiceCategory')} />,
  <NumberInput source="phase" />,
];

export const ServiceTypeList = () => (
  <List filters={filters} sort={{ field: 'phase', order: 'ASC' }}>
    <RegistryGrid>
      <ReferenceField source="measureId" reference="measures" sortable={false} link={false} />
      <NumberField source="phase" />
      <TextField source="code" />
      <TextField source="name" />
      <SelectField source="category" choices={enumChoices('ServiceCategory')} />
      <SelectField source="payment" choices={enumChoices('ServicePayment')} />
      <NumberField source="minHours" />
      <NumberField source="maxHours" />
      <MoneyField source="voucherValue" textAlign="right" />
    </RegistryGrid>
  </List>
);
