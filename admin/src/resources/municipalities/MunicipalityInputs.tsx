import { ReferenceInput, regex, required, SelectInput, TextInput } from 'react-admin';

export const MunicipalityInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="istatCode" validate={[required(), regex(/^\d{6}$/, 'reti.validation.istat_municipality')]} />
    <ReferenceInput source="provinceId" reference="provinces" sort={{ field: 'name', order: 'ASC' }}>
      <SelectInput validate={required()} />
    </ReferenceInput>
  </>
);
