import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useListContext, useTranslate } from 'react-admin';
import type { RetiDataProvider } from '../providers/dataProvider';
import { sumAmounts } from './amounts';
import { formatEuro } from './format';

const TotalsRow = ({ label, amounts }: { label: string; amounts: [string, string][] }) => (
  <Box data-testid="list-totals" sx={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: 3, px: 2, py: 1, borderTop: 1, borderColor: 'divider' }}>
    <Typography component="span" sx={{ fontWeight: 'bold' }}>
      {label}
    </Typography>
    {amounts.map(([name, amount]) => (
      <Typography key={name} component="span" sx={{ fontWeight: 'bold', whiteSpace: 'nowrap' }}>
        {name} {formatEuro(amount)}
      </Typography>
    ))}
  </Box>
);

/** Under the allocations: the total of every allocation the filters select, summed by the server, not only the page's. */
export const AllocationListTotal = () => {
  const translate = useTranslate();
  const { filterValues, total = 0 } = useListContext();
  const dataProvider = useDataProvider<RetiDataProvider>();
  // Totals of no allocation at all have no amount: asked only when the list has some.
  const { data: [totals] = [] } = useQuery({
    queryKey: ['allocations', 'listTotal', filterValues],
    queryFn: () => dataProvider.getAllocationTotals([], filterValues),
    enabled: total > 0,
  });
  if (!total || !totals) return null;
  return <TotalsRow label={translate('reti.lists.total_of', { smart_count: totals.count })} amounts={[[translate('resources.allocations.fields.amount'), totals.total]]} />;
};

/** Under a list of a few records with amounts (fund sources): the sums of the page shown. */
export const PageTotals = ({ sources }: { sources: string[] }) => {
  const translate = useTranslate();
  const { data = [], total = 0, resource } = useListContext();
  if (!data.length) return null;
  return (
    <TotalsRow
      label={translate(total > data.length ? 'reti.lists.page_total' : 'reti.lists.total')}
      amounts={sources.map((source) => [translate(`resources.${resource}.fields.${source}`), sumAmounts(data.map((record) => record[source] ?? '0'))])}
    />
  );
};
