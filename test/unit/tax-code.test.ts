import {
  isOrganisationTaxCode,
  isPersonTaxCode,
  isTaxCode,
  normaliseTaxCode,
  organisationCheckDigit,
  personCheckCharacter,
} from '../../server/src/common/tax-code';

const ORGANISATIONS = {
  'Città metropolitana di Milano': '08911820960',
  'Comune di Rho': '00893240150',
};
/** The textbook example: Mario Rossi, male, born on 10 December 1985 in the commune coded A562. */
const PERSON = 'RSSMRA85T10A562S';
/** 1-based positions of the digits that omocodia may replace, and the letters that replace 0–9. */
const OMOCODIA_POSITIONS = [7, 8, 10, 11, 13, 14, 15];
const OMOCODIA_LETTERS = 'LMNPQRSTUV';

/** The code with the digits at `positions` replaced by their omocodia letters and the check character recomputed. */
function omocode(code: string, positions: number[]): string {
  const chars = code.slice(0, 15).split('');
  for (const position of positions) chars[position - 1] = OMOCODIA_LETTERS[Number(chars[position - 1])];
  const first15 = chars.join('');
  return first15 + personCheckCharacter(first15);
}

/** Every check digit or character other than `code`'s own. */
function withWrongChecks(code: string, alphabet: string): string[] {
  const last = code[code.length - 1];
  return alphabet
    .split('')
    .filter((c) => c !== last)
    .map((c) => code.slice(0, -1) + c);
}

describe('organisation tax codes (partita IVA)', () => {
  test.each(Object.entries(ORGANISATIONS))('the real code of %s is valid', (_name, code) => {
    expect(isOrganisationTaxCode(code)).toBe(true);
    expect(isTaxCode(code)).toBe(true);
  });

  test.each(Object.entries(ORGANISATIONS))('the check digit of %s is computed from its first ten digits', (_name, code) => {
    expect(organisationCheckDigit(code.slice(0, 10))).toBe(code[10]);
  });

  test.each(Object.entries(ORGANISATIONS))('every other check digit on the code of %s is refused', (_name, code) => {
    const wrong = withWrongChecks(code, '0123456789');
    expect(wrong).toHaveLength(9);
    for (const candidate of wrong) expect([candidate, isOrganisationTaxCode(candidate)]).toEqual([candidate, false]);
  });

  test('a doubled digit above 9 counts its digit sum (the Luhn step)', () => {
    // 0000000005: the 5 in position 10 doubles to 10, which counts as 1, so the check digit is 9, not 0.
    expect(isOrganisationTaxCode('00000000059')).toBe(true);
    expect(isOrganisationTaxCode('00000000050')).toBe(false);
  });

  test.each([
    ['10 digits', '0891182096'],
    ['12 digits', '089118209600'],
    ['a letter', '0891182096A'],
    ['spaces', '08911 820960'],
    ['empty', ''],
  ])('%s is not an organisation code', (_label, code) => {
    expect(isOrganisationTaxCode(code)).toBe(false);
  });
});

describe('personal tax codes (codice fiscale)', () => {
  test('a valid code and its check character', () => {
    expect(personCheckCharacter(PERSON.slice(0, 15))).toBe('S');
    expect(isPersonTaxCode(PERSON)).toBe(true);
    expect(isTaxCode(PERSON)).toBe(true);
  });

  test('every other check character is refused', () => {
    const wrong = withWrongChecks(PERSON, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(wrong).toHaveLength(25);
    for (const candidate of wrong) expect([candidate, isPersonTaxCode(candidate)]).toEqual([candidate, false]);
  });

  test.each(OMOCODIA_POSITIONS)('omocodia at position %i is valid with its recomputed check character', (position) => {
    const variant = omocode(PERSON, [position]);
    expect(variant[position - 1]).toMatch(/[LMNPQRSTUV]/);
    expect(isPersonTaxCode(variant)).toBe(true);
    // The original check character no longer fits the changed code.
    if (variant[15] !== PERSON[15]) expect(isPersonTaxCode(variant.slice(0, 15) + PERSON[15])).toBe(false);
  });

  test('the fully omocodic variant is valid', () => {
    const variant = omocode(PERSON, OMOCODIA_POSITIONS);
    expect(variant).toBe('RSSMRAURTMLARSNL');
    expect(isPersonTaxCode(variant)).toBe(true);
  });

  test('a wrong check character on an omocodic code is refused', () => {
    const variant = omocode(PERSON, [7, 8]);
    for (const candidate of withWrongChecks(variant, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')) expect(isPersonTaxCode(candidate)).toBe(false);
  });

  test.each([
    // Only L M N P Q R S T U V may stand for a digit.
    ['a letter outside the omocodia set in a digit position', 'RSSMRA8AT10A562'],
    ['a month letter that does not exist (Z)', 'RSSMRA85Z10A562'],
    ['a digit where the surname letters go', 'R5SMRA85T10A562'],
    ['a digit where the commune letter goes', 'RSSMRA85T101562'],
  ])('%s is refused even with a matching check character', (_label, first15) => {
    expect(isPersonTaxCode(first15 + personCheckCharacter(first15))).toBe(false);
  });

  test.each([
    ['15 characters', PERSON.slice(0, 15)],
    ['17 characters', `${PERSON}X`],
    ['lower case (callers normalise first)', PERSON.toLowerCase()],
  ])('%s is not a personal code', (_label, code) => {
    expect(isPersonTaxCode(code)).toBe(false);
  });

  test('an organisation code is not a personal code, nor the reverse', () => {
    expect(isPersonTaxCode(ORGANISATIONS['Comune di Rho'])).toBe(false);
    expect(isOrganisationTaxCode(PERSON)).toBe(false);
  });
});

describe('normaliseTaxCode', () => {
  test('removes spaces and upper-cases, as codes are printed', () => {
    expect(normaliseTaxCode(' rssmra 85t10\ta562s ')).toBe(PERSON);
    expect(normaliseTaxCode('089 1182 0960')).toBe('08911820960');
    expect(isTaxCode(normaliseTaxCode('rssmra 85t10 a562s'))).toBe(true);
  });
});
