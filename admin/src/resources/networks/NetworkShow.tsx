import { EditButton, NumberField, ReferenceField, SelectField, Show, TabbedShowLayout, TabbedShowLayoutTabs, TextField, TopToolbar } from 'react-admin';
import { AuditHistory } from '../../common/AuditHistory';
import { enumChoices } from '../../common/enums';
import { LocalDateField } from '../../common/LocalDateField';
import { PlanOfAccountsTab, ProjectSheetTab } from './accounts';
import { NetworkPlansTab } from '../servicePlans';
import { CompliancePanel } from './CompliancePanel';
import { NetworkAllocations } from './NetworkAllocations';
import { NetworkCompanies } from './NetworkCompanies';
import { NetworkRoster } from './NetworkRoster';
import { NetworkStatusBar } from './NetworkStatusBar';

export const NetworkShow = () => (
  <Show
    actions={
      <TopToolbar>
        <EditButton />
      </TopToolbar>
    }
  >
    <NetworkStatusBar />
    <TabbedShowLayout tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}>
      <TabbedShowLayout.Tab label="reti.network.tabs.summary">
        <TextField source="code" />
        <TextField source="title" />
        <ReferenceField source="measureId" reference="measures" link="show" />
        <SelectField source="status" choices={enumChoices('NetworkStatus')} />
        <LocalDateField source="startDate" />
        <LocalDateField source="endDate" />
        <NumberField source="plannedSuspended" />
        <NumberField source="plannedUnemployed" />
        <NumberField source="plannedRecipients" />
        <TextField source="supplyChain" emptyText="—" />
        <ReferenceField source="atecoSectorId" reference="atecoSectors" link={false} emptyText="—" />
        <ReferenceField source="pactId" reference="competencePacts" link="show" emptyText="—" />
        <TextField source="description" emptyText="—" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.network.tabs.roster" path="roster">
        <NetworkRoster />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.network.tabs.companies" path="companies">
        <NetworkCompanies />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.network.tabs.allocations" path="allocations">
        <NetworkAllocations />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="accounts.tabs.plan" path="accounts">
        <PlanOfAccountsTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="accounts.tabs.sheet" path="sheet">
        <ProjectSheetTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.plans.tab" path="plans">
        <NetworkPlansTab />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.network.tabs.compliance" path="compliance">
        <CompliancePanel />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="reti.network.tabs.history" path="history">
        <AuditHistory />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
