import { ReactNode } from 'react';
import { Card, CardContent, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/** A dashboard panel: a title and its chart, or a plain "nothing to show". */
export const ChartCard = ({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>
          {translate(title)}
        </Typography>
        {empty ? <Typography color="text.secondary">{translate('reti.dashboard.no_data')}</Typography> : children}
      </CardContent>
    </Card>
  );
};
