/**
 * Ready queries for analysts, shown as presets in the GraphQL explorer and in the README. Each is
 * a complete document that runs as it is for any signed-in user (test/unit/explorer.test.ts checks
 * them against schema.graphql).
 */
export interface ExplorerPreset {
  id: string;
  /** i18n key of the preset's label. */
  label: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXPLORER_PRESETS: ExplorerPreset[] = [
  {
    id: 'allocations-by-fund-and-province',
    label: 'reti.explorer.presets.allocations',
    query: `# Committed allocations by fund source and province, largest first
query AllocationsByFundSourceAndProvince {
  allocationTotals(groupBy: [FUND_SOURCE, PROVINCE], filter: { status: COMMITTED }) {
    fundSource
    province
    total
    count
  }
}
`,
  },
  {
    id: 'network-roster',
    label: 'reti.explorer.presets.roster',
    query: `# A network's roster: the lead and every member, with when they joined and left
query NetworkRoster($q: String) {
  networks(filter: { q: $q }, perPage: 5) {
    total
    items {
      code
      title
      status
      startDate
      endDate
      lead { legalName taxCode }
      members { role joinedOn leftOn partner { legalName taxCode } }
    }
  }
}
`,
    variables: { q: null },
  },
  {
    id: 'outcomes',
    label: 'reti.explorer.presets.outcomes',
    query: `# What phase 2 led to, by measure and province (groups of at least 5 recipients)
query Outcomes {
  outcomeTotals(groupBy: [MEASURE, PROVINCE], minRecipients: 5) {
    measure
    province
    recipients
    placements
    traineeships
    businessStarts
    placedShare
  }
}
`,
  },
];

/** A shell word in single quotes: every ' becomes '\'' */
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The request as a curl command. The token is always the placeholder $RETI_TOKEN, expanded by the
 * shell from the environment (README, "API tokens"), never the console's own access token.
 */
export function curlCommand(endpoint: string, query: string, variables: Record<string, unknown> | undefined, tenantId?: string | null): string {
  const body = JSON.stringify({ query, ...(variables && Object.keys(variables).length ? { variables } : {}) });
  return [
    `curl -sS ${shellQuote(endpoint)}`,
    `-H 'Content-Type: application/json'`,
    `-H "Authorization: Bearer $RETI_TOKEN"`,
    ...(tenantId ? [`-H ${shellQuote(`X-Tenant-Id: ${tenantId}`)}`] : []),
    `--data-raw ${shellQuote(body)}`,
  ].join(' \\\n  ');
}
