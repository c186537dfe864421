import { useEffect, useState } from 'react';
import { InputAdornment, TextField } from '@mui/material';
import { FieldTitle, InputHelperText, InputProps, useInput, useResourceContext } from 'react-admin';
import { formatAmount, parseAmount } from './format';

const validAmount = (value: unknown) => (typeof value === 'string' && value !== '' && parseAmount(value) === undefined ? 'reti.errors.money' : undefined);

/**
 * An amount typed the Italian way ("70.000,50"). The form holds the API's decimal string
 * ("70000.50"), or the text as typed while it is not an amount yet, which fails validation.
 */
export const MoneyInput = ({ validate, label, helperText, ...props }: InputProps) => {
  const resource = useResourceContext(props);
  const { field, fieldState, isRequired, id } = useInput({
    ...props,
    validate: [validAmount, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])],
  });
  const shown = (value: unknown) => (typeof value === 'string' && value !== '' ? formatAmount(value) : '');
  const [text, setText] = useState(() => shown(field.value));

  // A reset or a reload replaced the amount: show the new one.
  useEffect(() => {
    if ((parseAmount(text) ?? text) !== (field.value ?? '')) setText(shown(field.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field.value]);

  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onBlur={() => {
        // A valid amount is shown back in full Italian form: "70000,5" becomes "70.000,50".
        const amount = parseAmount(text);
        if (amount) setText(formatAmount(amount));
        field.onBlur();
      }}
      onChange={(event) => {
        setText(event.target.value);
        field.onChange(parseAmount(event.target.value) ?? event.target.value);
      }}
      label={label !== false && <FieldTitle label={label} source={props.source} resource={resource} isRequired={isRequired} />}
      error={!!error}
      helperText={<InputHelperText error={error} helperText={helperText} />}
      size="small"
      margin="dense"
      slotProps={{ input: { startAdornment: <InputAdornment position="start">€</InputAdornment> } }}
    />
  );
};
