import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printRegistrySchema } from '../../server/src/graphql/schema';
test('emit', () => { writeFileSync(path.join(__dirname, '../../schema.graphql'), printRegistrySchema()); });
