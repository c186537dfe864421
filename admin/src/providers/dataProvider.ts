import { gql } from '@apollo/client';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider, DeleteManyParams, DeleteManyResult, GetListParams, GetListResult, RaRecord } from 'react-admin';
import type { AllocationDimension } from './allocationDimensions';
import { toHttpError, Violation } from './apiErrors';
import { buildQuery, MAX_PER_PAGE, updateVariables } from './buildQuery';
import { graphqlClient, UploadProgressListener } from './graphqlClient';

export interface ComplianceReport {
  ok: boolean;
  violations: Violation[];
  /** Rules planned departures will break, each with its day. */
  upcoming: Violation[];
}

/** A status a network may move to, as the API's workflow says, and what blocks it. */
export interface StatusTransition {
  status: NetworkStatus;
  allowed: boolean;
  blockedBy: Violation[];
}

/** An ACTIVE network a parameter change would put out of compliance. */
export interface NetworkImpact {
  networkId: string;
  code: string;
  title: string;
  violations: Violation[];
}

export type NetworkStatus = 'DRAFT' | 'ACTIVE' | 'CLOSED' | 'WITHDRAWN';


/** One group of allocationTotals: the keys it stands for (codes, a province name, a year), its total and count. */
export interface AllocationTotal {
  measure: string | null;
  fundSource: string | null;
  province: string | null;
  tenant: string | null;
  kind: string | null;
  status: string | null;
  year: number | null;
  total: string;
  count: number;
}

export type ImportKind = 'PARTNERS' | 'CRISIS_COMPANIES' | 'SERVICES';

/** One service type of a recipient's plan: hours and amounts planned and delivered, and what its hour cap leaves. */
export interface PlanLine {
  serviceTypeId: string;
  plannedHours: number;
  deliveredHours: number;
  maxHours: number | null;
  hoursLeft: number | null;
  plannedAmount: string;
  deliveredAmount: string;
}

/** A service of a recipient's plan (PIP), planned or delivered. */
export interface PlanService {
  id: string;
  serviceTypeId: string;
  partnerId: string;
  status: 'PLANNED' | 'DELIVERED';
  delivery: 'INDIVIDUAL' | 'GROUP';
  serviceDate: string;
  hours: number;
  amount: string;
}

/** A recipient's personal plan: per service type, and service by service. */
export interface EnrolmentPlan {
  plan: PlanLine[];
  services: PlanService[];
}

/** Why one row of an imported file cannot be written; `line` counts the header as line 1. */
export interface ImportRowError {
  line: number;
  field: string;
  /** What is wrong, as a code the console words itself (reti.validation.server.*). */
  code: string;
  message: string;
}

/** What importCsv found in a file (a dry run) or wrote from it. */
export interface ImportReport {
  total: number;
  valid: number;
  imported: number;
  errors: ImportRowError[];
}

export interface ImportCsvParams {
  kind: ImportKind;
  csv: string;
  /** Only check the rows: nothing is written. */
  dryRun: boolean;
  onUploadProgress?: UploadProgressListener;
}

/** A network's plan of accounts against its funding tier, its committed allocations and its delivered services. */
export interface PlanOfAccounts {
  total: string;
  tierMaximum: string | null;
  committed: string;
  delivered: string;
  conditionalPending: string;
  lines: { serviceTypeId: string; planned: string; delivered: string }[];
}

/** The standard methods plus the API's operations that are not CRUD. */
export interface RetiDataProvider extends DataProvider {
  getCompliance(networkId: string): Promise<ComplianceReport & { transitions: StatusTransition[] }>;
  getPlanOfAccounts(networkId: string): Promise<PlanOfAccounts>;
  /** Dry run of an update (measures, funding tiers): the ACTIVE networks it would put out of compliance. Nothing is saved. */
  previewUpdate(resource: 'measures' | 'fundingTiers', params: { id: string; data: Record<string, unknown>; previousData: Record<string, unknown> }): Promise<NetworkImpact[]>;
  setNetworkStatus(params: { id: string; version: number; status: NetworkStatus }): Promise<RaRecord>;
  /** Makes a member the lead in one step; the previous lead stays as a partner. */
  makeNetworkLead(params: { id: string; version: number }): Promise<RaRecord>;
  /** Allocation totals grouped on the server (GROUP BY … HAVING), e.g. committed amounts by measure. */
  getAllocationTotals(groupBy: AllocationDimension[], filter?: Record<string, unknown>, having?: { minTotal?: string; minCount?: number }): Promise<AllocationTotal[]>;
  /** Checks a CSV file of partners or companies in crisis and, unless it is a dry run, writes its valid rows in one transaction. */
  importCsv(params: ImportCsvParams): Promise<ImportReport>;
  /** The template's columns for a kind of import, as the API reads them. */
  getImportColumns(kind: ImportKind): Promise<string[]>;
  /** An enrolment's personal plan, with the hours each cap leaves. */
  getEnrolmentPlan(enrolmentId: string): Promise<EnrolmentPlan>;
}

