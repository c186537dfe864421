import { regex, required } from 'react-admin';

/** 11 digits for an organisation, 16 characters for a person; the server checks the check character. */
export const validateTaxCode = [required(), regex(/^(\d{11}|[A-Za-z0-9]{16})$/, 'reti.validation.tax_code')];

/** For an end date: not before the start date held in `startField`. */
export const notBefore =
  (startField: string) =>
  (end: string | null, values: Record<string, unknown>) => {
    const start = values[startField];
    return end && typeof start === 'string' && start && end < start ? 'reti.validation.end_before_start' : undefined;
  };
