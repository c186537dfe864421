import { Typography } from '@mui/material';
import { FieldProps, useFieldValue } from 'react-admin';
import { formatEuro } from './format';

/** An amount of the API ("70000.00") as "€ 70.000,00". */
export const MoneyField = (props: FieldProps) => {
  const value = useFieldValue(props);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {value == null ? '' : formatEuro(String(value))}
    </Typography>
  );
};
