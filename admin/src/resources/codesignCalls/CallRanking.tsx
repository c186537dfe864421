import { useState } from 'react';
import { Alert, Box, Button, Checkbox, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useApiErrorNotifier } from '../../common/useApiErrorNotifier';
import { codesignApi } from './codesignApi';

const today = () => new Date().toISOString().slice(0, 10);

/** The ranking (each criterion's mean score, added up) and, on a closed call, the award with its act. */
export const CallRanking = () => {
  const call = useRecordContext<{ id: string; version: number; status: string; code: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotifier();
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'codesignCalls', record: call });
  const { data: ranking = [] } = useQuery({ queryKey: ['codesignCalls', 'ranking', call?.id, call?.version], queryFn: () => codesignApi.ranking(call!.id), enabled: !!call });
  const [chosen, setChosen] = useState<string[]>([]);
  const [act, setAct] = useState({ actNumber: '', actDate: today(), networkCode: '', startDate: today(), endDate: today() });
  const { mutate, isPending } = useMutation({
    mutationFn: () => codesignApi.award(call!.id, call!.version, { proposalIds: chosen, ...act }),
    onSuccess: () => {
      notify('reti.codesign.awarded', { type: 'success' });
      refresh();
    },
    onError,
  });
  if (!call) return null;
  const awarding = call.status === 'CLOSED' && canAccess;
  const field = (name: keyof typeof act, type = 'text') => (
    <MuiTextField
      label={translate(`reti.codesign.award.${name}`)}
      type={type}
      value={act[name]}
      onChange={(e) => setAct({ ...act, [name]: e.target.value })}
      InputLabelProps={type === 'date' ? { shrink: true } : undefined}
      size="small"
    />
  );
  return (
    <Box>
      {ranking.length === 0 ? (
        <Alert severity="info">{translate('reti.codesign.no_ranking')}</Alert>
      ) : (
        <Table size="small" data-testid="ranking">
          <TableHead>
            <TableRow>
              {awarding && <TableCell />}
              <TableCell>{translate('reti.codesign.rank')}</TableCell>
              <TableCell>{translate('resources.codesignProposals.fields.leadLegalName')}</TableCell>
              <TableCell>{translate('resources.codesignProposals.fields.title')}</TableCell>
              <TableCell align="right">{translate('reti.codesign.total')}</TableCell>
              <TableCell align="right">{translate('reti.codesign.scored_criteria')}</TableCell>
              <TableCell>{translate('resources.codesignProposals.fields.status')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {ranking.map((row) => (
              <TableRow key={row.proposalId}>
                {awarding && (
                  <TableCell padding="checkbox">
                    <Checkbox
                      aria-label={`${translate('reti.codesign.choose')} ${row.leadLegalName}`}
                      checked={chosen.includes(row.proposalId)}
                      onChange={(e) => setChosen(e.target.checked ? [...chosen, row.proposalId] : chosen.filter((id) => id !== row.proposalId))}
                    />
                  </TableCell>
                )}
                <TableCell>{row.rank}</TableCell>
                <TableCell>{row.leadLegalName}</TableCell>
                <TableCell>{row.title}</TableCell>
                <TableCell align="right">{row.total.toLocaleString('it-IT', { minimumFractionDigits: 2 })}</TableCell>
                <TableCell align="right">{`${row.scoredCriteria} / ${row.criteria}`}</TableCell>
                <TableCell>{translate(`reti.enums.CodesignProposalStatus.${row.status}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {awarding && (
        <Box sx={{ mt: 3 }}>
          <Typography variant="subtitle1">{translate('reti.codesign.award.title')}</Typography>
          <Stack direction="row" spacing={2} flexWrap="wrap" useFlexGap sx={{ mt: 1 }}>
            {field('actNumber')}
            {field('actDate', 'date')}
            {field('networkCode')}
            {field('startDate', 'date')}
            {field('endDate', 'date')}
            <Button variant="contained" disabled={isPending || chosen.length === 0 || !act.actNumber || !act.networkCode} onClick={() => mutate()}>
              {translate('reti.codesign.award.submit')}
            </Button>
          </Stack>
        </Box>
      )}
    </Box>
  );
};
