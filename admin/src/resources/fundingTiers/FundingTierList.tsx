import { AutocompleteInput, List, NumberField, ReferenceField, ReferenceInput } from 'react-admin';
import { MoneyField } from '../../common/MoneyField';
import { RegistryGrid } from '../../common/RegistryGrid';

const filters = [
  <ReferenceInput source="measureId" reference="measures" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
];

export const FundingTierList = () => (
  <List filters={filters} sort={{ field: 'minRecipients', order: 'ASC' }}>
    <RegistryGrid>
      <ReferenceField source="measureId" reference="measures" sortable={false} link={false} />
      <NumberField source="minRecipients" />
      <NumberField source="maxRecipients" />
      <MoneyField source="maxContribution" textAlign="right" />
    </RegistryGrid>
  </List>
);
