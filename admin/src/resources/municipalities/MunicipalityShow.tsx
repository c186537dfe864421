import { ReferenceField, Show, SimpleShowLayout, TextField } from 'react-admin';

export const MunicipalityShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="istatCode" />
      <ReferenceField source="provinceId" reference="provinces" link="show" />
    </SimpleShowLayout>
  </Show>
);
