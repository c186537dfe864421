/** What allocationTotals groups by, in the order the workspace offers them. */
export const ALLOCATION_DIMENSIONS = ['MEASURE', 'FUND_SOURCE', 'PROVINCE', 'TENANT', 'KIND', 'STATUS', 'YEAR'] as const;

export type AllocationDimension = (typeof ALLOCATION_DIMENSIONS)[number];
