import { Table, TableBody, TableCell, TableHead, TableRow, useTheme } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { amountToNumber, euroTick, euroTooltip, formatEuro } from './chartFormat';
import { ChartCard } from './ChartCard';

/** Each fund source, by name as in the table: what all tenants committed and what is still available, against its budget. */
export const FundSourcesChart = () => {
  const translate = useTranslate();
  const theme = useTheme();
  const { data = [], isPending } = useGetList('fundSources', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  if (isPending) return null;
  const field = (name: string) => translate(`resources.fundSources.fields.${name}`);
  const bars = data.map((source) => ({ name: source.name, committed: amountToNumber(source.committed), available: Math.max(0, amountToNumber(source.available)) }));
  return (
    <ChartCard title="reti.dashboard.fund_sources" empty={!data.length}>
      <ResponsiveContainer width="100%" height={60 + 50 * bars.length}>
        <BarChart data={bars} layout="vertical" margin={{ left: 10, right: 30 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={euroTick} />
          <YAxis type="category" dataKey="name" width={230} tick={{ fontSize: 12 }} />
          <Tooltip formatter={euroTooltip} />
          <Legend />
          <Bar dataKey="committed" name={field('committed')} stackId="budget" fill={theme.palette.primary.main} />
          <Bar dataKey="available" name={field('available')} stackId="budget" fill={theme.palette.success.light} />
        </BarChart>
      </ResponsiveContainer>
      <Table size="small" data-testid="fund-sources" sx={{ '& td, & th': { px: { xs: 0.5, sm: 2 }, fontSize: { xs: '0.75rem', sm: '0.875rem' } } }}>
        <TableHead>
          <TableRow>
            <TableCell>{field('name')}</TableCell>
            <TableCell align="right">{field('budget')}</TableCell>
            <TableCell align="right">{field('committed')}</TableCell>
            <TableCell align="right">{field('available')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data.map((source) => (
            <TableRow key={source.id} sx={{ '& td + td': { whiteSpace: { xs: 'normal', sm: 'nowrap' } } }}>
              <TableCell>{source.name}</TableCell>
              <TableCell align="right">{formatEuro(source.budget)}</TableCell>
              <TableCell align="right">{formatEuro(source.committed)}</TableCell>
              <TableCell align="right">{formatEuro(source.available)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ChartCard>
  );
};
