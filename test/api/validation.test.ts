import { randomUUID } from 'node:crypto';
import { Principal } from '../../server/src/common/request';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import {
  addMember,
  countRows,
  createCrisisCompany,
  createNetwork,
  createPartner,
  expectError,
  firstError,
  must,
  orgTaxCode,
  ReferenceIds,
  referenceIds,
  uniqueCode,
} from '../helpers/factories';

type Input = Record<string, unknown>;
type Tenant = Awaited<ReturnType<typeof newTenant>>;

let t: TestApp;
let ref: ReferenceIds;
let tenant: Tenant;
let other: Tenant;
/** A network and a partner in `tenant`, and a network, pact and partner in `other`. */
let network: { id: string };
let theirs: { network: string; pact: string; partner: string };

beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
  [tenant, other] = await Promise.all([newTenant(t), newTenant(t)]);
  network = await createNetwork(t, tenant.editor, ref);
  const pact = await must(t, other.editor, `mutation { createCompetencePact(input: { name: "Patto", territory: "Lodigiano" }) { id } }`);
  theirs = {
    network: (await createNetwork(t, other.editor, ref)).id,
    pact: pact.id,
    partner: (await createPartner(t, other.editor, ref)).id,
  };
});
afterAll(() => t.close());

const mutationFor = (type: string) => `mutation($input: Create${type}Input!) { create${type}(input: $input) { id } }`;
const long = (length: number) => 'x'.repeat(length);
const RANDOM_ID = randomUUID();
const resolve = (input: Case['input']): Input => (typeof input === 'function' ? input() : input);

/** Rows a rejected write must leave as they were: a table and a condition on it. */
interface Scope {
  table: string;
  where: string;
  params: unknown[];
}

async function snapshot(scope: Scope, tenantId: string | null): Promise<number[]> {
  return Promise.all([
    countRows(t, scope.table, scope.where, scope.params),
    // A write that was undone leaves no audit event either.
    tenantId ? countRows(t, 'audit_events', 'tenant_id = $1', [tenantId]) : Promise.resolve(0),
  ]);
}

/** Runs a write that must be refused with `code` (naming `field`, if given) and must change nothing. */
async function expectRejected(
  principal: Principal,
  query: string,
  variables: Record<string, unknown>,
  scope: Scope,
  code: string,
  field?: string,
): Promise<void> {
  const before = await snapshot(scope, principal.tenantId);
  expectError(await t.gql(principal, query, variables), code, field);
  expect(await snapshot(scope, principal.tenantId)).toEqual(before);
}

interface Case {
  name: string;
  /** A function where the input needs records made in beforeAll. */
  input: Input | (() => Input);
  code?: string;
  /** The field the error names; undefined where a scalar refuses the value before any resolver runs. */
  field?: string;
}

