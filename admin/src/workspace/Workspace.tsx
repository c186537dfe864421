import DownloadIcon from '@mui/icons-material/Download';
import LinkIcon from '@mui/icons-material/Link';
import { Alert, Box, Button, Card, CardContent, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, TextField, Typography, useMediaQuery, useTheme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { downloadCSV, Title, useDataProvider, useGetList, useNotify, usePermissions, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CSV_BOM, csvLine, neutraliseFormulas } from '../../../server/src/common/csv';
import { sumAmounts } from '../common/amounts';
import { DateFilterField } from '../common/ItalianInputs';
import { enumValues } from '../providers/apiSchema';
import { formatAmount, formatEuro, parseAmount } from '../common/format';
import { amountToNumber, euroTick, euroTooltip } from '../dashboard/chartFormat';
import { ALLOCATION_DIMENSIONS, AllocationDimension } from '../providers/allocationDimensions';
import type { AllocationTotal, RetiDataProvider } from '../providers/dataProvider';
import { DEFAULT_STATE, parseWorkspace, WorkspaceFilter, WorkspaceState, workspaceParams } from './workspaceState';
import { formatItalianDate } from '../../../server/src/common/dates';

const FIELD: Record<AllocationDimension, keyof AllocationTotal> = {
  MEASURE: 'measure',
  FUND_SOURCE: 'fundSource',
  PROVINCE: 'province',
  TENANT: 'tenant',
  KIND: 'kind',
  STATUS: 'status',
  YEAR: 'year',
};

/** The largest groups the chart draws; the table shows them all. */
const CHART_GROUPS = 20;

/** Words for the keys of a group: names for codes, labels for enum values. */
function useKeyLabel() {
  const translate = useTranslate();
  const { permissions: role } = usePermissions();
  const page = { pagination: { page: 1, perPage: 500 } };
  const { data: measures = [] } = useGetList('measures', page);
  const { data: fundSources = [] } = useGetList('fundSources', page);
  // Only administrators list tenants; the others see the tenant's code.
  const { data: tenants = [] } = useGetList('tenants', page, { enabled: role === 'ADMIN' });
  const byCode = (records: { code: string; name: string }[], code: string) => records.find((r) => r.code === code)?.name ?? code;
  return (dimension: AllocationDimension, row: AllocationTotal): string => {
    const value = row[FIELD[dimension]];
    if (value === null || value === undefined) return translate('reti.workspace.unassigned');
    switch (dimension) {
      case 'MEASURE':
        return byCode(measures, String(value));
      case 'FUND_SOURCE':
        return byCode(fundSources, String(value));
      case 'TENANT':
        return byCode(tenants, String(value));
      case 'KIND':
        return translate(`reti.enums.AllocationKind.${value}`);
      case 'STATUS':
        return translate(`reti.enums.AllocationStatus.${value}`);
      default:
        return String(value);
    }
  };
}

/** An amount as an Italian spreadsheet reads a number: "1234,50". */
const spreadsheetAmount = (amount: string) => amount.replace('.', ',');

const EnumSelect = ({ name, value, label, onChange }: { name: string; value?: string; label: string; onChange: (value: string) => void }) => {
  const translate = useTranslate();
  return (
    <TextField select label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 200 }} fullWidth={false}>
      <MenuItem value="">{translate('reti.workspace.any')}</MenuItem>
      {enumValues(name).map((v) => (
        <MenuItem key={v} value={v}>
          {translate(`reti.enums.${name}.${v}`)}
        </MenuItem>
      ))}
    </TextField>
  );
};

