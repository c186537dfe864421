import { ReactNode, useEffect, useState } from 'react';
import { SxProps, TextField, Theme } from '@mui/material';
import { FieldTitle, InputHelperText, InputProps, useInput, useResourceContext } from 'react-admin';

export interface TypedTextInputProps<T> extends InputProps {
  /** The value the text stands for, or undefined while it stands for none. */
  parseText(text: string): T | undefined;
  formatValue(value: T): string;
  /** The message shown while the text stands for no value. */
  invalidMessage: string;
  startAdornment?: ReactNode;
  placeholder?: string;
  className?: string;
  sx?: SxProps<Theme>;
  fullWidth?: boolean;
  inputMode?: 'decimal' | 'numeric';
  /** Given a way to put a value in the field, e.g. from a picker. */
  endAdornment?: (choose: (value: T) => void) => ReactNode;
}

/** What the inputs built on this one take: react-admin's input props and the text field's looks. */
export type TypedInputProps = Omit<TypedTextInputProps<unknown>, 'parseText' | 'formatValue' | 'invalidMessage' | 'endAdornment' | 'startAdornment'>;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * A value typed the Italian way (an amount, a date, a number). The form holds the API's value, or
 * the text as typed while it stands for none, which fails validation with `invalidMessage`.
 */
export function TypedTextInput<T>({ parseText, formatValue, invalidMessage, startAdornment, endAdornment, placeholder, inputMode, className, sx, fullWidth, validate, label, helperText, ...props }: TypedTextInputProps<T>) {
  const resource = useResourceContext(props);
  const readable = (value: unknown) => typeof value === 'string' && value !== '' && parseText(value) === undefined;
  const { field, fieldState, isRequired, id } = useInput({
    ...props,
    validate: [(value: unknown) => (readable(value) ? invalidMessage : undefined), ...(Array.isArray(validate) ? validate : validate ? [validate] : [])],
  });
  const shown = (value: unknown) => (isBlank(value) ? '' : typeof value === 'string' && parseText(value) === undefined ? value : formatValue(value as T));
  const [text, setText] = useState(() => shown(field.value));

  // A reset or a reload replaced the value: show the new one.
  useEffect(() => {
    if ((parseText(text) ?? text) !== (field.value ?? '')) setText(shown(field.value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field.value]);

  const choose = (value: T) => {
    setText(formatValue(value));
    field.onChange(value);
  };
  const error = fieldState.invalid ? fieldState.error?.message : undefined;
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={text}
      onBlur={() => {
        // A valid value is shown back in full: "70000,5" becomes "70.000,50", "1/3/2021" "01/03/2021".
        const value = parseText(text);
        if (value !== undefined) setText(formatValue(value));
        field.onBlur();
      }}
      onChange={(event) => {
        setText(event.target.value);
        const value = event.target.value.trim() === '' ? null : (parseText(event.target.value) ?? event.target.value);
        field.onChange(value);
      }}
      label={label !== false && <FieldTitle label={label} source={props.source} resource={resource} isRequired={isRequired} />}
      error={!!error}
      helperText={<InputHelperText error={error} helperText={helperText} />}
      size="small"
      margin="dense"
      className={className}
      sx={sx}
      fullWidth={fullWidth}
      placeholder={placeholder}
      slotProps={{ input: { startAdornment, endAdornment: endAdornment?.(choose) }, htmlInput: { inputMode } }}
    />
  );
}
