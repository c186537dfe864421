import { Datagrid, List, SearchInput, TextField } from 'react-admin';
import { LocalDateField } from '../../common/LocalDateField';
import { MoneyField } from '../../common/MoneyField';

export const FundSourceList = () => (
  <List filters={[<SearchInput source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <MoneyField source="budget" textAlign="right" />
      <MoneyField source="committed" textAlign="right" sortable={false} />
      <MoneyField source="available" textAlign="right" sortable={false} />
      <LocalDateField source="availableFrom" />
      <LocalDateField source="availableTo" />
    </Datagrid>
  </List>
);
