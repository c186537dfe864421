import { AutocompleteInput, Datagrid, List, NumberField, ReferenceField, ReferenceInput } from 'react-admin';
import { MoneyField } from '../../common/MoneyField';

const filters = [
  <ReferenceInput source="measureId" reference="measures" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
];

export const FundingTierList = () => (
  <List filters={filters} sort={{ field: 'minRecipients', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <ReferenceField source="measureId" reference="measures" sortable={false} link={false} />
      <NumberField source="minRecipients" />
      <NumberField source="maxRecipients" />
      <MoneyField source="maxContribution" textAlign="right" />
    </Datagrid>
  </List>
);
