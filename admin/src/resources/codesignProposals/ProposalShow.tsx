import { AutocompleteInput, Datagrid, DateField, EditButton, FunctionField, ReferenceField, ReferenceInput, ReferenceManyField, required, SelectField, Show, TabbedShowLayout, TextField, TextInput, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { AuditHistory } from '../../common/AuditHistory';
import { enumChoices } from '../../common/enums';
import { InlineCreateForm } from '../../common/InlineCreateForm';
import { RemoveButton } from '../../common/RemoveButton';
import { CompletenessMeter } from './CompletenessMeter';
import { ScoringSheet } from './ScoringSheet';
import { SubmitButton } from './SubmitButton';

const Actions = () => {
  const proposal = useRecordContext();
  const translate = useTranslate();
  if (!proposal) return null;
  return (
    <>
      <ReferenceManyField reference="codesignActions" target="proposalId" sort={{ field: 'position', order: 'ASC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick="edit" data-testid="actions">
          <TextField source="title" />
          <FunctionField
            label="reti.codesign.missing_sections"
            render={(action: { missingSections: number[] }) => (action.missingSections.length ? action.missingSections.join(', ') : translate('reti.codesign.all_sections'))}
          />
          {proposal.status === 'DRAFT' && <EditButton />}
          {proposal.status === 'DRAFT' && <RemoveButton />}
        </Datagrid>
      </ReferenceManyField>
      {proposal.status === 'DRAFT' && (
        <InlineCreateForm resource="codesignActions" defaults={{ proposalId: proposal.id, position: 1 }} submitLabel="reti.codesign.add_action" successMessage="reti.codesign.action_added">
          <TextInput source="title" validate={required()} sx={{ width: 420 }} />
        </InlineCreateForm>
      )}
    </>
  );
};

const Partners = () => {
  const proposal = useRecordContext();
  if (!proposal) return null;
  return (
    <>
      <ReferenceManyField reference="codesignProposalPartners" target="proposalId" perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="legalName" />
          <TextField source="taxCode" />
          <ReferenceField source="partnerTypeId" reference="partnerTypes" link={false} />
          <TextField source="contribution" emptyText="—" />
          {proposal.status === 'DRAFT' && <RemoveButton />}
        </Datagrid>
      </ReferenceManyField>
      {proposal.status === 'DRAFT' && (
        <InlineCreateForm resource="codesignProposalPartners" defaults={{ proposalId: proposal.id }} submitLabel="reti.codesign.add_partner" successMessage="reti.codesign.partner_added">
          <TextInput source="legalName" validate={required()} sx={{ width: 300 }} />
          <TextInput source="taxCode" validate={required()} sx={{ width: 200 }} />
          <ReferenceInput source="partnerTypeId" reference="partnerTypes" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput validate={required()} sx={{ width: 300 }} />
          </ReferenceInput>
        </InlineCreateForm>
      )}
    </>
  );
};

export const ProposalShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <CompletenessMeter />
    <SubmitButton />
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.proposal">
        <ReferenceField source="callId" reference="codesignCalls" link="show" />
        <TextField source="title" />
        <TextField source="leadLegalName" />
        <TextField source="leadTaxCode" />
        <TextField source="summary" emptyText="—" />
        <SelectField source="status" choices={enumChoices('CodesignProposalStatus')} />
        <DateField source="submittedAt" showTime emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.actions" path="actions">
        <Actions />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.partners" path="partners">
        <Partners />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.scores" path="scores">
        <ScoringSheet />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.network.tabs.history" path="history">
        <AuditHistory />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
