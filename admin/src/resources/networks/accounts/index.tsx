import { Suspense } from 'react';
import { LinearProgress } from 'react-admin';
import { lazyView } from '../../../common/lazyView';

const PlanOfAccounts = lazyView(() => import('./PlanOfAccounts'), 'PlanOfAccounts');
const ProjectSheet = lazyView(() => import('./ProjectSheet'), 'ProjectSheet');

/** The plan of accounts' tab, loaded when first opened; the tab's own loader keeps the page in place meanwhile. */
export const PlanOfAccountsTab = () => (
  <Suspense fallback={<LinearProgress />}>
    <PlanOfAccounts />
  </Suspense>
);

/** The project sheet's tab, loaded when first opened. */
export const ProjectSheetTab = () => (
  <Suspense fallback={<LinearProgress />}>
    <ProjectSheet />
  </Suspense>
);
