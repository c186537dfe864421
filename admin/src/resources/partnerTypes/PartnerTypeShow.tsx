import { Show, SimpleShowLayout, TextField } from 'react-admin';

export const PartnerTypeShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
    </SimpleShowLayout>
  </Show>
);
