import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Every gql`…` document written out in the console's source (the dashboard, imports, compliance…). */
export function staticConsoleDocuments(): string[] {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? files(file) : /\.tsx?$/.test(name) ? [file] : [];
    });
  return files(path.join(ROOT, 'admin/src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/gql`([^`]*)`/g)].map((m) => m[1]).filter((text) => !text.includes('${')),
  );
}

/** The resources the console registers in App.tsx. */
export const consoleResources = () => [...readFileSync(path.join(ROOT, 'admin/src/App.tsx'), 'utf8').matchAll(/<Resource name="(\w+)"/g)].map((m) => m[1]);
