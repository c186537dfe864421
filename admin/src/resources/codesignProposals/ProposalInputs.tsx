import { AutocompleteInput, ReferenceInput, required, TextInput } from 'react-admin';

/** What a body says of its proposal; the actions and partners are added on its page. */
export const ProposalInputs = ({ creating = false }: { creating?: boolean }) => (
  <>
    {creating && (
      <ReferenceInput source="callId" reference="codesignCalls" filter={{ statuses: ['PUBLISHED'] }}>
        <AutocompleteInput optionText="title" validate={required()} fullWidth />
      </ReferenceInput>
    )}
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="leadLegalName" validate={required()} fullWidth />
    <TextInput source="leadTaxCode" validate={required()} />
    <TextInput source="summary" multiline fullWidth minRows={3} />
  </>
);
