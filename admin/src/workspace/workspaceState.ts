import { ALLOCATION_DIMENSIONS, AllocationDimension } from '../providers/allocationDimensions';

/** The analyst's workspace route. */
export const WORKSPACE_PATH = '/workspace';


/** The filters of allocationTotals the workspace offers, by their names in AllocationFilter. */
export const FILTERS = ['fundSourceId', 'kind', 'status', 'allocatedFrom', 'allocatedTo'] as const;
export type WorkspaceFilter = Partial<Record<(typeof FILTERS)[number], string>>;

export interface WorkspaceHaving {
  /** An API amount, e.g. "1200.50". */
  minTotal?: string;
  minCount?: number;
}

/** Everything a workspace shows, kept in the query string so that a link reproduces it. */
export interface WorkspaceState {
  /** In the order chosen: the table's columns and the chart's labels follow it. */
  groupBy: AllocationDimension[];
  filter: WorkspaceFilter;
  having: WorkspaceHaving;
}

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const COUNT = /^[1-9]\d{0,8}$/;

/** A first look for a new workspace: committed amounts by measure. */
export const DEFAULT_STATE: WorkspaceState = { groupBy: ['MEASURE'], filter: { status: 'COMMITTED' }, having: {} };

/**
 * The state a link carries, e.g. `?by=MEASURE,YEAR&status=COMMITTED&minTotal=1000`. A link
 * without any parameter opens the default; unknown dimensions and malformed values are dropped.
 */
export function parseWorkspace(params: URLSearchParams): WorkspaceState {
  if (![...params.keys()].length) return DEFAULT_STATE;
  const groupBy = (params.get('by') ?? '')
    .split(',')
    .filter((d, i, all): d is AllocationDimension => (ALLOCATION_DIMENSIONS as readonly string[]).includes(d) && all.indexOf(d) === i);
  const filter: WorkspaceFilter = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const having: WorkspaceHaving = {};
  const minTotal = params.get('minTotal');
  if (minTotal && AMOUNT.test(minTotal)) having.minTotal = minTotal;
  const minCount = params.get('minCount');
  if (minCount && COUNT.test(minCount)) having.minCount = Number(minCount);
  return { groupBy, filter, having };
}

/** The query string of a state; parseWorkspace reads it back unchanged. */
export function workspaceParams({ groupBy, filter, having }: WorkspaceState): URLSearchParams {
  const params = new URLSearchParams({ by: groupBy.join(',') });
  for (const key of FILTERS) if (filter[key]) params.set(key, filter[key]);
  if (having.minTotal) params.set('minTotal', having.minTotal);
  if (having.minCount) params.set('minCount', String(having.minCount));
  return params;
}
