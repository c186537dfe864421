import { registerDecorator, ValidationOptions } from 'class-validator';
import { isPersonTaxCode, isTaxCode, normaliseTaxCode } from './tax-code';

function rule(name: string, test: (value: unknown) => boolean, message: string) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message, ...options },
        validator: { validate: test },
      });
}

const text = (value: unknown): value is string => typeof value === 'string';

export const IsTaxCode = rule(
  'isTaxCode',
  (v) => text(v) && isTaxCode(normaliseTaxCode(v)),
  '$property must be a valid codice fiscale: 11 digits (organisation) or 16 characters (person) with a correct check character',
);
export const IsPersonTaxCode = rule(
  'isPersonTaxCode',
  (v) => text(v) && isPersonTaxCode(normaliseTaxCode(v)),
  '$property must be a 16-character personal codice fiscale with a correct check character',
);
export const IsIstatMunicipalityCode = rule('isIstatMunicipalityCode', (v) => text(v) && /^[0-9]{6}$/.test(v), '$property must be a 6-digit ISTAT code');
export const IsIstatProvinceCode = rule('isIstatProvinceCode', (v) => text(v) && /^[0-9]{3}$/.test(v), '$property must be a 3-digit ISTAT code');
export const IsAtecoCode = rule(
  'isAtecoCode',
  (v) => text(v) && /^([A-U]|[0-9]{2}(\.[0-9]{1,2}(\.[0-9]{1,2})?)?)$/.test(v),
  '$property must be an ATECO section letter (A–U) or code such as 25, 25.1, 25.11 or 25.11.0',
);
export const IsCode = rule('isCode', (v) => text(v) && /^[A-Z0-9_]{2,60}$/.test(v), '$property must use capital letters, digits and _ (2–60)');
/** Amounts per band: each greater than zero, or null for a band without one. */
export const IsBandAmounts = rule(
  'isBandAmounts',
  (v) => Array.isArray(v) && v.every((a) => a === null || (text(a) && /^[0-9]+(\.[0-9]{1,2})?$/.test(a) && /[1-9]/.test(a))),
  '$property must list amounts greater than zero, or null for a band without one',
);
export const IsPositiveAmount = rule(
  'isPositiveAmount',
  (v) => text(v) && /^[0-9]+(\.[0-9]{1,2})?$/.test(v) && /[1-9]/.test(v),
  '$property must be greater than zero',
);
