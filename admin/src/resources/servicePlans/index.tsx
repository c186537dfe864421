import { lazy, Suspense } from 'react';
import { LinearProgress } from '@mui/material';

const NetworkPlans = lazy(() => import('./NetworkPlans').then((module) => ({ default: module.NetworkPlans })));

/** The network's "Personal plans" tab, loaded the first time it is opened. */
export const NetworkPlansTab = () => (
  <Suspense fallback={<LinearProgress />}>
    <NetworkPlans />
  </Suspense>
);
