import { NoCatalogueHint } from '../../servicePlans/NoCatalogueHint';
import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Form, RaRecord, SaveButton, useCanAccess, useDataProvider, useGetList, useGetManyReference, useGetOne, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { sumAmounts } from '../../../common/amounts';
import { formatEuro, Locale } from '../../../common/format';
import { MoneyInput } from '../../../common/MoneyInput';
import { useApiErrorNotifier } from '../../../common/useApiErrorNotifier';
import { apiErrorBody } from '../../../providers/apiErrors';
import type { PlanOfAccounts as Plan, RetiDataProvider } from '../../../providers/dataProvider';

interface ServiceType extends RaRecord {
  id: string;
  name: string;
  phase: number;
  payment: string;
}

interface AccountLine extends RaRecord {
  serviceTypeId: string;
  plannedAmount: string;
  version: number;
}

const negate = (amount: string) => (amount.startsWith('-') ? amount.slice(1) : `-${amount}`);
/** How far `amount` lies above `limit`: positive, zero ("0.00") or negative. */
const excess = (amount: string, limit: string) => sumAmounts([amount, negate(limit)]);
const isPositive = (amount: string) => !amount.startsWith('-') && amount !== '0.00';
/** "0.30" → "30%". */
const percent = (share: string) => `${Math.round(Number(share) * 10000) / 100}%`;

/** The plan of accounts as the server sums it; its query key starts with the resource, so a refresh reloads it. */
function usePlanOfAccounts(networkId: string | undefined) {
  const dataProvider = useDataProvider<RetiDataProvider>();
  return useQuery({ queryKey: ['networks', 'planOfAccounts', networkId], queryFn: () => dataProvider.getPlanOfAccounts(networkId!), enabled: !!networkId });
}

/**
 * The planned amount of one service type, saved on its own: the line is created, changed or (when
 * cleared) deleted. A total above the funding tier's maximum is refused on the amount before
 * anything is sent; the server's refusals land on the same amount, or are told in plain words.
 */
const PlannedAmountForm = ({ networkId, serviceType, line, plan }: { networkId: string; serviceType: ServiceType; line?: AccountLine; plan: Plan }) => {
  const translate = useTranslate();
  const [locale = 'it'] = useLocaleState();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();

  const withinTier = (value: unknown) => {
    if (!plan.tierMaximum || typeof value !== 'string' || !/^\d+(\.\d{1,2})?$/.test(value)) return undefined;
    const total = sumAmounts([plan.total, negate(line?.plannedAmount ?? '0'), value]);
    return isPositive(excess(total, plan.tierMaximum))
      ? translate('accounts.plan.over_tier_refused', { total: formatEuro(total, locale as Locale), maximum: formatEuro(plan.tierMaximum, locale as Locale) })
      : undefined;
  };

  const save = async ({ plannedAmount }: { plannedAmount?: string | null }) => {
    try {
      if (line && !plannedAmount) await dataProvider.delete('accountLines', { id: line.id, previousData: line });
      else if (line) await dataProvider.update('accountLines', { id: line.id, data: { plannedAmount }, previousData: line });
      else if (plannedAmount) await dataProvider.create('accountLines', { data: { networkId, serviceTypeId: serviceType.id, plannedAmount } });
      notify('accounts.plan.saved', { type: 'success' });
      refresh();
    } catch (error) {
      onError(error);
      const [message] = Object.values(apiErrorBody(error)?.errors ?? {});
      if (message) return { plannedAmount: message };
    }
  };

  return (
    <Form key={`${line?.id}:${line?.version}`} record={{ plannedAmount: line?.plannedAmount ?? null }} onSubmit={save as never}>
      <Stack direction="row" spacing={1} alignItems="flex-start" justifyContent="flex-end">
        <MoneyInput source="plannedAmount" label="accounts.plan.planned" validate={withinTier} sx={{ width: 220 }} />
        <SaveButton label="ra.action.save" variant="outlined" sx={{ mt: 1 }} aria-label={`${translate('ra.action.save')}: ${serviceType.name}`} />
      </Stack>
    </Form>
  );
};

const Amount = ({ amount, testId }: { amount: string; testId?: string }) => {
  const [locale = 'it'] = useLocaleState();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {formatEuro(amount, locale as Locale)}
    </Typography>
  );
};

