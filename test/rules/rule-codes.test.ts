import { startTestApp, TestApp } from '../helpers/app';
import { networkRules } from '../../server/src/modules/network/rule-registry';
import { RuleCode } from '../../server/src/modules/measure/measure.entity';

/**
 * Issue 24: a rule code is one row of rule_codes, the API's RuleCode and, unless its fund source
 * judges it at each allocation, a registered rule of the module the row names as its owner.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

test('rule_codes, the API enum and the registry name the same codes, and each row names a module that declares its rule', async () => {
  const rows: { code: string; owner: string }[] = await t.owner.query('SELECT code, owner FROM rule_codes ORDER BY code');
  expect(rows.map((r) => r.code)).toEqual(Object.values(RuleCode).sort());
  const declaredBy = new Map<string, Set<string>>();
  for (const rule of networkRules()) declaredBy.set(rule.code, new Set([...(declaredBy.get(rule.code) ?? []), rule.owner]));
  const perAllocation = rows.filter((r) => !declaredBy.has(r.code));
  expect(perAllocation).toEqual([
    { code: 'FUND_MEASURES', owner: 'fund-eligibility' },
    { code: 'FUND_ORDER', owner: 'fund-eligibility' },
    { code: 'FUND_RECIPIENTS', owner: 'fund-eligibility' },
  ]);
  const misowned = rows.filter((r) => declaredBy.has(r.code) && !declaredBy.get(r.code)!.has(r.owner));
  expect(misowned).toEqual([]);
});
