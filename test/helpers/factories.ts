import { randomInt, randomUUID } from 'node:crypto';
import { Principal } from '../../server/src/common/request';
import { organisationCheckDigit, personCheckCharacter } from '../../server/src/common/tax-code';
import { GqlResult, TestApp } from './app';

let sequence = 0;

/** A valid 11-digit organisation tax code, different at every call. */
export function orgTaxCode(): string {
  sequence += 1;
  const body = String(Date.now() % 1e6).padStart(6, '0') + String(sequence % 1e4).padStart(4, '0');
  return body + organisationCheckDigit(body);
}

const SURNAME = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');

/** A valid personal codice fiscale, different at every call (and from other test files' runs). */
export function personTaxCode(): string {
  sequence += 1;
  const first15 = `${SURNAME}85T10Z${String(sequence % 1000).padStart(3, '0')}`;
  return first15 + personCheckCharacter(first15);
}

export interface ReferenceIds {
  measure(code: string): string;
  partnerType(code: string): string;
  municipality(istatCode: string): string;
  fundSource(code: string): string;
}

/** Ids of the loaded reference data, read once per test file. */
export async function referenceIds(t: TestApp): Promise<ReferenceIds> {
  const rows = async (sql: string) => new Map<string, string>((await t.owner.query(sql)).map((r: { k: string; id: string }) => [r.k, r.id]));
  const [measures, types, municipalities, sources] = await Promise.all([
    rows('SELECT code AS k, id FROM measures'),
    rows('SELECT code AS k, id FROM partner_types'),
    rows('SELECT istat_code AS k, id FROM municipalities'),
    rows('SELECT code AS k, id FROM fund_sources'),
  ]);
  const get = (map: Map<string, string>, what: string) => (key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`no ${what} ${key} in the reference data`);
    return id;
  };
  return {
    measure: get(measures, 'measure'),
    partnerType: get(types, 'partner type'),
    municipality: get(municipalities, 'municipality'),
    fundSource: get(sources, 'fund source'),
  };
}

/** Runs a mutation that must succeed and returns its single root field. */
export async function must<T = any>(t: TestApp, principal: Principal, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await t.gql(principal, query, variables);
  if (result.errors) throw new Error(`${query}\n${JSON.stringify(result.errors, null, 2)}`);
  return Object.values(result.data!)[0] as T;
}

export async function createPartner(t: TestApp, principal: Principal, ref: ReferenceIds, typeCode = 'LABOUR_OPERATOR', extra: Record<string, unknown> = {}) {
  return must(t, principal, `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id version legalName taxCode } }`, {
    input: { legalName: `Partner ${orgTaxCode()}`, taxCode: orgTaxCode(), partnerTypeId: ref.partnerType(typeCode), labourAccredited: typeCode === 'LABOUR_OPERATOR', ...extra },
  });
}

export async function createNetwork(t: TestApp, principal: Principal, ref: ReferenceIds, extra: Record<string, unknown> = {}) {
  return must(t, principal, `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { id version code status } }`, {
    input: {
      code: `RETE-${orgTaxCode()}`,
      title: 'Rete per la ricollocazione dei lavoratori',
      measureId: ref.measure('AZIONI_RETE_FASE_II'),
      startDate: '2021-03-01',
      endDate: '2022-02-28',
      plannedSuspended: 12,
      plannedUnemployed: 8,
      ...extra,
    },
  });
}

export async function addMember(t: TestApp, principal: Principal, networkId: string, partnerId: string, role = 'PARTNER') {
  return must(t, principal, `mutation($input: CreateNetworkMemberInput!) { createNetworkMember(input: $input) { id version role } }`, {
    input: { networkId, partnerId, role },
  });
}

export async function createCrisisCompany(t: TestApp, principal: Principal, ref: ReferenceIds, extra: Record<string, unknown> = {}) {
  return must(t, principal, `mutation($input: CreateCrisisCompanyInput!) { createCrisisCompany(input: $input) { id version name } }`, {
    input: { name: `Azienda ${orgTaxCode()}`, taxCode: orgTaxCode(), municipalityId: ref.municipality('015182'), crisisInstrument: 'CIGS', workersInvolved: 40, expectedRedundancies: 20, ...extra },
  });
}

/** Links a new company in crisis with expected redundancies, as Fase II and DGR X/6686 networks need one. */
export async function linkCrisisCompany(t: TestApp, principal: Principal, ref: ReferenceIds, networkId: string) {
  const company = await createCrisisCompany(t, principal, ref);
  return must(t, principal, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, { input: { networkId, crisisCompanyId: company.id } });
}

/** `count` networks of one tenant, each with a lead and two partners, one company and one allocation. */
export async function seedNetworks(t: TestApp, principal: Principal, count: number): Promise<string[]> {
  const ref = await referenceIds(t);
  const lead = await createPartner(t, principal, ref, 'LABOUR_OPERATOR');
  const cpi = await createPartner(t, principal, ref, 'CPI');
  const union = await createPartner(t, principal, ref, 'TRADE_UNION');
  const company = await createCrisisCompany(t, principal, ref);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const network = await createNetwork(t, principal, ref);
    await addMember(t, principal, network.id, lead.id, 'LEAD');
    await addMember(t, principal, network.id, cpi.id);
    await addMember(t, principal, network.id, union.id);
    await must(t, principal, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, {
      input: { networkId: network.id, crisisCompanyId: company.id },
    });
    await must(t, principal, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
      input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '1000.00', allocatedOn: '2021-04-01', kind: 'PROCESS' },
    });
    ids.push(network.id);
  }
  return ids;
}

/** A code made of capital letters, digits and _, unique across test files that share the database. */
export function uniqueCode(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}

/** Rows of `table` matching `where`, counted as the owner, behind the API's back. */
export async function countRows(t: TestApp, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await t.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row.n as number;
}

/** The first error of a result, failing the test if the operation succeeded. */
export function firstError(result: GqlResult): NonNullable<GqlResult['errors']>[number] {
  if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return result.errors[0];
}

/** Asserts that the operation failed with `code` and, when given, that the error names `field`. */
export function expectError(result: GqlResult, code: string, field?: string): void {
  // Matching on the whole error shows its message when the assertion fails.
  expect(firstError(result)).toMatchObject({ extensions: field === undefined ? { code } : { code, field } });
}