describe('tenant records: a refused create leaves the tenant unchanged', () => {
  const tenantScope = (table: string): Scope => ({ table, where: 'tenant_id = $1', params: [tenant.id] });
  const run = (type: string, table: string, base: () => Input) => async ({ input, code = 'BAD_USER_INPUT', field }: Case) => {
    await expectRejected(tenant.editor, mutationFor(type), { input: { ...base(), ...resolve(input) } }, tenantScope(table), code, field);
  };

  const partner = () => ({ legalName: 'Soggetto di prova', taxCode: orgTaxCode(), partnerTypeId: ref.partnerType('CPI') });
  test.each<Case>([
    { name: 'an organisation tax code with a wrong check digit', input: { taxCode: '08911820961' }, field: 'taxCode' },
    { name: 'a personal codice fiscale with a wrong check character', input: { taxCode: 'RSSMRA85T10A562T' }, field: 'taxCode' },
    { name: 'a tax code of 10 digits', input: { taxCode: '0891182096' }, field: 'taxCode' },
    { name: 'a personal code of 15 characters', input: { taxCode: 'RSSMRA85T10A562' }, field: 'taxCode' },
    { name: 'an e-mail without a domain', input: { email: 'mario.rossi' }, field: 'email' },
    { name: 'an e-mail without a user', input: { email: '@example.it' }, field: 'email' },
    { name: 'a legal name of 301 characters', input: { legalName: long(301) }, field: 'legalName' },
    { name: 'an empty legal name', input: { legalName: '' }, field: 'legalName' },
    { name: 'an address of 301 characters', input: { address: long(301) }, field: 'address' },
    { name: 'a phone number in words', input: { phone: 'chiamare in sede' }, field: 'phone' },
    { name: 'a register number of 51 characters', input: { labourRegisterNumber: long(51) }, field: 'labourRegisterNumber' },
    { name: 'an unknown partner type', input: { partnerTypeId: RANDOM_ID }, code: 'NOT_FOUND', field: 'partnerTypeId' },
    { name: 'a malformed partner type id', input: { partnerTypeId: 'tipo-1' }, field: 'partnerTypeId' },
    { name: 'an unknown municipality', input: { municipalityId: RANDOM_ID }, code: 'NOT_FOUND', field: 'municipalityId' },
  ])('partner: $name', (c) => run('Partner', 'partners', partner)(c));

  const networkInput = () => ({ code: uniqueCode('R'), title: 'Rete', measureId: ref.measure('AZIONI_RETE_FASE_II'), startDate: '2021-03-01', endDate: '2022-02-28' });
  test.each<Case>([
    { name: 'a start date that does not exist (30 February)', input: { startDate: '2021-02-30' }, field: 'startDate' },
    { name: 'an end date in month 13', input: { endDate: '2021-13-01' }, field: 'endDate' },
    { name: 'a date in Italian notation', input: { startDate: '01/03/2021' }, field: 'startDate' },
    { name: 'an end date before the start date', input: { startDate: '2021-03-01', endDate: '2021-02-28' }, field: 'endDate' },
    { name: 'a code with spaces', input: { code: 'RETE 1' }, field: 'code' },
    { name: 'a title of 301 characters', input: { title: long(301) }, field: 'title' },
    { name: 'a description of 5001 characters', input: { description: long(5001) }, field: 'description' },
    { name: 'negative planned recipients', input: { plannedSuspended: -1 }, field: 'plannedSuspended' },
    { name: 'an unknown measure', input: { measureId: RANDOM_ID }, code: 'NOT_FOUND', field: 'measureId' },
    { name: 'an unknown ATECO sector', input: { atecoSectorId: RANDOM_ID }, code: 'NOT_FOUND', field: 'atecoSectorId' },
    { name: 'an unknown pact', input: { pactId: RANDOM_ID }, code: 'NOT_FOUND', field: 'pactId' },
    { name: "another tenant's pact", input: () => ({ pactId: theirs.pact }), code: 'NOT_FOUND', field: 'pactId' },
  ])('network: $name', (c) => run('Network', 'networks', networkInput)(c));

  const allocation = () => ({ networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '100.00', allocatedOn: '2021-04-01', kind: 'PROCESS' });
  test.each<Case>([
    { name: 'an amount of 0', input: { amount: '0' }, field: 'amount' },
    { name: 'an amount of 0.00', input: { amount: '0.00' }, field: 'amount' },
    { name: 'a negative amount', input: { amount: '-5.00' }, field: 'amount' },
    { name: 'an amount with 3 decimals', input: { amount: '10.005' }, field: 'amount' },
    { name: 'an amount as a float', input: { amount: 10.5 }, field: 'amount' },
    { name: 'an amount in exponent notation', input: { amount: '1e3' }, field: 'amount' },
    { name: 'an allocation date of 29 February in a common year', input: { allocatedOn: '2021-02-29' }, field: 'allocatedOn' },
    { name: 'an unknown network', input: { networkId: RANDOM_ID }, code: 'NOT_FOUND', field: 'networkId' },
    { name: "another tenant's network", input: () => ({ networkId: theirs.network }), code: 'NOT_FOUND', field: 'networkId' },
    { name: 'an unknown fund source', input: { fundSourceId: RANDOM_ID }, code: 'NOT_FOUND', field: 'fundSourceId' },
    { name: 'a malformed fund source id', input: { fundSourceId: 'AZIONI_RETE' }, field: 'fundSourceId' },
    { name: 'a note of 2001 characters', input: { note: long(2001) }, field: 'note' },
  ])('allocation: $name', (c) => run('Allocation', 'allocations', allocation)(c));

  const company = () => ({ name: 'Azienda in crisi', taxCode: orgTaxCode(), municipalityId: ref.municipality('015182'), crisisInstrument: 'CIGS' });
  test.each<Case>([
    { name: 'a tax code with a wrong check digit', input: { taxCode: '00893240151' }, field: 'taxCode' },
    { name: 'negative workers involved', input: { workersInvolved: -1 }, field: 'workersInvolved' },
    { name: 'an unknown municipality', input: { municipalityId: RANDOM_ID }, code: 'NOT_FOUND', field: 'municipalityId' },
    { name: 'a union agreement on 31 April', input: { unionAgreementOn: '2021-04-31' }, field: 'unionAgreementOn' },
  ])('crisis company: $name', (c) => run('CrisisCompany', 'crisis_companies', company)(c));

  const member = () => ({ networkId: network.id, partnerId: RANDOM_ID });
  test('network member: leaving before joining', async () => {
    const partner = await createPartner(t, tenant.editor, ref);
    await run('NetworkMember', 'network_members', member)({ name: '', input: { partnerId: partner.id, joinedOn: '2021-05-01', leftOn: '2021-04-01' }, field: 'leftOn' });
  });
  test.each<Case>([
    { name: 'an unknown partner', input: {}, code: 'NOT_FOUND', field: 'partnerId' },
    { name: "another tenant's partner", input: () => ({ partnerId: theirs.partner }), code: 'NOT_FOUND', field: 'partnerId' },
    { name: "another tenant's network", input: () => ({ networkId: theirs.network, partnerId: theirs.partner }), code: 'NOT_FOUND' },
  ])('network member: $name', (c) => run('NetworkMember', 'network_members', member)(c));

  const pact = () => ({ name: 'Patto territoriale', territory: 'Rhodense' });
  test.each<Case>([
    { name: 'an empty name', input: { name: '' }, field: 'name' },
    { name: 'a territory of 301 characters', input: { territory: long(301) }, field: 'territory' },
    { name: 'a signing date that does not exist', input: { signedOn: '2022-06-31' } },
  ])('competence pact: $name', (c) => run('CompetencePact', 'competence_pacts', pact)(c));
});

