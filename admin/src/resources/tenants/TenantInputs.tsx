import { regex, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../../common/enums';

export const TenantInputs = () => (
  <>
    <TextInput source="code" validate={[required(), regex(/^[A-Z0-9_]+$/, 'reti.validation.code')]} />
    <TextInput source="name" validate={required()} />
    <SelectInput source="kind" choices={enumChoices('TenantKind')} validate={required()} />
    <TextInput source="istatCode" validate={regex(/^(\d{3}|\d{6})$/, 'reti.validation.istat_tenant')} />
  </>
);
