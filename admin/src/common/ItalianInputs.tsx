import { useRef } from 'react';
import CalendarIcon from '@mui/icons-material/CalendarMonth';
import { IconButton, InputAdornment } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatItalianDate, parseItalianDate } from '../../../server/src/common/dates';
import { formatNumber, Locale, parseNumber } from './format';
import { TypedInputProps, TypedTextInput } from './TypedTextInput';

/** The browser's calendar, limited to four-digit years; what it picks is written back as gg/mm/aaaa. */
const CalendarPicker = ({ onPick }: { onPick: (isoDate: string) => void }) => {
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