describe('reference data: a refused create stores nothing', () => {
  const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  /** Each case gets a name no other record has, so the check does not race other test files. */
  const run = (type: string, table: string, nameColumn: string, base: () => Input) => async ({ input, code = 'BAD_USER_INPUT', field }: Case) => {
    const name = `Rifiutato ${randomUUID()}`;
    const scope = { table, where: `${nameColumn} = $1`, params: [name] };
    await expectRejected(admin, mutationFor(type), { input: { ...base(), [camel(nameColumn)]: name, ...resolve(input) } }, scope, code, field);
  };
  let milanoId: string;
  beforeAll(async () => {
    [{ id: milanoId }] = await t.owner.query(`SELECT id FROM provinces WHERE istat_code = '215'`);
  });

  test.each<Case>([
    { name: 'an ISTAT code of 5 digits', input: { istatCode: '15182' }, field: 'istatCode' },
    { name: 'an ISTAT code with a letter', input: { istatCode: '01518A' }, field: 'istatCode' },
    { name: 'an unknown province', input: { provinceId: RANDOM_ID }, code: 'NOT_FOUND', field: 'provinceId' },
  ])('municipality: $name', (c) => run('Municipality', 'municipalities', 'name', () => ({ istatCode: '899999', provinceId: milanoId }))(c));

  test.each<Case>([
    { name: 'an ISTAT code of 4 digits', input: { istatCode: '1234' }, field: 'istatCode' },
    { name: 'a historic ISTAT code of 2 digits', input: { historicIstatCode: '15' }, field: 'historicIstatCode' },
    { name: 'a plate in lower case', input: { plate: 'mi' }, field: 'plate' },
    { name: 'a plate that is taken (MI)', input: { plate: 'MI' }, code: 'CONFLICT', field: 'plate' },
  ])('province: $name', (c) => run('Province', 'provinces', 'name', () => ({ istatCode: '899', plate: 'ZZ', kind: 'PROVINCE' }))(c));

  test.each<Case>([
    { name: 'an ISTAT code of 4 digits', input: { istatCode: '1234' }, field: 'istatCode' },
    { name: 'an ISTAT code in letters', input: { istatCode: 'ABC' }, field: 'istatCode' },
    { name: 'a code in lower case', input: { code: 'rhodense' }, field: 'code' },
  ])('tenant: $name', (c) => run('Tenant', 'tenants', 'name', () => ({ code: uniqueCode('V'), kind: 'AMBITO' }))(c));

  test.each<Case>([
    { name: 'a three-digit code', input: { code: '251' }, field: 'code' },
    { name: 'a section letter after U', input: { code: 'Z' }, field: 'code' },
    { name: 'a class with three digits', input: { code: '25.111' }, field: 'code' },
    { name: 'a section that is not a letter A–U', input: { section: 'Z' }, field: 'section' },
    { name: 'an edition other than 2007 or 2025', input: { atecoVersion: '2010' }, field: 'atecoVersion' },
  ])('ATECO sector: $name', (c) => run('AtecoSector', 'ateco_sectors', 'title', () => ({ code: '99.9', atecoVersion: '2025', level: 'GROUP', section: 'U' }))(c));

  test.each<Case>([
    { name: 'an e-mail without @', input: { email: 'nessuno' }, field: 'email' },
    { name: 'an editor without a tenant', input: { role: 'EDITOR' }, field: 'tenantId' },
    { name: 'an unknown tenant', input: { role: 'EDITOR', tenantId: RANDOM_ID }, code: 'NOT_FOUND', field: 'tenantId' },
  ])('user: $name', (c) => run('User', 'users', 'display_name', () => ({ email: `${randomUUID()}@example.it`, role: 'ANALYST' }))(c));

  test.each<Case>([
    { name: 'a budget of 0', input: { budget: '0' }, field: 'budget' },
    { name: 'a budget with 3 decimals', input: { budget: '1000.001' } },
    { name: 'an availability that ends before it starts', input: { availableFrom: '2023-01-01', availableTo: '2022-12-31' }, field: 'availableTo' },
  ])('fund source: $name', (c) => run('FundSource', 'fund_sources', 'name', () => ({ code: uniqueCode('V'), budget: '1000.00' }))(c));

  test.each<Case>([
    { name: 'a window that closes before it opens', input: { openFrom: '2021-02-19', openTo: '2021-01-31' }, field: 'openTo' },
    { name: 'at most fewer recipients than at least', input: { minRecipients: 50, maxRecipients: 10 }, field: 'maxRecipients' },
    { name: 'the same rule twice', input: { rules: ['ONE_LEAD', 'ONE_LEAD'] }, field: 'rules' },
    { name: 'a lead partner type code in lower case', input: { leadPartnerTypeCodes: ['cpi'] }, field: 'leadPartnerTypeCodes' },
    { name: 'a per-recipient cap of 0', input: { processCapPerRecipient: '0' }, field: 'processCapPerRecipient' },
    { name: 'a duration of 0 months', input: { maxDurationMonths: 0 }, field: 'maxDurationMonths' },
  ])('measure: $name', (c) => run('Measure', 'measures', 'name', () => ({ code: uniqueCode('V') }))(c));

  test('partner type: a one-letter code', async () => {
    await run('PartnerType', 'partner_types', 'name', () => ({}))({ name: '', input: { code: 'A' }, field: 'code' });
  });

  test.each<Case>([
    { name: 'phase 3', input: { phase: 3 }, field: 'phase' },
    { name: 'a voucher worth 0', input: { voucherValue: '0' }, field: 'voucherValue' },
    { name: 'an unknown measure', input: { measureId: RANDOM_ID }, code: 'NOT_FOUND', field: 'measureId' },
  ])('service type: $name', (c) =>
    run('ServiceType', 'service_types', 'name', () => ({ measureId: ref.measure('AZIONI_RETE_FASE_II'), code: uniqueCode('V'), phase: 1, category: 'ACCESS', payment: 'PROCESS' }))(c),
  );

  test('funding tier: at most fewer recipients than at least', async () => {
    const measureId = ref.measure('AZIONI_RETE_FASE_II');
    const scope = { table: 'funding_tiers', where: 'measure_id = $1', params: [measureId] };
    const input = { measureId, minRecipients: 200, maxRecipients: 150, maxContribution: '1000.00' };
    await expectRejected(admin, mutationFor('FundingTier'), { input }, scope, 'BAD_USER_INPUT', 'maxRecipients');
  });
});

