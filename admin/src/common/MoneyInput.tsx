import { InputAdornment } from '@mui/material';
import { useLocaleState } from 'react-admin';
import { formatAmount, Locale, parseAmount } from './format';
import { TypedInputProps, TypedTextInput } from './TypedTextInput';

/**
 * An amount typed the Italian way ("70.000,50"). The form holds the API's decimal string
 * ("70000.50"), or the text as typed while it is not an amount yet, which fails validation.
 */
export const MoneyInput = (props: TypedInputProps) => {
  const [locale = 'it'] = useLocaleState();
  return (
    <TypedTextInput
      {...props}
      parseText={(text) => parseAmount(text, locale as Locale)}
      formatValue={(amount) => formatAmount(amount, locale as Locale)}
      invalidMessage="reti.errors.money"
      startAdornment={<InputAdornment position="start">€</InputAdornment>}
    />
  );
};
