import { Grid, Typography } from '@mui/material';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { AllocationTotalsChart } from './AllocationTotalsChart';
import { CodesignDashboard } from './CodesignDashboard';
import { FundSourcesChart } from './FundSourcesChart';
import { NetworksByStatus } from './NetworksByStatus';

/** The registry's figures; a third-sector body's users see their co-design work instead. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <>
      <Title title="reti.dashboard.title" />
      <Typography variant="h5" sx={{ my: 2 }}>
        {translate('reti.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      {!identity ? null : identity.thirdSectorBody ? (
        <CodesignDashboard />
      ) : (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <FundSourcesChart />
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <NetworksByStatus />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <AllocationTotalsChart by="MEASURE" />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <AllocationTotalsChart by="PROVINCE" />
          </Grid>
        </Grid>
      )}
    </>
  );
};