/** The filters and HAVING conditions of a workspace. */
const Controls = ({ state, onChange }: { state: WorkspaceState; onChange: (state: WorkspaceState) => void }) => {
  const translate = useTranslate();
  const { data: fundSources = [] } = useGetList('fundSources', { pagination: { page: 1, perPage: 500 }, sort: { field: 'code', order: 'ASC' } });
  const [minTotal, setMinTotal] = useState(state.having.minTotal ? formatAmount(state.having.minTotal) : '');
  const minTotalValid = !minTotal || parseAmount(minTotal) !== undefined;
  const dimension = (d: AllocationDimension) => translate(`reti.workspace.dimensions.${d}`);
  const setFilter = (key: keyof WorkspaceFilter, value: string) => onChange({ ...state, filter: { ...state.filter, [key]: value || undefined } });
  const toggle = (d: AllocationDimension) =>
    onChange({ ...state, groupBy: state.groupBy.includes(d) ? state.groupBy.filter((g) => g !== d) : [...state.groupBy, d] });
  const sourceName = (id: string) => fundSources.find((source) => source.id === id)?.name ?? id;
  const filterValue = (key: keyof WorkspaceFilter, value: string) => {
    switch (key) {
      case 'fundSourceId':
        return sourceName(value);
      case 'kind':
        return translate(`reti.enums.AllocationKind.${value}`);
      case 'status':
        return translate(`reti.enums.AllocationStatus.${value}`);
      default:
        return formatItalianDate(value);
    }
  };
  // What narrows the table, each removable: nothing is applied without saying so.
  const chips = [
    ...ALLOCATION_DIMENSIONS.filter((d) => state.groupBy.includes(d)).map((d) => ({
      key: `by-${d}`,
      text: `${translate('reti.workspace.group_by')}: ${dimension(d)}`,
      remove: () => toggle(d),
    })),
    ...(Object.entries(state.filter) as [keyof WorkspaceFilter, string | undefined][])
      .filter(([, value]) => value)
      .map(([key, value]) => ({ key, text: `${translate(`resources.allocations.fields.${key}`)} = ${filterValue(key, value!)}`, remove: () => setFilter(key, '') })),
    ...(state.having.minTotal ? [{ key: 'minTotal', text: `${translate('reti.workspace.min_total')}: ${formatAmount(state.having.minTotal)}`, remove: () => { setMinTotal(''); onChange({ ...state, having: { ...state.having, minTotal: undefined } }); } }] : []),
    ...(state.having.minCount ? [{ key: 'minCount', text: `${translate('reti.workspace.min_count')}: ${state.having.minCount}`, remove: () => onChange({ ...state, having: { ...state.having, minCount: undefined } }) }] : []),
  ];
  const isDefault = JSON.stringify(state) === JSON.stringify(DEFAULT_STATE);
  return (
    <Stack spacing={2}>
      <Box data-testid="workspace-active" aria-live="polite">
        {isDefault ? (
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('reti.workspace.default_view')}
          </Typography>
        ) : null}
        <Stack direction="row" flexWrap="wrap" useFlexGap spacing={1} alignItems="center">
          <Typography variant="body2" component="span">
            {translate('reti.workspace.active')}
          </Typography>
          {chips.length ? (
            chips.map((chip) => (
              <Chip key={chip.key} label={chip.text} onDelete={chip.remove} />
            ))
          ) : (
            <Typography variant="body2" component="span" color="text.secondary">
              {translate('reti.workspace.none_active')}
            </Typography>
          )}
        </Stack>
      </Box>
      <Box role="group" aria-labelledby="workspace-group-by">
        <Typography id="workspace-group-by" variant="subtitle1" component="h2" gutterBottom>
          {translate('reti.workspace.group_by')}
        </Typography>
        <Stack direction="row" flexWrap="wrap" useFlexGap spacing={1}>
          {ALLOCATION_DIMENSIONS.map((d) => {
            const position = state.groupBy.indexOf(d);
            return (
              <Chip
                key={d}
                label={position >= 0 ? `${position + 1}. ${dimension(d)}` : dimension(d)}
                aria-pressed={position >= 0}
                color={position >= 0 ? 'primary' : 'default'}
                variant={position >= 0 ? 'filled' : 'outlined'}
                onClick={() => toggle(d)}
              />
            );
          })}
        </Stack>
      </Box>
      <Box>
        <Typography variant="subtitle1" component="h2" gutterBottom>
          {translate('reti.workspace.filters')}
        </Typography>
        <Stack direction="row" flexWrap="wrap" useFlexGap spacing={2}>
          <TextField
            select
            label={translate('resources.allocations.fields.fundSourceId')}
            value={state.filter.fundSourceId ?? ''}
            onChange={(e) => setFilter('fundSourceId', e.target.value)}
            sx={{ minWidth: 240 }}
            fullWidth={false}
          >
            <MenuItem value="">{translate('reti.workspace.any')}</MenuItem>
            {fundSources.map((source) => (
              <MenuItem key={source.id} value={source.id}>
                {source.name}
              </MenuItem>
            ))}
          </TextField>
          <EnumSelect name="AllocationKind" label={translate('resources.allocations.fields.kind')} value={state.filter.kind} onChange={(v) => setFilter('kind', v)} />
          <EnumSelect name="AllocationStatus" label={translate('resources.allocations.fields.status')} value={state.filter.status} onChange={(v) => setFilter('status', v)} />
          {(['allocatedFrom', 'allocatedTo'] as const).map((key) => (
            <DateFilterField key={key} label={translate(`resources.allocations.fields.${key}`)} value={state.filter[key]} onChange={(isoDate) => setFilter(key, isoDate)} />
          ))}
          <TextField
            label={translate('reti.workspace.min_total')}
            value={minTotal}
            error={!minTotalValid}
            helperText={minTotalValid ? ' ' : translate('reti.errors.money')}
            onChange={(e) => {
              setMinTotal(e.target.value);
              const amount = parseAmount(e.target.value);
              if (!e.target.value || amount) onChange({ ...state, having: { ...state.having, minTotal: amount } });
            }}
            fullWidth={false}
          />
          <TextField
            type="number"
            label={translate('reti.workspace.min_count')}
            value={state.having.minCount ?? ''}
            onChange={(e) => onChange({ ...state, having: { ...state.having, minCount: Number(e.target.value) > 0 ? Math.floor(Number(e.target.value)) : undefined } })}
            slotProps={{ htmlInput: { min: 1, step: 1 } }}
            helperText=" "
            fullWidth={false}
          />
        </Stack>
      </Box>
    </Stack>
  );
};