describe('tax codes', () => {
  const CREATE = `mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id taxCode } }`;
  const create = (principal: Principal, taxCode: string) => t.gql(principal, CREATE, { input: { legalName: 'Soggetto', taxCode, partnerTypeId: ref.partnerType('LOCAL_AUTHORITY') } });

  test.each([
    ['Città metropolitana di Milano', '08911820960', '08911820960'],
    ['Comune di Rho', '00893240150', '00893240150'],
    ['a person', 'RSSMRA85T10A562S', 'RSSMRA85T10A562S'],
    ['a person with omocodia', 'RSSMRAURTMLARSNL', 'RSSMRAURTMLARSNL'],
    ['a person, typed in lower case with spaces', 'rssmra 85t10 a562s', 'RSSMRA85T10A562S'],
  ])('the valid code of %s is accepted and stored as printed', async (_who, typed, stored) => {
    const { editor } = await newTenant(t);
    const result = await create(editor, typed);
    expect(result.errors).toBeUndefined();
    expect(result.data!.createPartner.taxCode).toBe(stored);
  });

  test('a tax code may appear once per tenant: a duplicate is CONFLICT, another tenant may use it', async () => {
    const [first, second] = await Promise.all([newTenant(t), newTenant(t)]);
    expect((await create(first.editor, '08911820960')).errors).toBeUndefined();
    const scope = { table: 'partners', where: 'tenant_id = $1', params: [first.id] };
    await expectRejected(first.editor, CREATE, { input: { legalName: 'Doppione', taxCode: '08911820960', partnerTypeId: ref.partnerType('CPI') } }, scope, 'CONFLICT', 'taxCode');
    // The same code typed differently is still the same code.
    await expectRejected(first.editor, CREATE, { input: { legalName: 'Doppione', taxCode: ' 0891182 0960 ', partnerTypeId: ref.partnerType('CPI') } }, scope, 'CONFLICT', 'taxCode');
    expect((await create(second.editor, '08911820960')).errors).toBeUndefined();
  });

  test('a crisis company tax code may appear once per tenant', async () => {
    const company = await createCrisisCompany(t, tenant.editor, ref);
    const [{ tax_code: taxCode }] = await t.owner.query(`SELECT tax_code FROM crisis_companies WHERE id = $1`, [company.id]);
    const input = { name: 'Doppione', taxCode, municipalityId: ref.municipality('015182'), crisisInstrument: 'CIGS' };
    await expectRejected(tenant.editor, mutationFor('CrisisCompany'), { input }, { table: 'crisis_companies', where: 'tenant_id = $1', params: [tenant.id] }, 'CONFLICT', 'taxCode');
  });
});

