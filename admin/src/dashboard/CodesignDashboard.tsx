import { Card, CardContent, Chip, Grid, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';

/** One panel: a title, its records as links, or what to do when there are none. */
const Panel = ({ title, empty, children, testId }: { title: string; empty: string | null; children: React.ReactNode; testId: string }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }} data-testid={testId}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        {empty ? <Typography color="text.secondary">{translate(empty)}</Typography> : <List dense>{children}</List>}
      </CardContent>
    </Card>
  );
};

/**
 * A third-sector body's dashboard: the calls open to its proposals and its own proposals, each a
 * link to its page. Nothing of other tenants' registries or funds.
 */
export const CodesignDashboard = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data: calls = [], isPending: callsPending } = useGetList('codesignCalls', { pagination: { page: 1, perPage: 20 }, sort: { field: 'deadline', order: 'ASC' }, filter: { statuses: ['PUBLISHED'] } });
  const { data: proposals = [], isPending: proposalsPending } = useGetList('codesignProposals', { pagination: { page: 1, perPage: 20 }, sort: { field: 'updatedAt', order: 'DESC' } });
  return (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Panel title="reti.dashboard.open_calls" testId="dashboard-calls" empty={callsPending ? null : calls.length ? null : 'reti.dashboard.no_open_calls'}>
          {calls.map((call) => (
            // A list holds items: each link inside one.
            <ListItem key={call.id} disablePadding>
              <ListItemButton component={Link} to={createPath({ resource: 'codesignCalls', id: call.id, type: 'show' })}>
                <ListItemText primary={call.title} secondary={translate('reti.dashboard.deadline', { date: formatDateTime(call.deadline) })} />
              </ListItemButton>
            </ListItem>
          ))}
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, lg: 6 }}>
        <Panel title="reti.dashboard.my_proposals" testId="dashboard-proposals" empty={proposalsPending ? null : proposals.length ? null : 'reti.dashboard.no_proposals'}>
          {proposals.map((proposal) => (
            <ListItem key={proposal.id} disablePadding>
              <ListItemButton component={Link} to={createPath({ resource: 'codesignProposals', id: proposal.id, type: 'show' })}>
                <ListItemText primary={proposal.title} />
                <Chip size="small" label={translate(`reti.enums.CodesignProposalStatus.${proposal.status}`)} />
              </ListItemButton>
            </ListItem>
          ))}
        </Panel>
      </Grid>
    </Grid>
  );
};
