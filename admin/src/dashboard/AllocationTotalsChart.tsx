import { useTheme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetList, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RetiDataProvider } from '../providers/dataProvider';
import { amountToNumber, euroTick, euroTooltip } from './chartFormat';
import { ChartCard } from './ChartCard';

/** Committed allocations, grouped on the server by measure or by the province of the owning tenant. */
export const AllocationTotalsChart = ({ by }: { by: 'MEASURE' | 'PROVINCE' }) => {
  const translate = useTranslate();
  const theme = useTheme();
  const dataProvider = useDataProvider<RetiDataProvider>();
  // The query key starts with a resource name, so react-admin's refresh reloads it too.
  const { data: totals = [] } = useQuery({
    queryKey: ['allocations', 'totals', by],
    queryFn: () => dataProvider.getAllocationTotals([by], { status: 'COMMITTED' }),
  });
  const { data: measures = [] } = useGetList('measures', { pagination: { page: 1, perPage: 500 } }, { enabled: by === 'MEASURE' });
  const label = (key: string | null | undefined) =>
    by === 'MEASURE' ? (measures.find((m) => m.code === key)?.name ?? key) : (key ?? translate('reti.dashboard.regional'));
  const bars = totals.map((group) => ({ name: label(by === 'MEASURE' ? group.measure : group.province), total: amountToNumber(group.total) }));
  return (
    <ChartCard title={by === 'MEASURE' ? 'reti.dashboard.by_measure' : 'reti.dashboard.by_province'} empty={!bars.length}>
      <ResponsiveContainer width="100%" height={80 + 45 * bars.length}>
        <BarChart data={bars} layout="vertical" margin={{ left: 40, right: 30 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={euroTick} />
          <YAxis type="category" dataKey="name" width={240} />
          <Tooltip formatter={euroTooltip} />
          <Bar dataKey="total" name={translate('reti.dashboard.committed_total')} fill={by === 'MEASURE' ? theme.palette.primary.main : theme.palette.secondary.main} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
};
