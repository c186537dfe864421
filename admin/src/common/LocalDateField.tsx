import { Typography } from '@mui/material';
import { FieldProps, useFieldValue } from 'react-admin';
import { formatDateTime, formatLocalDate } from './format';

/** A calendar date of the API ("2023-01-16") as "16/01/2023". */
export const LocalDateField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2">
      {value ? formatLocalDate(String(value)) : ''}
    </Typography>
  );
};

/** An instant of the API (createdAt, audit times) in Italian format. */
export const DateTimeField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2">
      {value ? formatDateTime(String(value)) : ''}
    </Typography>
  );
};