const graphqlProvider = buildGraphQLProvider({
  client: graphqlClient,
  introspection: false,
  buildQuery: () => buildQuery,
  query: () => ({ fetchPolicy: 'no-cache' }),
});

async function request<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toHttpError(error);
  }
}

/** A list longer than the API's largest page (a CSV export, the dashboard) is read page by page from the start. */
async function getList(resource: string, params: GetListParams): Promise<GetListResult> {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  if (perPage <= MAX_PER_PAGE) return graphqlProvider.getList(resource, params);
  if (page !== 1) throw new Error(`Pages longer than ${MAX_PER_PAGE} records are read from the first page only`);
  const records: RaRecord[] = [];
  let total = Infinity;
  for (let apiPage = 1; records.length < Math.min(perPage, total); apiPage++) {
    const result = await graphqlProvider.getList(resource, { ...params, pagination: { page: apiPage, perPage: MAX_PER_PAGE } });
    total = result.total ?? 0;
    if (!result.data.length) break;
    records.push(...result.data);
  }
  return { data: records.slice(0, perPage), total };
}

/**
 * The API deletes one record at a time, with the version that was read: the list passes the
 * records it shows (`meta.records`); a selected record no longer on screen is read again. Stops
 * at the first refusal, which the caller reports; those deleted before it stay deleted.
 */
async function deleteMany(resource: string, { ids, meta }: DeleteManyParams): Promise<DeleteManyResult> {
  const records = new Map<RaRecord['id'], RaRecord>((meta?.records ?? []).map((record: RaRecord) => [record.id, record]));
  const unseen = ids.filter((id) => !records.has(id));
  if (unseen.length) for (const record of (await graphqlProvider.getMany(resource, { ids: unseen })).data) records.set(record.id, record);
  const deleted: RaRecord['id'][] = [];
  for (const id of ids) {
    const previousData = records.get(id);
    // Already deleted by someone else: nothing left to do.
    if (!previousData) continue;
    await graphqlProvider.delete(resource, { id, previousData });
    deleted.push(id);
  }
  return { data: deleted };
}

const COMPLIANCE = gql`
  query ($id: ID!) {
    network(id: $id) {
      id
      compliance { ok violations { rule message messageEn ids field from } upcoming { rule message messageEn ids field from } }
      allowedTransitions { status allowed blockedBy { rule message messageEn ids field from } }
    }
  }
`;

const PLAN_OF_ACCOUNTS = gql`
  query ($id: ID!) {
    network(id: $id) { id planOfAccounts { total tierMaximum committed delivered conditionalPending lines { serviceTypeId planned delivered } } }
  }
`;

const PREVIEW_UPDATE = {
  measures: gql`
    mutation ($id: ID!, $version: Int!, $input: UpdateMeasureInput!) {
      result: previewUpdateMeasure(id: $id, version: $version, input: $input) { networkId code title violations { rule message messageEn ids field from } }
    }
  `,
  fundingTiers: gql`
    mutation ($id: ID!, $version: Int!, $input: UpdateFundingTierInput!) {
      result: previewUpdateFundingTier(id: $id, version: $version, input: $input) { networkId code title violations { rule message messageEn ids field from } }
    }
  `,
};

const SET_NETWORK_STATUS = gql`
  mutation ($id: ID!, $version: Int!, $status: NetworkStatus!) {
    setNetworkStatus(id: $id, version: $version, status: $status) { id version status }
  }
`;

