import { List, SearchInput, TextField } from 'react-admin';
import { PageTotals } from '../../common/ListTotals';
import { LocalDateField } from '../../common/LocalDateField';
import { MoneyField } from '../../common/MoneyField';
import { RegistryGrid } from '../../common/RegistryGrid';

export const FundSourceList = () => (
  <List filters={[<SearchInput source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }}>
    <RegistryGrid>
      <TextField source="code" />
      <TextField source="name" />
      <MoneyField source="budget" textAlign="right" />
      <MoneyField source="committed" textAlign="right" sortable={false} />
      <MoneyField source="available" textAlign="right" sortable={false} />
      <LocalDateField source="availableFrom" />
      <LocalDateField source="availableTo" />
    </RegistryGrid>
    <PageTotals sources={['budget', 'committed', 'available']} />
  </List>
);
