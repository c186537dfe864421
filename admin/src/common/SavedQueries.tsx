import { Card, CardContent, Theme, useMediaQuery } from '@mui/material';
import { SavedQueriesList } from 'react-admin';

/**
 * A list's saved searches (react-admin's saved queries, kept per list in the browser's storage):
 * save the current filters under a name, reapply them with a click. Beside the list on a laptop; on
 * a phone the filter button's menu offers the same.
 */
export const SavedQueriesAside = () => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('md'));
  if (small) return null;
  return (
    <Card data-testid="saved-queries" sx={{ order: -1, mr: 2, mt: 8, alignSelf: 'flex-start', width: 220, flexShrink: 0 }}>
      <CardContent>
        <SavedQueriesList />
      </CardContent>
    </Card>
  );
};
