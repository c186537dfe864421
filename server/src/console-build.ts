import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * npm run build:console (run by `npm ci` and by `npm start`): builds the console when its build is
 * missing or its sources changed since, and is silent otherwise. What the build was made from is
 * kept as a hash in admin/dist, which the server does not serve (only /admin/assets and index.html).
 */

/** Everything the console's build reads besides node_modules: its sources, its build settings, and the API's schema. */
const SOURCES = ['admin/src', 'admin/index.html', 'admin/package.json', 'admin/tsconfig.json', 'admin/vite.config.ts', 'schema.graphql'];
const STAMP = 'admin/dist/.source-hash';

function filesUnder(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => filesUnder(root, path.posix.join(relative, entry.name)));
}

/** A hash of the console's sources: names and contents, so adding, removing or renaming a file counts too. */
export function consoleSourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((source) => filesUnder(root, source)).sort()) {
    hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  }
  return hash.digest('hex');
}

/** Why the console needs building, or undefined when admin/dist was built from the sources as they are. */
export function consoleStaleness(root: string): string | undefined {
  if (!existsSync(path.join(root, 'admin/dist/index.html'))) return 'it has not been built yet';
  const stamp = path.join(root, STAMP);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== consoleSourceHash(root)) return 'its sources changed since the last build';
  return undefined;
}

/** Records that admin/dist was built from the sources whose hash is given. */
export function recordConsoleBuild(root: string, hash: string): void {
  writeFileSync(path.join(root, STAMP), `${hash}\n`);
}

if (require.main === module) {
  const root = path.dirname(path.dirname(require.resolve('@reti/admin/package.json')));
  const reason = consoleStaleness(root);
  if (reason) {
    const startedAt = Date.now();
    // Hashed before building: a file changed during the build makes the next start build again.
    const hash = consoleSourceHash(root);
    console.log(`Building the console, because ${reason} (about a minute)…`);
    // Always the production bundle: under jest NODE_ENV is `test`, which gave Vite React's development build.
    const build = spawnSync('npm', ['run', '--silent', 'build', '-w', 'admin'], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) {
      console.error(`The console did not build:\n${build.stdout}${build.stderr}`);
      process.exit(1);
    }
    recordConsoleBuild(root, hash);
    console.log(`Console built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
  }
}
