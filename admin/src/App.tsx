import { Admin, CustomRoutes, Resource } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { lazyView } from './common/lazyView';
import { IMPORT_PATH } from './csvImport/importKinds';
import { EXPLORER_PATH } from './explorer/explorerPath';
import { Layout } from './layout/Layout';
import { darkTheme, theme } from './layout/theme';
import { authProvider } from './providers/authProvider';
import { i18nProvider } from './providers/i18nProvider';
import { lazyDataProvider } from './providers/lazyDataProvider';
import allocations from './resources/allocations';
import ambitoMunicipalities from './resources/ambitoMunicipalities';
import atecoSectors from './resources/atecoSectors';
import auditEvents from './resources/auditEvents';
import codesignActions from './resources/codesignActions';
import codesignCalls from './resources/codesignCalls';
import codesignProposals from './resources/codesignProposals';
import competencePacts from './resources/competencePacts';
import crisisCompanies from './resources/crisisCompanies';
import fundingTiers from './resources/fundingTiers';
import fundSources from './resources/fundSources';
import measureCompatibilities from './resources/measureCompatibilities';
import measures from './resources/measures';
import municipalities from './resources/municipalities';
import networkMembers from './resources/networkMembers';
import networks from './resources/networks';
import partners from './resources/partners';
import partnerTypes from './resources/partnerTypes';
import provinces from './resources/provinces';
import serviceTypes from './resources/serviceTypes';
import targetGroups from './resources/targetGroups';
import tenants from './resources/tenants';
import users from './resources/users';
import { WORKSPACE_PATH } from './workspace/workspaceState';

const Dashboard = lazyView(() => import('./dashboard/Dashboard'), 'Dashboard');
const ImportPage = lazyView(() => import('./csvImport/ImportPage'), 'ImportPage');
const Workspace = lazyView(() => import('./workspace/Workspace'), 'Workspace');
// GraphiQL and CodeMirror are the largest chunk of the console: loaded only when the explorer opens.
const Explorer = lazyView(() => import('./explorer/Explorer'), 'Explorer');

/** The console, served by the API server at /admin. */
export const App = () => (
  <BrowserRouter basename="/admin">
    <Admin
      dataProvider={lazyDataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      layout={Layout}
      loginPage={LoginPage}
      theme={theme}
      darkTheme={darkTheme}
      dashboard={Dashboard}
      title="reti.app.title"
      requireAuth
      disableTelemetry
    >
      <Resource name="networks" {...networks} />
      <Resource name="partners" {...partners} />
      <Resource name="crisisCompanies" {...crisisCompanies} />
      <Resource name="competencePacts" {...competencePacts} />
      <Resource name="allocations" {...allocations} />
      <Resource name="auditEvents" {...auditEvents} />
      <Resource name="codesignCalls" {...codesignCalls} />
      <Resource name="codesignProposals" {...codesignProposals} />
      <Resource name="codesignActions" {...codesignActions} />
      <Resource name="codesignCriteria" />
      <Resource name="codesignEvaluators" />
      <Resource name="codesignProposalPartners" />
      <Resource name="codesignScores" />
      <Resource name="targetGroups" {...targetGroups} />
      <Resource name="ambitoMunicipalities" {...ambitoMunicipalities} />
      <Resource name="networkMembers" {...networkMembers} />
      <Resource name="networkCompanies" />
      <Resource name="pactSignatories" />
      <Resource name="fundSources" {...fundSources} />
      <Resource name="measures" {...measures} />
      <Resource name="fundingTiers" {...fundingTiers} />
      <Resource name="measureCompatibilities" {...measureCompatibilities} />
      <Resource name="serviceTypes" {...serviceTypes} />
      <Resource name="partnerTypes" {...partnerTypes} />
      <Resource name="provinces" {...provinces} />
      <Resource name="municipalities" {...municipalities} />
      <Resource name="atecoSectors" {...atecoSectors} />
      <Resource name="tenants" {...tenants} />
      <Resource name="users" {...users} />
      <CustomRoutes>
        <Route path={IMPORT_PATH} element={<ImportPage />} />
        <Route path={WORKSPACE_PATH} element={<Workspace />} />
        <Route path={EXPLORER_PATH} element={<Explorer />} />
      </CustomRoutes>
    </Admin>
  </BrowserRouter>
);
