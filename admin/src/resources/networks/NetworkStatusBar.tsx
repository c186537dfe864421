import { useState } from 'react';
import { Alert, Box, Button, Stack, Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useCanAccess, useDataProvider, useLocaleState, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApiErrorNotifier, violationText } from '../../common/useApiErrorNotifier';
import type { NetworkStatus, RetiDataProvider } from '../../providers/dataProvider';
import { useCompliance } from './useCompliance';

/**
 * The status buttons of a network, as the API's workflow offers them (allowedTransitions). A
 * blocked move stays disabled with its reasons beside it; an ACTIVE network that no longer meets
 * its measure's rules (after an administrator changed them, say) is flagged.
 */
export const NetworkStatusBar = () => {
  const network = useRecordContext<{ id: string; version: number; status: NetworkStatus; outOfCompliance?: boolean }>();
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
  if (!network || !report) return null;

  const reasons = report.violations.map((v) => violationText(v, locale));
  const blocked = report.transitions.find((t) => !t.allowed);
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      {canAccess && (
        <Stack direction="row" spacing={1}>
          {report.transitions.map(({ status, allowed, blockedBy }) => (
            <Tooltip key={status} title={blockedBy.map((v) => violationText(v, locale)).join(' ')}>
              {/* A disabled button fires no events: the span keeps the tooltip working. */}
              <span>
                <Button variant={status === 'ACTIVE' ? 'contained' : 'outlined'} disabled={!allowed || isPending} onClick={() => setAsked(status)}>
                  {translate(`reti.network.status_change.${status}`)}
                </Button>
              </span>
            </Tooltip>
          ))}
        </Stack>
      )}
      {canAccess && blocked && (
        <Alert severity="info" sx={{ mt: 2 }} data-testid="activation-blocked">
          {translate('reti.network.activation_blocked')}
          <ul>
            {blocked.blockedBy.map((v) => (
              <li key={v.message}>{violationText(v, locale)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {network.status === 'ACTIVE' && !report.ok && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="out-of-compliance">
          {translate('reti.rules.out_of_compliance_detail', { smart_count: reasons.length })}
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
