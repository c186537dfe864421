import { NumberField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { MoneyField } from '../../common/MoneyField';

export const ServiceTypeShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="measureId" reference="measures" link="show" />
      <TextField source="code" />
      <TextField source="name" />
      <SelectField source="category" choices={enumChoices('ServiceCategory')} />
      <NumberField source="phase" />
      <SelectField source="payment" choices={enumChoices('ServicePayment')} />
      <NumberField source="minHours" emptyText="—" />
      <NumberField source="maxHours" emptyText="—" />
      <MoneyField source="voucherValue" />
    </SimpleShowLayout>
  </Show>
);
