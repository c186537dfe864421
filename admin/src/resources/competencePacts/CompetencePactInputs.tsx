import { required, TextInput } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';

export const CompetencePactInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <TextInput source="territory" validate={required()} />
    <DateInput source="signedOn" />
    <TextInput source="referenceAct" defaultValue="DGR 7231/2022" validate={required()} />
  </>
);
