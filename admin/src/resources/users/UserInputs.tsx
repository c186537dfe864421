import { BooleanInput, email, minLength, PasswordInput, ReferenceInput, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../../common/enums';

/** Editors need a tenant; administrators and regional analysts have none. */
const tenantForEditors = (tenantId: string | null, values: { role?: string }) => (values.role === 'EDITOR' && !tenantId ? 'ra.validation.required' : undefined);

export const UserInputs = () => (
  <>
    <TextInput source="email" validate={[required(), email()]} />
    <TextInput source="displayName" validate={required()} />
    <SelectInput source="role" choices={enumChoices('UserRole')} validate={required()} />
    <ReferenceInput source="tenantId" reference="tenants" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput validate={tenantForEditors} />
    </ReferenceInput>
    <BooleanInput source="active" defaultValue />
    <PasswordInput source="password" validate={minLength(10)} autoComplete="new-password" />
  </>
);
