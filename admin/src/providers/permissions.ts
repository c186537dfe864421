import { isTenantOwned } from './apiSchema';
import type { Role } from './session';

/** Only administrators see these at all. */
const ADMIN_ONLY_RESOURCES = new Set(['tenants', 'users']);

/** Written by the database itself. */
const READ_ONLY_RESOURCES = new Set(['auditEvents']);

const READ_ACTIONS = new Set(['list', 'show', 'export']);

/** What a third-sector body's users work on: published calls and their own proposals. */
const THIRD_SECTOR_WRITES = new Set(['codesignProposals', 'codesignActions', 'codesignProposalPartners']);
const THIRD_SECTOR_RESOURCES = new Set(['codesignCalls', 'codesignProposals', 'codesignActions', 'codesignProposalPartners', 'codesignCriteria', 'targetGroups']);

export interface AccessQuestion {
  role: Role;
  action: string;
  resource: string;
  /** An administrator writes a tenant's records only while acting in that tenant. */
  actingTenantId: string | null;
  /** The user belongs to a third-sector body. */
  thirdSectorBody?: boolean;
}

/**
 * What the console offers each role. It only hides what the server would refuse: the server
 * checks every request again.
 */
export function canAccess({ role, action, resource, actingTenantId, thirdSectorBody }: AccessQuestion): boolean {
  if (ADMIN_ONLY_RESOURCES.has(resource) && role !== 'ADMIN') return false;
  if (thirdSectorBody && !THIRD_SECTOR_RESOURCES.has(resource)) return false;
  // A body reads the calls and writes its proposals; calls are the ambiti's.
  if (thirdSectorBody && !READ_ACTIONS.has(action) && !THIRD_SECTOR_WRITES.has(resource)) return false;
  if (READ_ACTIONS.has(action)) return true;
  if (READ_ONLY_RESOURCES.has(resource)) return false;
  switch (role) {
    // Records each tenant keeps: editors write them, analysts read them.
    case 'ADMIN':
      return !isTenantOwned(resource) || actingTenantId !== null;
    case 'EDITOR':
      return isTenantOwned(resource);
    default:
      return false;
  }
}
