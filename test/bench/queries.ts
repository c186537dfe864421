/**
 * The bench's queries, written once per server. Each selects the same data: Reti's document, the
 * same data through PostGraphile v5's schema (amber preset, pg-aggregates; a column `id` is `rowId`
 * there, a relation is named after its foreign key), and the floor's
 * hand-written route. `fromPeer` turns PostGraphile's answer into Reti's shape, so run.ts can check
 * that all three return the same data before it measures them.
 */
export type Who = 'editor' | 'regionalAnalyst';

export interface BenchQuery {
  name: string;
  label: string;
  who: Who;
  reti: string;
  peer: string;
  floor: string;
  variables: (ids: { networkId: string; tenantId: string }) => Record<string, unknown>;
  fromPeer: (data: any, names: Names) => unknown;
}

/** Fund source codes and tenants' province names by id: PostGraphile's grouped aggregates answer ids. */
export interface Names {
  fundSources: Map<string, string>;
  tenantProvinces: Map<string, string>;
}

const PAGE = `perPage: 50, sort: [{ field: code, order: ASC }]`;
const PEER_PAGE = `first: 50, orderBy: CODE_ASC`;

const nodes = (connection: { nodes: any[] }) => connection.nodes;
const peerLead = (network: any) => nodes(network.lead)[0]?.partner ?? null;
const totals = `allocationTotals(groupBy: [FUND_SOURCE, PROVINCE]) { fundSource province total count }`;
const peerTotals = `allAllocations { groupedAggregates(groupBy: [FUND_SOURCE_ID, TENANT_ID]) { keys sum { amount } distinctCount { rowId } } }`;

/** PostGraphile groups by tenant (a tenant has one province); the provinces' groups are their tenants' sums. */
function peerTotalsToReti(data: any, names: Names) {
  const groups = new Map<string, { fundSource: string; province: string; cents: bigint; count: number }>();
  for (const { keys: [fundSourceId, tenantId], sum, distinctCount } of data.allAllocations.groupedAggregates) {
    const fundSource = names.fundSources.get(fundSourceId)!;
    const province = names.tenantProvinces.get(tenantId)!;
    const key = `${fundSource}/${province}`;
    const group = groups.get(key) ?? { fundSource, province, cents: 0n, count: 0 };
    group.cents += BigInt(String(sum.amount).replace('.', ''));
    group.count += Number(distinctCount.rowId);
    groups.set(key, group);
  }
  return {
    allocationTotals: [...groups.values()].map(({ cents, ...g }) => ({ ...g, total: `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}` })),
  };
}

export const QUERIES: BenchQuery[] = [
  {
    name: 'Q1',
    label: 'one network by id',
    who: 'editor',
    reti: `query($id: ID!) { network(id: $id) { id code title status startDate endDate plannedSuspended plannedUnemployed } }`,
    peer: `query($tenantId: UUID!, $id: UUID!) { networkByTenantIdAndRowId(tenantId: $tenantId, rowId: $id) { id: rowId code title status startDate endDate plannedSuspended plannedUnemployed } }`,
    floor: 'q1',
    // PostGraphile's key is the table's (tenant_id, id); the others ignore tenantId.
    variables: ({ networkId, tenantId }) => ({ id: networkId, tenantId }),
    fromPeer: (data) => ({ network: data.networkByTenantIdAndRowId }),
  },
  {
    name: 'Q2',
    label: '50 networks with lead and members (role, partner name)',
    who: 'editor',
    reti: `{ networks(${PAGE}) { items { id code title status lead { legalName } members { role partner { legalName } } } } }`,
    peer: `{ allNetworks(${PEER_PAGE}) { nodes { id: rowId code title status
      lead: networkMembersByTenantIdAndNetworkId(condition: { role: "LEAD" }) { nodes { partner: partnerByTenantIdAndPartnerId { legalName } } }
      members: networkMembersByTenantIdAndNetworkId { nodes { role partner: partnerByTenantIdAndPartnerId { legalName } } } } } }`,
    floor: 'q2',
    variables: () => ({}),
    fromPeer: (data) => ({
      networks: { items: nodes(data.allNetworks).map(({ lead, members, ...n }) => ({ ...n, lead: peerLead({ lead }), members: nodes(members) })) },
    }),
  },
  {
    name: 'Q3',
    label: '50 networks → members → partner → partner type, plus companies and allocations',
    who: 'editor',
    reti: `{ networks(${PAGE}) { items { id code title status startDate endDate
      members { role joinedOn partner { legalName taxCode partnerType { code name } } }
      companies { name taxCode crisisInstrument }
      allocations { amount allocatedOn kind status } } } }`,
    peer: `{ allNetworks(${PEER_PAGE}) { nodes { id: rowId code title status startDate endDate
      members: networkMembersByTenantIdAndNetworkId { nodes { role joinedOn partner: partnerByTenantIdAndPartnerId { legalName taxCode partnerType: partnerTypeByPartnerTypeId { code name } } } }
      companies: networkCompaniesByTenantIdAndNetworkId { nodes { crisisCompany: crisisCompanyByTenantIdAndCrisisCompanyId { name taxCode crisisInstrument } } }
      allocations: allocationsByTenantIdAndNetworkId { nodes { amount allocatedOn kind status } } } } }`,
    floor: 'q3',
    variables: () => ({}),
    fromPeer: (data) => ({
      networks: {
        items: nodes(data.allNetworks).map(({ members, companies, allocations, ...n }) => ({
          ...n,
          members: nodes(members),
          companies: nodes(companies).map((c) => c.crisisCompany),
          allocations: nodes(allocations),
        })),
      },
    }),
  },
  {
    name: 'Q4',
    label: 'allocation totals by fund source × province, editor',
    who: 'editor',
    reti: `{ ${totals} }`,
    peer: `{ ${peerTotals} }`,
    floor: 'q4',
    variables: () => ({}),
    fromPeer: peerTotalsToReti,
  },
  {
    name: 'Q4R',
    label: 'the same totals, regional analyst (all tenants)',
    who: 'regionalAnalyst',
    reti: `{ ${totals} }`,
    peer: `{ ${peerTotals} }`,
    floor: 'q4',
    variables: () => ({}),
    fromPeer: peerTotalsToReti,
  },
];

/** JSON with every array sorted: the three servers may list members or groups in different orders. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
