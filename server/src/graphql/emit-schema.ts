import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printRegistrySchema } from './schema';

const target = path.resolve(process.cwd(), 'schema.graphql');
writeFileSync(target, printRegistrySchema());
console.log(`Wrote ${target}`);
