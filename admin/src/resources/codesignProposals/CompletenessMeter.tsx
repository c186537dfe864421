import { Box, LinearProgress, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate } from 'react-admin';
import { codesignApi } from '../codesignCalls/codesignApi';

/** How many of the ten sections per action are filled in; a proposal is submitted only at 100 %. */
export const CompletenessMeter = () => {
  const proposal = useRecordContext<{ id: string; version: number }>();
  const translate = useTranslate();
  // The resource first in the key: react-admin's refresh after every save reloads it.
  const { data } = useQuery({ queryKey: ['codesignProposals', 'completeness', proposal?.id], queryFn: () => codesignApi.completeness(proposal!.id), enabled: !!proposal });
  if (!data) return null;
  return (
    <Box sx={{ px: 2, pt: 2 }} data-testid="completeness">
      <Typography variant="body2">
        {translate('reti.codesign.completeness', { percent: data.percent, filled: data.sectionsFilled, required: data.sectionsRequired, actions: data.actions })}
      </Typography>
      <LinearProgress variant="determinate" value={data.percent} color={data.complete ? 'success' : 'warning'} sx={{ height: 8, borderRadius: 4, mt: 1 }} />
    </Box>
  );
};
