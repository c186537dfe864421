import { useEffect, useRef, useState } from 'react';
import CalendarIcon from '@mui/icons-material/CalendarMonth';
import { IconButton, InputAdornment, TextField } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatItalianDate, parseItalianDate } from '../../../server/src/common/dates';
import { formatNumber, Locale, parseNumber } from './format';
import { TypedInputProps, TypedTextInput } from './TypedTextInput';

/** The browser's calendar, limited to four-digit years; what it picks is written back as gg/mm/aaaa. */
export const CalendarPicker = ({ onPick }: { onPick: (isoDate: string) => void }) => {
  const picker = useRef<HTMLInputElement>(null);
  const translate = useTranslate();
  return (
    <InputAdornment position="end">
      <input
        ref={picker}
        type="date"
        min="1900-01-01"
        max="2099-12-31"
        tabIndex={-1}
        aria-hidden
        style={{ position: 'absolute', opacity: 0, width: 0, height: 0, border: 0, padding: 0 }}
        onChange={(event) => event.target.value && onPick(event.target.value)}
      />
      <IconButton size="small" edge="end" aria-label={translate('edit.pick_date')} onClick={() => picker.current?.showPicker()}>
        <CalendarIcon fontSize="small" />
      </IconButton>
    </InputAdornment>
  );
};

/**
 * A date filter outside a react-admin form (the workspace): typed gg/mm/aaaa or picked, like
 * DateInput; `onChange` gets the ISO date, or '' once the text is cleared.
 */
export const DateFilterField = ({ label, value, onChange }: { label: string; value?: string; onChange: (isoDate: string) => void }) => {
  const translate = useTranslate();
  const [text, setText] = useState(value ? formatItalianDate(value) : '');
  // A link or a reset changed the value: show it.
  useEffect(() => {
    if ((parseItalianDate(text) ?? '') !== (value ?? '')) setText(value ? formatItalianDate(value) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const valid = !text.trim() || parseItalianDate(text) !== undefined;
  const choose = (isoDate: string) => {
    setText(formatItalianDate(isoDate));
    onChange(isoDate);
  };
  return (
    <TextField
      label={label}
      value={text}
      placeholder={translate('edit.date_placeholder')}
      error={!valid}
      helperText={valid ? ' ' : translate('edit.validation.date')}
      onChange={(event) => {
        setText(event.target.value);
        const isoDate = parseItalianDate(event.target.value.trim());
        if (!event.target.value.trim()) onChange('');
        else if (isoDate) onChange(isoDate);
      }}
      onBlur={() => {
        const isoDate = parseItalianDate(text.trim());
        if (isoDate) setText(formatItalianDate(isoDate));
      }}
      slotProps={{ inputLabel: { shrink: true }, input: { endAdornment: <CalendarPicker onPick={choose} /> } }}
      fullWidth={false}
    />
  );
};

/**
 * A calendar date typed gg/mm/aaaa ("28/02/2021", "28022021", "28.2.2021") or picked from the
 * calendar; the form holds the API's ISO date. A year always has four digits.
 */
export const DateInput = (props: TypedInputProps) => {
  const translate = useTranslate();
  return (
    <TypedTextInput
      placeholder={translate('edit.date_placeholder')}
      {...props}
      parseText={parseItalianDate}
      formatValue={formatItalianDate}
      invalidMessage="edit.validation.date"
      endAdornment={(choose) => <CalendarPicker onPick={choose} />}
    />
  );
};

/** A number with thousands grouped the reader's way: "1.200" is twelve hundred in Italian. */
export const NumberInput = ({ step: _step, min: _min, max: _max, ...props }: TypedInputProps & { step?: number; min?: number; max?: number }) => {
  const [locale = 'it'] = useLocaleState();
  return (
    <TypedTextInput<number>
      {...props}
      parseText={(text) => parseNumber(text, locale as Locale)}
      formatValue={(value) => formatNumber(value, locale as Locale)}
      invalidMessage="edit.validation.number"
      inputMode="decimal"
    />
  );
};
