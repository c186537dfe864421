import { AutocompleteInput, List, ReferenceField, ReferenceInput, SelectField, SelectInput } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';
import { enumChoices } from '../../common/enums';
import { AllocationListTotal } from '../../common/ListTotals';
import { LocalDateField } from '../../common/LocalDateField';
import { MoneyField } from '../../common/MoneyField';
import { RegistryGrid } from '../../common/RegistryGrid';
import { SavedQueriesAside } from '../../common/SavedQueries';

const filters = [
  <ReferenceInput source="networkId" reference="networks" alwaysOn>
    <AutocompleteInput />
  </ReferenceInput>,
  <ReferenceInput source="fundSourceId" reference="fundSources">
    <AutocompleteInput />
  </ReferenceInput>,
  <SelectInput source="kind" choices={enumChoices('AllocationKind')} />,
  <SelectInput source="status" choices={enumChoices('AllocationStatus')} />,
  <DateInput source="allocatedFrom" />,
  <DateInput source="allocatedTo" />,
];

export const AllocationList = () => (
  <List filters={filters} aside={<SavedQueriesAside />} sort={{ field: 'allocatedOn', order: 'DESC' }}>
    <RegistryGrid secondaryText={<MoneyField source="amount" />} tertiaryText={<LocalDateField source="allocatedOn" />}>
      <LocalDateField source="allocatedOn" />
      <ReferenceField source="networkId" reference="networks" sortable={false} link="show" />
      <ReferenceField source="fundSourceId" reference="fundSources" sortable={false} link={false} />
      <SelectField source="kind" choices={enumChoices('AllocationKind')} />
      <SelectField source="status" choices={enumChoices('AllocationStatus')} />
      <MoneyField source="amount" textAlign="right" />
    </RegistryGrid>
    <AllocationListTotal />
  </List>
);
