import { SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';

export const AtecoSectorShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="title" />
      <SelectField source="level" choices={enumChoices('AtecoLevel')} />
      <TextField source="section" />
      <TextField source="atecoVersion" />
    </SimpleShowLayout>
  </Show>
);
