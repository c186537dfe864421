import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printRegistrySchema } from './registry';

const target = path.resolve(process.cwd(), 'schema.graphql');
writeFileSync(target, printRegistrySchema());
console.log(`Wrote ${target}`);
