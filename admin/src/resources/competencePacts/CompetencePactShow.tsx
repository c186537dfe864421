import { AutocompleteInput, Datagrid, ReferenceField, ReferenceInput, ReferenceManyField, required, SelectField, Show, TabbedShowLayout, TextField, useRecordContext } from 'react-admin';
import { enumChoices } from '../../common/enums';
import { InlineCreateForm } from '../../common/InlineCreateForm';
import { LocalDateField } from '../../common/LocalDateField';
import { RemoveButton } from '../../common/RemoveButton';

/** The partners that signed the pact, and a form to add one. */
const Signatories = () => {
  const pact = useRecordContext();
  if (!pact) return null;
  return (
    <>
      <ReferenceManyField reference="pactSignatories" target="pactId" perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <ReferenceField source="partnerId" reference="partners" link="show" />
          <RemoveButton source="partnerId" reference="partners" question="edit.remove_signatory" />
        </Datagrid>
      </ReferenceManyField>
      <InlineCreateForm resource="pactSignatories" defaults={{ pactId: pact.id }} submitLabel="reti.pact.add_signatory" successMessage="reti.pact.signatory_added">
        <ReferenceInput source="partnerId" reference="partners" sort={{ field: 'legalName', order: 'ASC' }}>
          <AutocompleteInput validate={required()} sx={{ width: 380 }} />
        </ReferenceInput>
      </InlineCreateForm>
    </>
  );
};

export const CompetencePactShow = () => (
  <Show>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="reti.network.tabs.summary">
        <TextField source="name" />
        <TextField source="territory" />
        <LocalDateField source="signedOn" />
        <TextField source="referenceAct" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.pact.signatories" path="signatories">
        <Signatories />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.pact.networks" path="networks">
        <ReferenceManyField reference="networks" target="pactId" label={false}>
          <Datagrid bulkActionButtons={false} rowClick="show" resource="networks">
            <TextField source="code" />
            <TextField source="title" />
            <SelectField source="status" choices={enumChoices('NetworkStatus')} />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
