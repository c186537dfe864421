import { newTenant } from '../../helpers/app';
import { must, referenceIds, seedNetworks } from '../../helpers/factories';
import { HttpTestApp } from '../../helpers/http';

export type Tenant = Awaited<ReturnType<typeof newTenant>>;

/**
 * A tenant of its own with three networks, each with a committed allocation of € 1.000,00 (2021),
 * and one more of € 250,50 (2022) on the first: 4 allocations, € 3.250,50 in all. What the lists,
 * the workspace and the phone layout count on.
 */
export async function tenantWithAllocations(t: HttpTestApp): Promise<{ tenant: Tenant; networkIds: string[] }> {
  const tenant = await newTenant(t);
  const networkIds = await seedNetworks(t, tenant.editor, 3);
  const ref = await referenceIds(t);
  await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId: networkIds[0], fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '250.50', allocatedOn: '2022-01-10', kind: 'RESULT' },
  });
  return { tenant, networkIds };
}
