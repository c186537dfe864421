import { Box, Button, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApiErrorNotifier } from '../../common/useApiErrorNotifier';
import { codesignApi } from './codesignApi';

const NEXT = { DRAFT: 'PUBLISHED', PUBLISHED: 'CLOSED' } as const;

/** Publish a draft call (criteria weighing 100, target groups, deadline ahead), close it after the deadline. */
export const CallStatusBar = () => {
  const call = useRecordContext<{ id: string; version: number; status: keyof typeof NEXT | 'CLOSED' | 'AWARDED' }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'codesignCalls', record: call });
  const next = call && call.status in NEXT ? NEXT[call.status as keyof typeof NEXT] : undefined;
  const { mutate, isPending } = useMutation({
    mutationFn: () => codesignApi.setCallStatus(call!.id, call!.version, next!),
    onSuccess: () => {
      notify('reti.codesign.status_changed', { type: 'success' });
      refresh();
    },
    onError,
  });
  if (!call || !canAccess || !next) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={isPending} onClick={() => mutate()}>
          {translate(`reti.codesign.call_step.${next}`)}
        </Button>
      </Stack>
    </Box>
  );
};