describe('uniqueness', () => {
  test('a network has one LEAD: a second is CONFLICT, and so is the same partner twice', async () => {
    const net = await createNetwork(t, tenant.editor, ref);
    const [lead, partner] = [await createPartner(t, tenant.editor, ref), await createPartner(t, tenant.editor, ref)];
    await addMember(t, tenant.editor, net.id, lead.id, 'LEAD');
    const scope = { table: 'network_members', where: 'tenant_id = $1 AND network_id = $2', params: [tenant.id, net.id] };
    const add = (partnerId: string, role: string) => ({ input: { networkId: net.id, partnerId, role } });
    await expectRejected(tenant.editor, mutationFor('NetworkMember'), add(partner.id, 'LEAD'), scope, 'CONFLICT', 'role');
    await expectRejected(tenant.editor, mutationFor('NetworkMember'), add(lead.id, 'PARTNER'), scope, 'CONFLICT', 'partnerId');
    // Promoting a partner to a second LEAD hits the same index.
    const member = await addMember(t, tenant.editor, net.id, partner.id, 'PARTNER');
    const promote = `mutation($id: ID!, $version: Int!) { updateNetworkMember(id: $id, version: $version, input: { role: LEAD }) { id } }`;
    expectError(await t.gql(tenant.editor, promote, { id: member.id, version: member.version }), 'CONFLICT', 'role');
    const [row] = await t.owner.query(`SELECT role, version FROM network_members WHERE id = $1`, [member.id]);
    expect(row).toEqual({ role: 'PARTNER', version: 1 });
  });

  test('a network code is unique within a tenant only', async () => {
    const code = uniqueCode('RETE');
    await createNetwork(t, tenant.editor, ref, { code });
    const input = { code, title: 'Doppione', measureId: ref.measure('AZIONI_RETE_FASE_II'), startDate: '2021-03-01', endDate: '2021-12-31' };
    await expectRejected(tenant.editor, mutationFor('Network'), { input }, { table: 'networks', where: 'tenant_id = $1', params: [tenant.id] }, 'CONFLICT', 'code');
    expect((await t.gql(other.editor, mutationFor('Network'), { input })).errors).toBeUndefined();
  });

  test('reference codes and e-mail addresses are unique', async () => {
    const code = uniqueCode('DUP');
    await must(t, admin, mutationFor('Tenant'), { input: { code, name: 'Ente', kind: 'AMBITO' } });
    await expectRejected(admin, mutationFor('Tenant'), { input: { code, name: 'Doppione', kind: 'AMBITO' } }, { table: 'tenants', where: 'code = $1', params: [code] }, 'CONFLICT', 'code');
    const email = `${randomUUID()}@example.it`;
    await must(t, admin, mutationFor('User'), { input: { email, displayName: 'Prima', role: 'ANALYST' } });
    // Addresses are compared in lower case.
    const duplicate = { input: { email: email.toUpperCase(), displayName: 'Seconda', role: 'ANALYST' } };
    await expectRejected(admin, mutationFor('User'), duplicate, { table: 'users', where: 'email = $1', params: [email] }, 'CONFLICT', 'email');
  });
});

