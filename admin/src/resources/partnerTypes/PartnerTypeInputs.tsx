import { required, TextInput } from 'react-admin';

export const PartnerTypeInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
  </>
);
