import { sumAmounts } from '../../admin/src/common/amounts';
import { DEFAULT_STATE, parseWorkspace, workspaceParams, WorkspaceState } from '../../admin/src/workspace/workspaceState';

describe("the analysis workspace's link", () => {
  test('carries dimensions in their order, filters and HAVING, and reads back the same state', () => {
    const state: WorkspaceState = {
      groupBy: ['YEAR', 'MEASURE'],
      filter: { status: 'COMMITTED', fundSourceId: '9b2f3c1e-0000-4000-8000-000000000001', allocatedFrom: '2021-01-01' },
      having: { minTotal: '1200.50', minCount: 2 },
    };
    const params = workspaceParams(state);
    expect(params.get('by')).toBe('YEAR,MEASURE');
    expect(parseWorkspace(new URLSearchParams(params.toString()))).toEqual(state);
  });

  test('opens the default analysis when it carries nothing, and drops what it cannot read', () => {
    expect(parseWorkspace(new URLSearchParams())).toEqual(DEFAULT_STATE);
    expect(parseWorkspace(new URLSearchParams('by=YEAR,NOPE,YEAR&minTotal=1.200,50&minCount=-3'))).toEqual({ groupBy: ['YEAR'], filter: {}, having: {} });
  });
});

describe('totals rows', () => {
  test.each([
    [['0.10', '0.2'], '0.30'],
    [['69999.5', '0.5'], '70000.00'],
    [['1000.00', '1000.00', '1000.00', '250.50'], '3250.50'],
    [['-3', '1.25'], '-1.75'],
    [[], '0.00'],
    [['999999999999.99', '0.01'], '1000000000000.00'],
  ])('%j add up exactly to %s', (amounts, total) => {
    expect(sumAmounts(amounts)).toBe(total);
  });
});
