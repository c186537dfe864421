import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printRegistrySchema } from '../../server/src/registry';

test('schema.graphql matches the schema the code builds (run npm run schema:emit after changing the API)', () => {
  const committed = readFileSync(path.join(__dirname, '../../schema.graphql'), 'utf8');
  expect(printRegistrySchema()).toBe(committed);
});
