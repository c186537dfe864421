import 'reflect-metadata';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import '../../server/src/registry';
import { networkRuleList } from '../../server/src/modules/network-rules';
import { networkRules } from '../../server/src/modules/network/rule-registry';
import { RuleCode } from '../../server/src/modules/measure/measure.entity';

const MODULES = path.resolve(__dirname, '../../server/src/modules');

/** Every CRUD resource the modules export (an object with entity, name and plural), by name. */
function resourceNames(): Set<string> {
  const names = new Set<string>();
  for (const dir of readdirSync(MODULES, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const file of readdirSync(path.join(MODULES, dir.name)).filter((f) => f.endsWith('.service.ts'))) {
      for (const value of Object.values(require(path.join(MODULES, dir.name, file)) as Record<string, unknown>)) {
        const resource = value as { entity?: unknown; name?: unknown; plural?: unknown };
        if (resource && typeof resource === 'object' && resource.entity && typeof resource.name === 'string' && typeof resource.plural === 'string') names.add(resource.name);
      }
    }
  }
  return names;
}

test('the registry runs the registration list, and each declaration names its module and real resources', () => {
  expect(networkRules()).toEqual(networkRuleList);
  const resources = resourceNames();
  expect(resources.size).toBeGreaterThan(20);
  const modules = new Set(readdirSync(MODULES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name));
  for (const rule of networkRules()) {
    expect({ code: rule.code, owner: modules.has(rule.owner) }).toEqual({ code: rule.code, owner: true });
    expect({ code: rule.code, unknown: rule.reachedBy.filter((name: string) => !resources.has(name)) }).toEqual({ code: rule.code, unknown: [] });
    expect(['LIMIT', 'FLAG']).toContain(rule.kind);
  }
});

test('every rule code a measure may list is registered, but those judged at each allocation by its fund source', () => {
  const perAllocation = [RuleCode.FUND_MEASURES, RuleCode.FUND_ORDER, RuleCode.FUND_RECIPIENTS];
  const registered = new Set(networkRules().map((rule) => rule.code));
  expect(Object.values(RuleCode).filter((code) => !registered.has(code) && !perAllocation.includes(code))).toEqual([]);
});
