import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { LocalDateField } from '../../common/LocalDateField';
import { MoneyField } from '../../common/MoneyField';
import { FundSourceMeasuresField } from './FundSourceMeasures';

export const FundSourceShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="programme" emptyText="—" />
      <MoneyField source="budget" />
      <MoneyField source="committed" />
      <MoneyField source="available" />
      <LocalDateField source="availableFrom" />
      <LocalDateField source="availableTo" />
      <FundSourceMeasuresField />
    </SimpleShowLayout>
  </Show>
);
