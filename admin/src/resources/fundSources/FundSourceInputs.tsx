import { required, TextInput } from 'react-admin';
import { DateInput } from '../../common/ItalianInputs';
import { MoneyInput } from '../../common/MoneyInput';
import { notBefore } from '../../common/validation';
import { FundSourceMeasuresInput } from './FundSourceMeasures';

export const FundSourceInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="programme" />
    <MoneyInput source="budget" validate={required()} />
    <DateInput source="availableFrom" />
    <DateInput source="availableTo" validate={notBefore('availableFrom')} />
    <FundSourceMeasuresInput />
  </>
);
