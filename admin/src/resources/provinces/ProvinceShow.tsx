import { Datagrid, Labeled, ReferenceManyField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { enumChoices } from '../../common/enums';

export const ProvinceShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <SelectField source="kind" choices={enumChoices('ProvinceKind')} />
      <TextField source="istatCode" />
      <TextField source="historicIstatCode" emptyText="—" />
      <TextField source="plate" />
      <Labeled label="reti.province.municipalities" fullWidth>
        <ReferenceManyField reference="municipalities" target="provinceId" sort={{ field: 'name', order: 'ASC' }}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <TextField source="name" />
            <TextField source="istatCode" />
          </Datagrid>
        </ReferenceManyField>
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