/** The totals of the plan against the tier's maximum, the committed allocations and the delivered services. */
const PlanTotals = ({ plan, conditionalShare, plannedRecipients }: { plan: Plan; conditionalShare: string | null; plannedRecipients: number }) => {
  const translate = useTranslate();
  const [locale = 'it'] = useLocaleState();
  const euro = (amount: string) => formatEuro(amount, locale as Locale);
  const difference = plan.tierMaximum ? excess(plan.total, plan.tierMaximum) : null;
  const rows: [string, string, string][] = [
    [translate('accounts.plan.total'), plan.total, 'plan-total'],
    ...(plan.tierMaximum ? [[translate('accounts.plan.tier_maximum'), plan.tierMaximum, 'plan-tier-maximum'] as [string, string, string]] : []),
    [translate('accounts.plan.committed'), plan.committed, 'plan-committed'],
    [translate('accounts.plan.delivered_total'), plan.delivered, 'plan-delivered'],
    ...(conditionalShare ? [[translate('accounts.plan.conditional_pending', { share: percent(conditionalShare) }), plan.conditionalPending, 'plan-conditional-pending'] as [string, string, string]] : []),
  ];
  return (
    <Box sx={{ mt: 3, maxWidth: 640 }}>
      <Table size="small">
        <TableBody>
          {rows.map(([label, amount, testId]) => (
            <TableRow key={testId}>
              <TableCell component="th" scope="row">
                {label}
              </TableCell>
              <TableCell align="right">
                <Amount amount={amount} testId={testId} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {difference === null ? (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="plan-against-tier">
          {translate('accounts.plan.no_tier', { smart_count: plannedRecipients })}
        </Alert>
      ) : isPositive(difference) ? (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="plan-against-tier">
          {translate('accounts.plan.over_tier', { amount: euro(difference) })}
        </Alert>
      ) : (
        <Alert severity="success" sx={{ mt: 2 }} data-testid="plan-against-tier">
          {difference === '0.00' ? translate('accounts.plan.at_tier') : translate('accounts.plan.within_tier', { amount: euro(negate(difference)) })}
        </Alert>
      )}
      {conditionalShare && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('accounts.plan.conditional_hint', { share: percent(conditionalShare) })}
        </Typography>
      )}
    </Box>
  );
};

/**
 * The network's plan of accounts (piano dei conti): an amount planned per service type of its
 * measure, process or result, whose total is the project's maximum contribution and must fit the
 * funding tier of its planned recipients.
 */
export const PlanOfAccounts = () => {
  const network = useRecordContext<{ id: string; measureId: string; status: string; plannedRecipients: number }>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'networks', record: network });
  const { data: plan } = usePlanOfAccounts(network?.id);
  const { data: measure } = useGetOne('measures', { id: network?.measureId }, { enabled: !!network?.measureId });
  const { data: serviceTypes } = useGetList<ServiceType>(
    'serviceTypes',
    { filter: { measureId: network?.measureId }, sort: { field: 'phase', order: 'ASC' }, pagination: { page: 1, perPage: 100 } },
    { enabled: !!network?.measureId },
  );
  const { data: lines } = useGetManyReference<AccountLine>('accountLines', { target: 'networkId', id: network?.id, pagination: { page: 1, perPage: 100 } }, { enabled: !!network?.id });
  if (!network || !plan || !measure || !serviceTypes || !lines) return null;
  const editable = canAccess && !['CLOSED', 'WITHDRAWN'].includes(network.status);
  const lineOf = new Map(lines.map((line) => [line.serviceTypeId, line]));
  const deliveredOf = new Map(plan.lines.map((line) => [line.serviceTypeId, line.delivered]));
  if (!serviceTypes.length) return <NoCatalogueHint />;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid="plan-of-accounts">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>{translate('accounts.plan.caption')}</caption>
        <TableHead>
          <TableRow>
            <TableCell>{translate('accounts.plan.service')}</TableCell>
            <TableCell>{translate('accounts.plan.phase')}</TableCell>
            <TableCell>{translate('accounts.plan.payment')}</TableCell>
            <TableCell align="right">{translate('accounts.plan.planned')}</TableCell>
            <TableCell align="right">{translate('accounts.plan.delivered')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {serviceTypes.map((serviceType) => {
            const line = lineOf.get(serviceType.id);
            return (
              <TableRow key={serviceType.id} data-testid={`plan-line-${serviceType.id}`}>
                <TableCell component="th" scope="row">
                  {serviceType.name}
                </TableCell>
                <TableCell>{serviceType.phase}</TableCell>
                <TableCell>{translate(`reti.enums.ServicePayment.${serviceType.payment}`)}</TableCell>
                <TableCell align="right">
                  {editable ? <PlannedAmountForm networkId={network.id} serviceType={serviceType} line={line} plan={plan} /> : <Amount amount={line?.plannedAmount ?? '0.00'} />}
                </TableCell>
                <TableCell align="right">
                  <Amount amount={deliveredOf.get(serviceType.id) ?? '0.00'} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <PlanTotals plan={plan} conditionalShare={measure.conditionalResultShare ?? null} plannedRecipients={network.plannedRecipients} />
    </Box>
  );
};
