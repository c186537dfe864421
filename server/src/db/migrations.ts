import { RegistrySchema1763700000000 } from '../../../migrations/1763700000000-registry-schema';

/** Listed explicitly so the same code runs from TypeScript sources (tests) and compiled output. */
export const migrations = [RegistrySchema1763700000000];
