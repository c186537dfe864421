import { useState } from 'react';
import { Alert, Box, Button, Stack, Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useCanAccess, useDataProvider, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApiErrorNotifier, violationText } from '../../common/useApiErrorNotifier';
import type { NetworkStatus, RetiDataProvider } from '../../providers/dataProvider';
import { useCompliance } from './useCompliance';

/** The workflow the API enforces: DRAFT → ACTIVE (only when compliant) → CLOSED, or → WITHDRAWN. */
const NEXT_STATUSES: Record<NetworkStatus, NetworkStatus[]> = {
  DRAFT: ['ACTIVE', 'WITHDRAWN'],
  ACTIVE: ['CLOSED', 'WITHDRAWN'],
  CLOSED: [],
  WITHDRAWN: [],
};

/**
 * The status buttons of a network. "Attiva" stays disabled until the network is compliant, and
 * the reasons are listed beside it.
 */
export const NetworkStatusBar = () => {
  const network = useRecordContext<{ id: string; version: number; status: NetworkStatus }>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const dataProvider = useDataProvider<RetiDataProvider>();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'networks', record: network });
  const { data: report } = useCompliance(network?.id);
  const [asked, setAsked] = useState<NetworkStatus | null>(null);
  const { mutate, isPending } = useMutation({
    mutationFn: (status: NetworkStatus) => dataProvider.setNetworkStatus({ id: network!.id, version: network!.version, status }),
    onSuccess: () => {
      notify('reti.network.status_changed', { type: 'success' });
      refresh();
    },
    onError,
    onSettled: () => setAsked(null),
  });
  if (!network || !canAccess || !report) return null;

  const reasons = report.violations.map((v) => violationText(v, locale));
  const blocked = (status: NetworkStatus) => status === 'ACTIVE' && !report.ok;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Stack direction="row" spacing={1}>
        {NEXT_STATUSES[network.status].map((status) => (
          <Tooltip key={status} title={blocked(status) ? reasons.join(' ') : ''}>
            {/* A disabled button fires no events: the span keeps the tooltip working. */}
            <span>
              <Button variant={status === 'ACTIVE' ? 'contained' : 'outlined'} disabled={blocked(status) || isPending} onClick={() => setAsked(status)}>
                {translate(`reti.network.status_change.${status}`)}
              </Button>
            </span>
          </Tooltip>
        ))}
      </Stack>
      {network.status === 'DRAFT' && !report.ok && (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="activation-blocked">
          {translate('reti.network.activation_blocked')}
          <ul>
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Alert>
      )}
      <Confirm
        isOpen={asked !== null}
        loading={isPending}
        title={translate(`reti.network.status_change.${asked ?? 'ACTIVE'}`)}
        content={translate('reti.network.confirm_status', { status: translate(`reti.enums.NetworkStatus.${asked ?? 'ACTIVE'}`) })}
        onConfirm={() => asked && mutate(asked)}
        onClose={() => setAsked(null)}
      />
    </Box>
  );
};
