import { randomBytes } from 'node:crypto';
import { demoPersonTaxCode } from '../../server/src/seed/demo-data';
import { isPersonTaxCode } from '../../server/src/common/tax-code';

/** The tests seed tagged demo datasets side by side in one database: each must enrol people of its own. */

test('the untagged demo keeps its people', () => {
  expect(demoPersonTaxCode('', 0).slice(0, 15)).toBe('DMOXXX80A01F205');
});

test('tags that differ only in digits get different people, and every code is a valid one', () => {
  // Before, both of these became DMOTXX…: the letters were taken from the tag and digits were dropped.
  expect(demoPersonTaxCode('T123456', 0)).not.toBe(demoPersonTaxCode('T654321', 0));
  const tags = Array.from({ length: 2000 }, () => `T${randomBytes(3).toString('hex')}`);
  const codes = new Set(tags.map((tag) => demoPersonTaxCode(tag, 0)));
  expect(codes.size).toBeGreaterThan(1995);
  for (const tag of tags.slice(0, 200)) for (const i of [0, 11, 22]) expect(isPersonTaxCode(demoPersonTaxCode(tag, i))).toBe(true);
});