const MAKE_NETWORK_LEAD = gql`
  mutation ($id: ID!, $version: Int!) {
    makeNetworkLead(id: $id, version: $version) { id version role }
  }
`;

const ALLOCATION_TOTALS = gql`
  query ($groupBy: [AllocationDimension!]!, $filter: AllocationFilter, $having: AllocationTotalsHaving) {
    allocationTotals(groupBy: $groupBy, filter: $filter, having: $having) { measure fundSource province tenant kind status year total count }
  }
`;

const IMPORT_CSV = gql`
  mutation ($kind: ImportKind!, $csv: String!, $dryRun: Boolean!) {
    importCsv(kind: $kind, csv: $csv, dryRun: $dryRun) { total valid imported errors { line field code message } }
  }
`;

const IMPORT_COLUMNS = gql`
  query ($kind: ImportKind!) {
    importColumns(kind: $kind)
  }
`;

const ENROLMENT_PLAN = gql`
  query ($id: ID!) {
    recipientEnrolment(id: $id) {
      id
      plan { serviceTypeId plannedHours deliveredHours maxHours hoursLeft plannedAmount deliveredAmount }
      services { id serviceTypeId partnerId status delivery serviceDate hours amount }
    }
  }
`;

export const dataProvider: RetiDataProvider = {
  getList: (resource, params) => request(() => getList(resource, params)),
  getOne: (resource, params) => request(() => graphqlProvider.getOne(resource, params)),
  getMany: (resource, params) => request(() => graphqlProvider.getMany(resource, params)),
  getManyReference: (resource, params) => request(() => graphqlProvider.getManyReference(resource, params)),
  create: (resource, params) => request(() => graphqlProvider.create(resource, params)),
  update: (resource, params) => request(() => graphqlProvider.update(resource, params)),
  delete: (resource, params) => request(() => graphqlProvider.delete(resource, params)),
  updateMany: () => Promise.reject(new Error('The API updates one record at a time, with its version')),
  deleteMany: (resource, params) => request(() => deleteMany(resource, params)),

  getCompliance: (networkId) =>
    request(async () => {
      const { network } = (await graphqlClient.query({ query: COMPLIANCE, variables: { id: networkId } })).data;
      return { ...network.compliance, transitions: network.allowedTransitions };
    }),

  getPlanOfAccounts: (networkId) =>
    request(async () => (await graphqlClient.query({ query: PLAN_OF_ACCOUNTS, variables: { id: networkId } })).data.network.planOfAccounts),

  previewUpdate: (resource, { id, data, previousData }) =>
    request(async () => {
      const variables = updateVariables(resource, id, data, previousData);
      return (await graphqlClient.mutate({ mutation: PREVIEW_UPDATE[resource], variables })).data.result;
    }),

  setNetworkStatus: ({ id, version, status }) =>
    request(async () => (await graphqlClient.mutate({ mutation: SET_NETWORK_STATUS, variables: { id, version, status } })).data.setNetworkStatus),

  makeNetworkLead: ({ id, version }) =>
    request(async () => (await graphqlClient.mutate({ mutation: MAKE_NETWORK_LEAD, variables: { id, version } })).data.makeNetworkLead),

  getAllocationTotals: (groupBy, filter, having) =>
    request(async () => (await graphqlClient.query({ query: ALLOCATION_TOTALS, variables: { groupBy, filter, having } })).data.allocationTotals),

  importCsv: ({ kind, csv, dryRun, onUploadProgress }) =>
    request(
      async () =>
        (await graphqlClient.mutate({ mutation: IMPORT_CSV, variables: { kind, csv, dryRun }, context: { fetchOptions: { onUploadProgress } } })).data.importCsv,
    ),

  getImportColumns: (kind) => request(async () => (await graphqlClient.query({ query: IMPORT_COLUMNS, variables: { kind } })).data.importColumns),

  getEnrolmentPlan: (enrolmentId) =>
    request(async () => {
      const { recipientEnrolment } = (await graphqlClient.query({ query: ENROLMENT_PLAN, variables: { id: enrolmentId } })).data;
      return { plan: recipientEnrolment.plan, services: recipientEnrolment.services };
    }),
};
