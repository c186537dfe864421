import { AutocompleteArrayInput, DateTimeInput, ReferenceArrayInput, required, TextInput } from 'react-admin';
import { MoneyInput } from '../../common/MoneyInput';
import { MissingRequired } from './MissingRequired';

const REQUIRED = ['code', 'title', 'object', 'deadline'];

/** The call's content: fixed once published (the server refuses changes then). */
export const CallInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="object" validate={required()} multiline fullWidth minRows={3} />
    <TextInput source="generalObjectives" multiline fullWidth minRows={2} />
    <TextInput source="specificObjectives" multiline fullWidth minRows={2} />
    <TextInput source="resources" multiline fullWidth minRows={2} />
    <MoneyInput source="budget" />
    <ReferenceArrayInput source="targetGroupIds" reference="targetGroups" perPage={50} sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteArrayInput fullWidth />
    </ReferenceArrayInput>
    <DateTimeInput source="deadline" validate={required()} />
    <MissingRequired fields={REQUIRED} />
  </>
);
