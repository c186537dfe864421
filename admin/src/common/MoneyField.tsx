import { Typography } from '@mui/material';
import { FieldProps, useFieldValue, useLocaleState } from 'react-admin';
import { formatEuro, Locale } from './format';

/** An amount of the API ("70000.00") as "€ 70.000,00", or "€70,000.00" in English. */
export const MoneyField = (props: FieldProps) => {
  const value = useFieldValue(props);
  const [locale = 'it'] = useLocaleState();
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {value == null ? '' : formatEuro(String(value), locale as Locale)}
    </Typography>
  );
};
