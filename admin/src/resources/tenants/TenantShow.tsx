import { BooleanField, Datagrid, EmailField, Labeled, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';

export const TenantShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <SelectField source="kind" choices={enumChoices('TenantKind')} />
      <TextField source="istatCode" emptyText="—" />
      <Labeled label="reti.tenant.users" fullWidth>
        <ReferenceManyField reference="users" target="tenantId" sort={{ field: 'displayName', order: 'ASC' }}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <TextField source="displayName" />
            <EmailField source="email" />
            <SelectField source="role" choices={enumChoices('UserRole')} />
            <BooleanField source="active" />
          </Datagrid>
        </ReferenceManyField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