describe('ids', () => {
  const READ = `query($id: ID!) { partner(id: $id) { id } }`;
  const UPDATE = `mutation($id: ID!, $version: Int!) { updatePartner(id: $id, version: $version, input: { legalName: "Cambiato" }) { id } }`;
  const DELETE = `mutation($id: ID!, $version: Int!) { deletePartner(id: $id, version: $version) { id } }`;

  test.each([
    ['read', READ],
    ['update', UPDATE],
    ['delete', DELETE],
  ])('a malformed id is BAD_USER_INPUT on %s', async (_op, query) => {
    expectError(await t.gql(tenant.editor, query, { id: 'partner-1', version: 1 }), 'BAD_USER_INPUT', 'id');
  });

  test('malformed ids in filters are BAD_USER_INPUT naming the filter field', async () => {
    expectError(await t.gql(tenant.editor, `{ partners(filter: { ids: ["partner-1"] }) { total } }`), 'BAD_USER_INPUT', 'ids');
    expectError(await t.gql(tenant.editor, `{ networks(filter: { partnerId: "partner-1" }) { total } }`), 'BAD_USER_INPUT', 'partnerId');
  });

  test("unknown ids and other tenants' ids are NOT_FOUND on read, update and delete, and nothing changes", async () => {
    const partner = await createPartner(t, other.editor, ref);
    for (const id of [RANDOM_ID, partner.id]) {
      for (const query of [READ, UPDATE, DELETE]) expectError(await t.gql(tenant.editor, query, { id, version: 1 }), 'NOT_FOUND');
    }
    const [row] = await t.owner.query(`SELECT legal_name, version FROM partners WHERE id = $1`, [partner.id]);
    expect(row).toEqual({ legal_name: partner.legalName, version: 1 });
  });
});

