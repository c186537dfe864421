import {
  AutocompleteInput,
  Datagrid,
  DateField,
  EditButton,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  ReferenceInput,
  ReferenceManyField,
  required,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TextInput,
  NumberInput,
  TopToolbar,
  useRecordContext,
  SingleFieldList,
  ChipField,
  useGetIdentity,
  SelectInput,
  useGetList,
  useTranslate,
} from 'react-admin';
import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { codesignApi } from './codesignApi';
import { AuditHistory } from '../../common/AuditHistory';
import { enumChoices } from '../../common/enums';
import { InlineCreateForm } from '../../common/InlineCreateForm';
import { LocalDateField } from '../../common/LocalDateField';
import { MoneyField } from '../../common/MoneyField';
import { RemoveButton } from '../../common/RemoveButton';
import { CallRanking } from './CallRanking';
import { CallLifecycle } from './CallLifecycle';

const Criteria = () => {
  const call = useRecordContext();
  if (!call) return null;
  return (
    <>
      <ReferenceManyField reference="codesignCriteria" target="callId" sort={{ field: 'position', order: 'ASC' }} perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="criteria">
          <TextField source="name" />
          <NumberField source="weight" />
          <RemoveButton />
        </Datagrid>
      </ReferenceManyField>
      {call.status === 'DRAFT' && (
        <InlineCreateForm resource="codesignCriteria" defaults={{ callId: call.id, position: 1 }} submitLabel="reti.codesign.add_criterion" successMessage="reti.codesign.criterion_added">
          <TextInput source="name" validate={required()} sx={{ width: 380 }} />
          <NumberInput source="weight" validate={required()} min={1} max={100} sx={{ width: 120 }} />
        </InlineCreateForm>
      )}
    </>
  );
};

const Evaluators = () => {
  const call = useRecordContext();
  const { identity } = useGetIdentity();
  const { data: colleagues = [] } = useQuery({ queryKey: ['colleagues'], queryFn: codesignApi.colleagues, enabled: !!call && identity?.tenantId === call.tenantId });
  const { data: appointed = [] } = useGetList('codesignEvaluators', { filter: { callId: call?.id }, pagination: { page: 1, perPage: 100 } }, { enabled: !!call });
  if (!call) return null;
  // The commission is fixed when the call closes, and nobody appoints themself.
  const open = ['DRAFT', 'PUBLISHED'].includes(call.status) && identity?.tenantId === call.tenantId;
  return (
    <>
      <ReferenceManyField reference="codesignEvaluators" target="callId" perPage={100}>
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="evaluators" empty={<EmptyEvaluators />}>
          <TextField source="userName" emptyText="—" />
          <ReferenceField source="affiliatedBodyId" reference="tenants" link={false} emptyText="—">
            <TextField source="name" />
          </ReferenceField>
          {open && <RemoveButton />}
        </Datagrid>
      </ReferenceManyField>
      {open && (
        <InlineCreateForm resource="codesignEvaluators" defaults={{ callId: call.id }} submitLabel="reti.codesign.add_evaluator" successMessage="reti.codesign.evaluator_added">
          <SelectInput source="userId" choices={colleagues.filter((c) => c.id !== identity?.id && !appointed.some((e) => e.userId === c.id))} optionText="displayName" validate={required()} sx={{ width: 380 }} />
          {/* The body is a tenant of kind THIRD_SECTOR_BODY: picked by name, never typed as an id. */}
          <ReferenceInput source="affiliatedBodyId" reference="tenants" filter={{ kind: 'THIRD_SECTOR_BODY' }} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput optionText="name" sx={{ width: 380 }} />
          </ReferenceInput>
        </InlineCreateForm>
      )}
    </>
  );
};

const EmptyEvaluators = () => {
  const translate = useTranslate();
  return <Alert severity="info">{translate('reti.codesign.no_evaluators')}</Alert>;
};

export const CallShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <CallLifecycle />
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.call">
        <TextField source="code" />
        <TextField source="title" />
        <SelectField source="status" choices={enumChoices('CodesignCallStatus')} />
        <DateField source="deadline" showTime />
        <TextField source="object" />
        <TextField source="generalObjectives" emptyText="—" />
        <TextField source="specificObjectives" emptyText="—" />
        <TextField source="resources" emptyText="—" />
        <MoneyField source="budget" emptyText="—" />
        <ReferenceArrayField source="targetGroupIds" reference="targetGroups">
          <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
          </SingleFieldList>
        </ReferenceArrayField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.criteria" path="criteria">
        <Criteria />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.evaluators" path="evaluators">
        <Evaluators />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.proposals" path="proposals">
        <ReferenceManyField reference="codesignProposals" target="callId" perPage={100}>
          <Datagrid bulkActionButtons={false} rowClick="show">
            <TextField source="leadLegalName" />
            <TextField source="title" />
            <SelectField source="status" choices={enumChoices('CodesignProposalStatus')} />
            <DateField source="submittedAt" showTime emptyText="—" />
          </Datagrid>
        </ReferenceManyField>
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.ranking" path="ranking">
        <CallRanking />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.codesign.tabs.project" path="project">
        <TextField source="awardActNumber" emptyText="—" />
        <LocalDateField source="awardActDate" />
        <ReferenceField source="networkId" reference="networks" link="show" emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.network.tabs.history" path="history">
        <AuditHistory />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
