import { required, SelectInput, TextInput } from 'react-admin';
import { enumChoices } from '../../common/enums';

export const ATECO_EDITIONS = [
  { id: '2007', name: 'ATECO 2007' },
  { id: '2025', name: 'ATECO 2025' },
];

export const AtecoSectorInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="title" validate={required()} />
    <SelectInput source="level" choices={enumChoices('AtecoLevel')} validate={required()} />
    <TextInput source="section" validate={required()} />
    <SelectInput source="atecoVersion" choices={ATECO_EDITIONS} validate={required()} />
  </>
);
