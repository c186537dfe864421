import { regex, required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../../common/enums';

const istatProvinceCode = regex(/^\d{3}$/, 'reti.validation.istat_province');

export const ProvinceInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <SelectInput source="kind" choices={enumChoices('ProvinceKind')} validate={required()} />
    <TextInput source="istatCode" validate={[required(), istatProvinceCode]} />
    <TextInput source="historicIstatCode" validate={istatProvinceCode} />
    <TextInput source="plate" validate={[required(), regex(/^[A-Z]{2}$/, 'reti.validation.plate')]} />
  </>
);
