import { Box, Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Confirm, useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useState } from 'react';
import { useApiErrorNotifier } from '../../common/useApiErrorNotifier';
import { codesignApi } from '../codesignCalls/codesignApi';

/** DRAFT → SUBMITTED: the server checks completeness and the deadline, and says what is missing. */
export const SubmitButton = () => {
  const proposal = useRecordContext<{ id: string; version: number; status: string; tenantId: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const [asked, setAsked] = useState(false);
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'codesignProposals', record: proposal });
  const { mutate, isPending } = useMutation({
    mutationFn: () => codesignApi.submitProposal(proposal!.id, proposal!.version),
    onSuccess: () => {
      notify('reti.codesign.submitted', { type: 'success' });
      refresh();
    },
    onError,
    onSettled: () => setAsked(false),
  });
  if (!proposal || proposal.status !== 'DRAFT' || !canAccess) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }}>
      <Button variant="contained" disabled={isPending} onClick={() => setAsked(true)}>
        {translate('reti.codesign.submit')}
      </Button>
      <Confirm isOpen={asked} loading={isPending} title="reti.codesign.submit" content="reti.codesign.confirm_submit" onConfirm={() => mutate()} onClose={() => setAsked(false)} />
    </Box>
  );
};