/**
 * The analyst's workspace over allocationTotals: dimensions, filters and HAVING chosen here, a
 * table with its totals row, a chart, a CSV export and a link that opens the same view, since
 * the whole state lives in the query string.
 */
export const Workspace = () => {
  const translate = useTranslate();
  const theme = useTheme();
  const small = useMediaQuery(theme.breakpoints.down('sm'));
  const notify = useNotify();
  const dataProvider = useDataProvider<RetiDataProvider>();
  const [params, setParams] = useSearchParams();
  const state = parseWorkspace(params);
  const query = workspaceParams(state).toString();
  // The query key starts with a resource name, so react-admin's refresh reloads it too.
  const { data: rows = [], isPending, error } = useQuery({
    queryKey: ['allocations', 'workspace', query],
    queryFn: () => dataProvider.getAllocationTotals(state.groupBy, state.filter, state.having),
  });
  const keyLabel = useKeyLabel();
  const columns = state.groupBy.map((d) => translate(`reti.workspace.dimensions.${d}`));
  const rowLabel = (row: AllocationTotal) => state.groupBy.map((d) => keyLabel(d, row)).join(' · ') || translate('reti.workspace.all');
  const total = sumAmounts(rows.map((row) => row.total));
  const count = rows.reduce((sum, row) => sum + row.count, 0);
  const countLabel = translate('reti.workspace.count');
  const totalLabel = translate('reti.workspace.total');

  const exportCsv = () => {
    // Names come from the records (a partner's, a network's): their formulas are neutralised as the server's exports do.
    const text = (cells: string[]) => cells.map(neutraliseFormulas);
    const lines = [
      text([...columns, countLabel, `${totalLabel} (€)`]),
      ...rows.map((row) => [...text(state.groupBy.map((d) => keyLabel(d, row))), String(row.count), spreadsheetAmount(row.total)]),
      [...text([translate('reti.workspace.totals_row'), ...state.groupBy.slice(1).map(() => '')]), String(count), spreadsheetAmount(total)],
    ];
    downloadCSV(CSV_BOM + lines.map(csvLine).join(''), translate('reti.workspace.file_name'));
  };

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      notify('reti.workspace.link_copied', { type: 'info' });
    } catch {
      notify('reti.workspace.link_manual', { type: 'info', messageArgs: { url: window.location.href } });
    }
  };

  const bars = rows.slice(0, CHART_GROUPS).map((row) => ({ name: rowLabel(row), total: amountToNumber(row.total) }));
  return (
    <Box sx={{ my: 2 }}>
      <Title title="reti.workspace.title" />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Controls state={state} onChange={(next) => setParams(workspaceParams(next), { replace: true })} />
          <Stack direction="row" spacing={1} sx={{ mt: 1 }} flexWrap="wrap" useFlexGap>
            <Button variant="outlined" startIcon={<DownloadIcon />} onClick={exportCsv} disabled={!rows.length}>
              {translate('reti.workspace.export')}
            </Button>
            <Button variant="outlined" startIcon={<LinkIcon />} onClick={copyLink}>
              {translate('reti.workspace.share')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      {error ? <Alert severity="error">{translate('reti.errors.UNEXPECTED')}</Alert> : null}
      {!isPending && !error && !rows.length ? <Alert severity="info">{translate('reti.dashboard.no_data')}</Alert> : null}
      {rows.length ? (
        <Stack spacing={2}>
          <Card>
            <CardContent sx={{ overflowX: 'auto' }}>
              <Table size="small" data-testid="workspace-table">
                <caption>{translate('reti.workspace.caption', { smart_count: rows.length })}</caption>
                <TableHead>
                  <TableRow>
                    {columns.map((column) => (
                      <TableCell key={column}>{column}</TableCell>
                    ))}
                    <TableCell align="right">{countLabel}</TableCell>
                    <TableCell align="right">{totalLabel}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.map((row) => (
                    <TableRow key={rowLabel(row)}>
                      {state.groupBy.map((d) => (
                        <TableCell key={d}>{keyLabel(d, row)}</TableCell>
                      ))}
                      <TableCell align="right">{row.count}</TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {formatEuro(row.total)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                <TableFooter data-testid="workspace-totals">
                  <TableRow sx={{ '& td, & th': { fontWeight: 'bold', color: 'text.primary', fontSize: '0.875rem' } }}>
                    <TableCell component="th" scope="row" colSpan={Math.max(1, columns.length)}>
                      {translate('reti.workspace.totals_row')}
                    </TableCell>
                    <TableCell align="right">{count}</TableCell>
                    <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                      {formatEuro(total)}
                    </TableCell>
                  </TableRow>
                </TableFooter>
              </Table>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="h6" component="h2" gutterBottom>
                {translate('reti.workspace.chart', { smart_count: bars.length })}
              </Typography>
              <ResponsiveContainer width="100%" height={80 + 36 * bars.length}>
                <BarChart data={bars} layout="vertical" margin={{ left: 10, right: 30 }}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" tickFormatter={euroTick} />
                  <YAxis type="category" dataKey="name" width={small ? 120 : 280} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={euroTooltip} />
                  <Bar dataKey="total" name={totalLabel} fill={theme.palette.primary.main} />
                </BarChart>
              </ResponsiveContainer>
            </CardContent>
          </Card>
        </Stack>
      ) : null}
    </Box>
  );
};
