import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The server's layers, lowest first: a file may import its own layer and those below, never one
 * above. README.md ("Layout") draws the same picture.
 */
const LAYERS = ['common', 'db', 'graphql', 'modules', 'app'] as const;
type Layer = (typeof LAYERS)[number];

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'server/src');

function layerOf(file: string): Layer | undefined {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  if (rel.startsWith('migrations/')) return 'db';
  if (!rel.startsWith('server/src/')) return undefined;
  const inside = rel.slice('server/src/'.length);
  const [top] = inside.split('/');
  if (inside === 'seed/demo-data.ts') return 'app'; // goes through the services, like the API
  if (top === 'common') return 'common';
  if (top === 'db' || top === 'seed') return 'db';
  if (top === 'graphql') return 'graphql';
  if (top === 'crud' || top === 'modules') return 'modules';
  return 'app';
}

/** Services and rules are the domain: they import nothing from graphql/ and do not know GraphQL itself. */
const isDomain = (file: string) => /\.(service|rules)\.ts$/.test(file);
const knowsNoGraphQL = (file: string) => isDomain(file) || ['common', 'db'].includes(layerOf(file) ?? '');

/** Every module a file names: imports (type-only ones too), re-exports, require() and import(). */
function specifiers(file: string, text: string): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => existsSync(candidate) && candidate.endsWith('.ts'));
}

/** The imports that point the wrong way, as "from → to: why". `read` lets the check run on given sources too. */
function wrongImports(files: string[], read: (file: string) => string = (file) => readFileSync(file, 'utf8'), resolveTarget = resolve): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    const layer = layerOf(file)!;
    for (const specifier of specifiers(file, read(file))) {
      const name = `${path.relative(ROOT, file)} → ${specifier}`;
      if (specifier === 'graphql' && knowsNoGraphQL(file)) wrong.push(`${name}: the domain does not know GraphQL`);
      const target = resolveTarget(file, specifier);
      const targetLayer = target && layerOf(target);
      if (!targetLayer) continue;
      if (LAYERS.indexOf(targetLayer) > LAYERS.indexOf(layer)) wrong.push(`${name}: ${layer} imports ${targetLayer}, a layer above it`);
      else if (targetLayer === 'graphql' && isDomain(file)) wrong.push(`${name}: services and rules import nothing from graphql/`);
    }
  }
  return wrong;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('no import in server/src points to a layer above its own', () => {
  const files = sources(SRC);
  expect(files.length).toBeGreaterThan(50);
  expect(wrongImports(files)).toEqual([]);
});

test('the check finds imports that point the wrong way', () => {
  const fake: Record<string, string> = {
    [path.join(SRC, 'db/request-scope.ts')]: "import { formatError } from '../graphql/errors';",
    [path.join(SRC, 'graphql/schema.ts')]: "import type { resolvers } from '../modules/resolvers';",
    [path.join(SRC, 'modules/partner/partner.service.ts')]: "import { Context } from '../../graphql/context';\nimport { GraphQLError } from 'graphql';",
    [path.join(SRC, 'common/money.ts')]: "export { ErrorCode } from '../db/naming';",
    [path.join(SRC, 'modules/partner/partner.resolver.ts')]: "import { present } from '../../graphql/loaders';\nimport { partnerResource } from './partner.service';",
  };
  const wrong = wrongImports(Object.keys(fake), (file) => fake[file], (from, specifier) =>
    specifier.startsWith('.') ? `${path.resolve(path.dirname(from), specifier)}.ts` : undefined,
  );
  expect(wrong.map((w) => w.split(' → ')[0])).toEqual([
    'server/src/db/request-scope.ts',
    'server/src/graphql/schema.ts',
    'server/src/modules/partner/partner.service.ts',
    'server/src/modules/partner/partner.service.ts',
    'server/src/common/money.ts',
  ]);
});

/** Whether a source declares a rule of the measures: it calls defineNetworkRule (modules/network/rule-registry.ts). */
function declaresRule(file: string, text: string): boolean {
  let found = false;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (name === 'defineNetworkRule') found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));
  return found;
}

const NETWORK = path.join(SRC, 'modules/network') + path.sep;

/**
 * The network module runs the registered rules and knows none of them: no file of it reaches,
 * through any chain of imports, a file outside it that declares a rule (or the registration list).
 */
function networkReachesRules(files: string[], read: (file: string) => string = (file) => readFileSync(file, 'utf8'), resolveTarget = resolve): string[] {
  const wrong: string[] = [];
  for (const start of files.filter((f) => f.startsWith(NETWORK))) {
    const seen = new Set<string>([start]);
    const queue: { file: string; chain: string[] }[] = [{ file: start, chain: [start] }];
    while (queue.length) {
      const { file, chain } = queue.shift()!;
      for (const specifier of specifiers(file, read(file))) {
        const target = resolveTarget(file, specifier);
        if (!target || seen.has(target)) continue;
        seen.add(target);
        const next = [...chain, target];
        if (!target.startsWith(NETWORK) && declaresRule(target, read(target))) {
          wrong.push(next.map((f) => path.relative(ROOT, f)).join(' → '));
        } else {
          queue.push({ file: target, chain: next });
        }
      }
    }
  }
  return wrong;
}

test('modules/network/ imports no module that declares a rule of the measures', () => {
  const files = sources(SRC);
  const declaring = files.filter((f) => !f.startsWith(NETWORK) && declaresRule(f, readFileSync(f, 'utf8')));
  expect(declaring.length).toBeGreaterThan(3);
  expect(networkReachesRules(files)).toEqual([]);
});

test('the check finds a network file that reaches a rule, directly or through another file', () => {
  const fake: Record<string, string> = {
    [path.join(SRC, 'modules/network/network.service.ts')]: "import { helper } from '../funding/helper';",
    [path.join(SRC, 'modules/network/network.resolver.ts')]: "import type { X } from '../project-sheet/project-sheet.rule';",
    [path.join(SRC, 'modules/funding/helper.ts')]: "import { FUND_BUDGET } from './funding.rule';",
    [path.join(SRC, 'modules/funding/funding.rule.ts')]: "import { defineNetworkRule } from '../network/rule-registry';\nexport const FUND_BUDGET = defineNetworkRule({});",
    [path.join(SRC, 'modules/project-sheet/project-sheet.rule.ts')]: "export const PROJECT_SHEET = registry.defineNetworkRule({});",
    [path.join(SRC, 'modules/network/rule-registry.ts')]: 'export function defineNetworkRule<L>(rule: L) { return rule; }',
    [path.join(SRC, 'modules/network/network.rules.ts')]: "import { defineNetworkRule } from './rule-registry';\nexport const ONE_LEAD = defineNetworkRule({});",
  };
  const wrong = networkReachesRules(Object.keys(fake), (file) => fake[file], (from, specifier) => {
    const target = `${path.resolve(path.dirname(from), specifier)}.ts`;
    return specifier.startsWith('.') && fake[target] !== undefined ? target : undefined;
  });
  expect(wrong).toEqual([
    'server/src/modules/network/network.service.ts → server/src/modules/funding/helper.ts → server/src/modules/funding/funding.rule.ts',
    'server/src/modules/network/network.resolver.ts → server/src/modules/project-sheet/project-sheet.rule.ts',
  ]);
});
