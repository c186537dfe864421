import { BooleanField, EmailField, ReferenceField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { DateTimeField } from '../../common/LocalDateField';

export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <EmailField source="email" />
      <SelectField source="role" choices={enumChoices('UserRole')} />
      <ReferenceField source="tenantId" reference="tenants" link="show" emptyText="—" />
      <BooleanField source="active" />
      <BooleanField source="ssoOnly" />
      <BooleanField source="hasFiscalCode" />
      <DateTimeField source="createdAt" />
    </SimpleShowLayout>
  </Show>
);
