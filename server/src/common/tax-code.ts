/**
 * Italian tax codes (DOMAIN.md, "Tax codes"): 11 digits with a Luhn-style check digit for
 * organisations; 16 characters with a check character for persons, omocodia allowed.
 */
export function isOrganisationTaxCode(code: string): boolean {
  return /^[0-9]{11}$/.test(code) && organisationCheckDigit(code.slice(0, 10)) === code[10];
}

/** The 11th digit for the first ten: odd positions as they are, even ones doubled (minus 9 above 9). */
export function organisationCheckDigit(first10: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  }
  return String((10 - (sum % 10)) % 10);
}

const ODD_SCORES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const OMOCODIA = 'LMNPQRSTUV';
// Positions 7, 8, 10, 11, 13, 14 and 15 are digits, possibly replaced by omocodia letters.
const DIGIT_OR_OMOCODIA = `[0-9${OMOCODIA}]`;
const PERSON_SHAPE = new RegExp(
  `^[A-Z]{6}${DIGIT_OR_OMOCODIA}{2}[A-EHLMPRST]${DIGIT_OR_OMOCODIA}{2}[A-Z]${DIGIT_OR_OMOCODIA}{3}[A-Z]$`,
);

function value(char: string): number {
  const code = char.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 65;
}

export function personCheckCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const v = value(first15[i]);
    sum += i % 2 === 0 ? ODD_SCORES[v] : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export function isPersonTaxCode(code: string): boolean {
  return PERSON_SHAPE.test(code) && personCheckCharacter(code.slice(0, 15)) === code[15];
}

export function isTaxCode(code: string): boolean {
  return isOrganisationTaxCode(code) || isPersonTaxCode(code);
}

/** Tax codes are compared in upper case without spaces, as printed on documents. */
export function normaliseTaxCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}
