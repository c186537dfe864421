import { Labeled, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { AuditChanges } from '../../common/AuditHistory';
import { enumChoices } from '../../common/enums';
import { DateTimeField } from '../../common/LocalDateField';

export const AuditEventShow = () => (
  <Show>
    <SimpleShowLayout>
      <DateTimeField source="at" />
      <TextField source="entity" />
      <TextField source="entityId" />
      <SelectField source="action" choices={enumChoices('AuditAction')} />
      <TextField source="actorId" emptyText="—" />
      <Labeled label="reti.audit.changes" fullWidth>
        <AuditChanges />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
