import { useTheme } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { ChartCard } from './ChartCard';

const STATUSES = ['DRAFT', 'ACTIVE', 'CLOSED', 'WITHDRAWN'] as const;

/** How many networks there are of each status: one page-size-1 count per status. */
const useNetworkCount = (status: string) =>
  useGetList('networks', { pagination: { page: 1, perPage: 1 }, filter: { statuses: [status] } }).total ?? 0;

export const NetworksByStatus = () => {
  const translate = useTranslate();
  const theme = useTheme();
  const counts = {
    DRAFT: useNetworkCount('DRAFT'),
    ACTIVE: useNetworkCount('ACTIVE'),
    CLOSED: useNetworkCount('CLOSED'),
    WITHDRAWN: useNetworkCount('WITHDRAWN'),
  };
  const colours = { DRAFT: theme.palette.warning.main, ACTIVE: theme.palette.success.main, CLOSED: theme.palette.grey[500], WITHDRAWN: theme.palette.error.light };
  const slices = STATUSES.map((status) => ({ status, name: translate(`reti.enums.NetworkStatus.${status}`), value: counts[status] })).filter((s) => s.value > 0);
  return (
    <ChartCard title="reti.dashboard.by_status" empty={!slices.length}>
      <ResponsiveContainer width="100%" height={280}>
        <PieChart>
          <Pie data={slices} dataKey="value" nameKey="name" outerRadius={100} label>
            {slices.map((slice) => (
              <Cell key={slice.status} fill={colours[slice.status]} />
            ))}
          </Pie>
          <Tooltip />
          <Legend />
        </PieChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
