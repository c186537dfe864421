import { RegistrySchema1763700000000 } from '../../../migrations/1763700000000-registry-schema';
import { AccessControl1763700000001 } from '../../../migrations/1763700000001-access-control';
import { RecipientEnrolments1763700000002 } from '../../../migrations/1763700000002-recipient-enrolments';
import { AllocationTotals1763700000200 } from '../../../migrations/1763700000200-allocation-totals';

/** Listed explicitly so the same code runs from TypeScript sources (tests) and compiled output. */
export const migrations = [RegistrySchema1763700000000, AccessControl1763700000001, RecipientEnrolments1763700000002, AllocationTotals1763700000200];
