import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Removes compiled files whose source is gone. tsc leaves them behind, and one can shadow its
 * successor: when compiled-reads.ts became the folder compiled-reads/, the old compiled-reads.js
 * kept answering `require('./compiled-reads')` in a checkout upgraded in place. Runs after the
 * build (npm run build).
 */
const DIST = path.resolve(__dirname, '../..');
const ROOT = path.resolve(DIST, '../..');
const OUTPUT = /(\.d\.ts|\.js\.map|\.js)$/;

function prune(folder: string): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) prune(file);
    else if (OUTPUT.test(entry.name)) {
      const source = path.join(ROOT, path.relative(DIST, file)).replace(OUTPUT, '');
      if (!existsSync(`${source}.ts`) && !existsSync(`${source}.tsx`)) rmSync(file);
    }
  }
}

prune(DIST);
