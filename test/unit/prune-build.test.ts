import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `npm run build` (run by npm ci) compiles into server/dist and then prunes what no source backs. */
const DIST = path.resolve(__dirname, '../../server/dist');

test('the build removes compiled files whose source is gone, and keeps the others', () => {
  const folder = path.join(DIST, 'server/src/graphql');
  mkdirSync(folder, { recursive: true });
  // As compiled-reads.js was left beside the folder compiled-reads/ that replaced it.
  const stale = ['stale-probe.js', 'stale-probe.js.map', 'stale-probe.d.ts'].map((name) => path.join(folder, name));
  for (const file of stale) writeFileSync(file, 'module.exports = "stale";');
  execFileSync(process.execPath, [path.join(DIST, 'server/src/prune-build.js')]);
  expect(stale.filter((file) => existsSync(file))).toEqual([]);
  expect(existsSync(path.join(DIST, 'server/src/main.js'))).toBe(true);
  expect(existsSync(path.join(DIST, 'server/src/graphql/compiled-reads/index.js'))).toBe(true);
  expect(existsSync(path.join(DIST, 'migrations'))).toBe(true);
});
