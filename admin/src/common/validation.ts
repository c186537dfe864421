import { regex, required } from 'react-admin';
import { isTaxCode, normaliseTaxCode } from '../../../server/src/common/tax-code';

const TAX_CODE_SHAPE = /^(\d{11}|[A-Za-z0-9]{16})$/;

/** The server's own check of the check digit or character, so a typing slip shows before saving. */
const taxCodeCheck = (value: unknown) =>
  typeof value === 'string' && TAX_CODE_SHAPE.test(normaliseTaxCode(value)) && !isTaxCode(normaliseTaxCode(value)) ? 'edit.validation.tax_code_check' : undefined;

/** 11 digits for an organisation, 16 characters for a person, with the right check character. */
export const validateTaxCode = [required(), regex(TAX_CODE_SHAPE, 'reti.validation.tax_code'), taxCodeCheck];

/** A person's codice fiscale: 16 characters with the right check character. */
export const validatePersonTaxCode = [required(), regex(/^[A-Za-z0-9]{16}$/, 'reti.plans.person_tax_code'), taxCodeCheck];

/** For an end date: not before the start date held in `startField`. */
export const notBefore =
  (startField: string) =>
  (end: string | null, values: Record<string, unknown>) => {
    const start = values[startField];
    return end && typeof start === 'string' && start && end < start ? 'reti.validation.end_before_start' : undefined;
  };