describe('a refused update or delete leaves the record as it was', () => {
  async function partnerRow(id: string) {
    const [row] = await t.owner.query(`SELECT tax_code, legal_name, version, updated_at FROM partners WHERE id = $1`, [id]);
    return row;
  }
  const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdatePartnerInput!) { updatePartner(id: $id, version: $version, input: $input) { id } }`;

  test.each<Case>([
    { name: 'a tax code with a wrong check digit', input: { taxCode: '08911820961' }, field: 'taxCode' },
    { name: 'an empty legal name', input: { legalName: '' }, field: 'legalName' },
    { name: 'a bad e-mail', input: { email: 'posta' }, field: 'email' },
    { name: 'an unknown partner type', input: { partnerTypeId: RANDOM_ID }, code: 'NOT_FOUND', field: 'partnerTypeId' },
  ])('partner: $name', async ({ input, code = 'BAD_USER_INPUT', field }) => {
    const partner = await createPartner(t, tenant.editor, ref);
    const before = await partnerRow(partner.id);
    expectError(await t.gql(tenant.editor, UPDATE, { id: partner.id, version: 1, input }), code, field);
    expect(await partnerRow(partner.id)).toEqual(before);
  });

  test("partner: another partner's tax code is CONFLICT", async () => {
    const [a, b] = [await createPartner(t, tenant.editor, ref), await createPartner(t, tenant.editor, ref)];
    const before = await partnerRow(b.id);
    expectError(await t.gql(tenant.editor, UPDATE, { id: b.id, version: 1, input: { taxCode: a.taxCode } }), 'CONFLICT', 'taxCode');
    expect(await partnerRow(b.id)).toEqual(before);
  });

  test('network: an end date before the stored start date', async () => {
    const net = await createNetwork(t, tenant.editor, ref);
    const query = `mutation($id: ID!, $version: Int!) { updateNetwork(id: $id, version: $version, input: { endDate: "2021-01-31" }) { id } }`;
    expectError(await t.gql(tenant.editor, query, { id: net.id, version: net.version }), 'BAD_USER_INPUT', 'endDate');
    const [row] = await t.owner.query(`SELECT start_date::text, end_date::text, version FROM networks WHERE id = $1`, [net.id]);
    expect(row).toEqual({ start_date: '2021-03-01', end_date: '2022-02-28', version: 1 });
  });

  test('allocation: an amount of 0', async () => {
    const allocation = await must(t, tenant.editor, mutationFor('Allocation').replace('{ id }', '{ id version }'), {
      input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '50.00', allocatedOn: '2021-04-01', kind: 'PROCESS' },
    });
    const query = `mutation($id: ID!, $version: Int!) { updateAllocation(id: $id, version: $version, input: { amount: "0.00" }) { id } }`;
    expectError(await t.gql(tenant.editor, query, { id: allocation.id, version: allocation.version }), 'BAD_USER_INPUT', 'amount');
    const [row] = await t.owner.query(`SELECT amount::text, version FROM allocations WHERE id = $1`, [allocation.id]);
    expect(row).toEqual({ amount: '50.00', version: 1 });
  });

  test('measure: raising minRecipients above the stored maxRecipients', async () => {
    const measure = await must(t, admin, mutationFor('Measure').replace('{ id }', '{ id version }'), { input: { code: uniqueCode('V'), name: 'Misura', minRecipients: 10, maxRecipients: 20 } });
    const query = `mutation($id: ID!, $version: Int!) { updateMeasure(id: $id, version: $version, input: { minRecipients: 30 }) { id } }`;
    expectError(await t.gql(admin, query, { id: measure.id, version: measure.version }), 'BAD_USER_INPUT', 'maxRecipients');
    const [row] = await t.owner.query(`SELECT min_recipients, max_recipients, version FROM measures WHERE id = $1`, [measure.id]);
    expect(row).toEqual({ min_recipients: 10, max_recipients: 20, version: 1 });
    await t.owner.query(`DELETE FROM measures WHERE id = $1`, [measure.id]);
  });

  test('partner: deleting one that is still a network member is CONFLICT', async () => {
    const partner = await createPartner(t, tenant.editor, ref);
    await addMember(t, tenant.editor, network.id, partner.id);
    expectError(await t.gql(tenant.editor, `mutation($id: ID!) { deletePartner(id: $id, version: 1) { id } }`, { id: partner.id }), 'CONFLICT');
    expect(await countRows(t, 'partners', 'id = $1', [partner.id])).toBe(1);
  });
});

describe('text with a NUL character', () => {
  test('is BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const scope = { table: 'partners', where: 'tenant_id = $1', params: [tenant.id] };
    const before = await snapshot(scope, tenant.id);
    const result = await t.gql(tenant.editor, mutationFor('Partner'), {
      input: { legalName: 'Soggetto\u0000nascosto', taxCode: orgTaxCode(), partnerTypeId: ref.partnerType('CPI') },
    });
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'legalName' });
    expect(await snapshot(scope, tenant.id)).toEqual(before);
  });
});
