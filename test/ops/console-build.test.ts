import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { consoleSourceHash, consoleStaleness, recordConsoleBuild } from '../../server/src/console-build';

/** `npm start` rebuilds the console exactly when what its build reads has changed since the last build. */
let root: string;

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

/** What a build leaves: the page, and the hash of the sources it was made from. */
function build(): void {
  write('admin/dist/index.html', '<html></html>');
  recordConsoleBuild(root, consoleSourceHash(root));
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'reti-console-'));
  write('admin/src/App.tsx', 'export const App = 1;');
  write('admin/src/resources/networks/index.ts', 'export default {};');
  write('admin/index.html', '<div id="root"></div>');
  write('admin/package.json', '{}');
  write('admin/vite.config.ts', 'export default {};');
  write('schema.graphql', 'type Query { a: Int }');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test('a console never built is built', () => {
  expect(consoleStaleness(root)).toBe('it has not been built yet');
});

test('a build of the current sources is left alone, whatever happens outside them', () => {
  build();
  expect(consoleStaleness(root)).toBeUndefined();
  write('admin/node_modules/vite/index.js', 'changed');
  write('admin/dist/assets/index-abc.js', 'changed');
  write('server/src/main.ts', 'changed');
  expect(consoleStaleness(root)).toBeUndefined();
});

test.each([
  ['a source edited', () => write('admin/src/resources/networks/index.ts', 'export default { list: 1 };')],
  ['a source added', () => write('admin/src/resources/pacts/index.ts', 'export default {};')],
  ['a source renamed', () => renameSync(path.join(root, 'admin/src/App.tsx'), path.join(root, 'admin/src/Main.tsx'))],
  ['a source removed', () => rmSync(path.join(root, 'admin/src/resources/networks/index.ts'))],
  ['index.html edited', () => write('admin/index.html', '<div id="app"></div>')],
  ['the console package edited', () => write('admin/package.json', '{"dependencies":{}}')],
  ['the Vite config edited', () => write('admin/vite.config.ts', 'export default { base: "/" };')],
  ['the API schema edited', () => write('schema.graphql', 'type Query { a: Int b: Int }')],
])('%s since the last build makes it stale', (_what, change) => {
  build();
  change();
  expect(consoleStaleness(root)).toBe('its sources changed since the last build');
});

test('a build without a recorded hash (made by hand, or by an older start) is rebuilt once', () => {
  write('admin/dist/index.html', '<html></html>');
  expect(consoleStaleness(root)).toBe('its sources changed since the last build');
});
