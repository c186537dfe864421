import InboxIcon from '@mui/icons-material/Inbox';
import { Box, Typography } from '@mui/material';
import { CreateButton, useCanAccess, useGetResourceLabel, useResourceContext, useResourceDefinition, useTranslate } from 'react-admin';

/**
 * What an empty list says (every list's `empty`, set in the theme): what its records are, and what
 * to do next — the create button for a role that may create, a sentence saying who can for one
 * that only reads.
 */
export const ListEmpty = () => {
  const resource = useResourceContext() ?? '';
  const { hasCreate } = useResourceDefinition();
  const { canAccess } = useCanAccess({ action: 'create', resource });
  const translate = useTranslate();
  const label = useGetResourceLabel()(resource, 0);
  const canCreate = hasCreate && canAccess === true;
  return (
    <Box data-testid="list-empty" sx={{ textAlign: 'center', mt: 6, mx: 'auto', px: 2, maxWidth: 640 }}>
      <InboxIcon aria-hidden sx={{ fontSize: '5em', color: 'text.secondary' }} />
      <Typography variant="h5" component="h2" gutterBottom>
        {translate('ra.page.empty', { name: label })}
      </Typography>
      <Typography color="text.secondary" gutterBottom>
        {translate(`reti.empty.about.${resource}`, { _: translate('reti.empty.about.default') })}
      </Typography>
      <Typography color="text.secondary">{translate(canCreate ? 'reti.empty.next_create' : 'reti.empty.next_read_only')}</Typography>
      {canCreate ? <CreateButton variant="contained" sx={{ mt: 3 }} /> : null}
    </Box>
  );
};
