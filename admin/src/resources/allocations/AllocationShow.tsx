import { Labeled, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { AuditHistory } from '../../common/AuditHistory';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';
import { MoneyField } from '../../common/MoneyField';

export const AllocationShow = () => (
  <Show>
    <SimpleShowLayout>
      <ReferenceField source="networkId" reference="networks" link="show" />
      <ReferenceField source="fundSourceId" reference="fundSources" link="show" />
      <MoneyField source="amount" />
      <LocalDateField source="allocatedOn" />
      <SelectField source="kind" choices={enumChoices('AllocationKind')} />
      <SelectField source="status" choices={enumChoices('AllocationStatus')} />
      <TextField source="note" emptyText="—" />
      <Labeled label="reti.network.tabs.history" fullWidth>
        <AuditHistory />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
