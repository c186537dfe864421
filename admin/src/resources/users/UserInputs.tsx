import { BooleanInput, email, FormDataConsumer, minLength, PasswordInput, ReferenceInput, required, SelectInput, TextInput, useRecordContext } from 'react-admin';
import { enumChoices } from '../../common/enums';

/** Editors need a tenant; administrators and regional analysts have none. */
const tenantForEditors = (tenantId: string | null, values: { role?: string }) => (values.role === 'EDITOR' && !tenantId ? 'ra.validation.required' : undefined);

/** The codice fiscale is write-only (the server keeps a keyed hash): the form says whether one is on file. */
const FiscalCodeInput = () => {
  const record = useRecordContext<{ hasFiscalCode?: boolean }>();
  return (
    <TextInput
      source="fiscalCode"
      autoComplete="off"
      parse={(value: string) => (value ? value.replace(/\s+/g, '').toUpperCase() : undefined)}
      helperText={record?.hasFiscalCode ? 'resources.users.fields.hasFiscalCode' : 'resources.users.helpers.fiscalCode'}
    />
  );
};

export const UserInputs = () => (
  <>
    <TextInput source="email" validate={[required(), email()]} />
    <TextInput source="displayName" validate={required()} />
    <SelectInput source="role" choices={enumChoices('UserRole')} validate={required()} />
    <ReferenceInput source="tenantId" reference="tenants" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput validate={tenantForEditors} />
    </ReferenceInput>
    <BooleanInput source="active" defaultValue />
    <BooleanInput source="ssoOnly" defaultValue={false} helperText="resources.users.helpers.ssoOnly" />
    <FiscalCodeInput />
    <FormDataConsumer<{ ssoOnly?: boolean }>>
      {({ formData }) => !formData.ssoOnly && <PasswordInput source="password" validate={minLength(10)} autoComplete="new-password" />}
    </FormDataConsumer>
  </>
);
