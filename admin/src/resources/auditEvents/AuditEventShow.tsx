import { Labeled, Show, SimpleShowLayout, TextField, WrapperField } from 'react-admin';
import { AuditChanges, AuditTitle } from '../../common/AuditHistory';
import { DateTimeField } from '../../common/LocalDateField';

export const AuditEventShow = () => (
  <Show title={<AuditTitle withAuthor={false} />}>
    <SimpleShowLayout>
      <DateTimeField source="at" />
      <WrapperField label="resources.auditEvents.fields.entityId">
        <AuditTitle withAuthor={false} />
      </WrapperField>
      <TextField source="actorName" label="resources.auditEvents.fields.actorId" emptyText="—" />
      <Labeled label="reti.audit.changes" fullWidth>
        <AuditChanges />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
