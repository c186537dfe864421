import { randomUUID } from 'node:crypto';
import { Principal } from '../../server/src/common/request';
import { personCheckCharacter } from '../../server/src/common/tax-code';
import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import {
  addMember,
  countRows,
  createCrisisCompany,
  createNetwork,
  createPartner,
  expectError,
  must,
  orgTaxCode,
  ReferenceIds,
  referenceIds,
  uniqueCode,
} from '../helpers/factories';
import { draftProposal, editorUser, passDeadline, publishedCall, SUBMIT } from '../helpers/codesign';

type Row = Record<string, any>;
type Input = Record<string, unknown>;
type Tenant = Awaited<ReturnType<typeof newTenant>>;

let t: TestApp;
let f: Fixture;

interface Fixture {
  tenant: Tenant;
  /** A second tenant, to check that the first one's records stay invisible to it. */
  other: Tenant;
  ref: ReferenceIds;
  /** Two fresh measures, so funding tiers and service types never touch the loaded ones. */
  measures: [string, string];
  provinces: { milano: string; varese: string };
  atecoManufacturing: string;
  /** A lower-case word unique to this run, for names and search. */
  token: string;
}

interface FilterCase {
  filter: Input;
  /** Indexes of the three listed records the filter must return, in ascending sort order. */
  expect: number[];
}

/** One resource of the schema and the data to exercise its create, read, list, update and delete. */
interface Spec {
  name: string;
  plural: string;
  table: string;
  /** Scalar fields to select besides id, version, createdAt and updatedAt. */
  fields: string;
  writer: 'admin' | 'editor';
  /** The editor who writes the records, when not the fixture's tenant (co-design: an ambito, a body, an evaluator); read after inputs(). */
  as?(): Principal;
  /** Four create inputs: the first three ascend on sortField and are listed; the fourth is deleted. */
  inputs(): Promise<Input[]>;
  /** What the API returns for an input, where it normalises values or fills in defaults. */
  expected?(input: Input, index: number): Input;
  /** Changes behind the API's back, after the records exist (e.g. a status the API cannot set yet). */
  arrange?(records: Row[]): Promise<void>;
  sortField: string;
  search(records: Row[]): { q: string; expect: number[] };
  filters?(records: Row[]): Promise<FilterCase[]>;
  /** Must not touch sortField. */
  update(records: Row[]): Promise<Input> | Input;
}

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);
const BASE_FIELDS = 'id version createdAt updatedAt';

function operations(spec: Spec) {
  const type = pascal(spec.name);
  const fields = `${BASE_FIELDS} ${spec.fields}`;
  return {
    create: `mutation($input: Create${type}Input!) { create${type}(input: $input) { ${fields} } }`,
    read: `query($id: ID!) { ${spec.name}(id: $id) { ${fields} } }`,
    list: `query($filter: ${type}Filter, $sort: [${type}Sort!], $page: Int! = 1, $perPage: Int! = 25) {
      ${spec.plural}(filter: $filter, sort: $sort, page: $page, perPage: $perPage) { total items { ${fields} } }
    }`,
    update: `mutation($id: ID!, $version: Int!, $input: Update${type}Input!) {
      update${type}(id: $id, version: $version, input: $input) { ${fields} }
    }`,
    remove: `mutation($id: ID!, $version: Int!) { delete${type}(id: $id, version: $version) { ${fields} } }`,
  };
}

function without(row: Row, keys: string[]): Row {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !keys.includes(key)));
}

function pick<T>(items: T[], indexes: number[]): T[] {
  return indexes.map((i) => items[i]);
}

function randomInt(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** `count` values from `candidates` that the database does not hold yet, in ascending order. */
async function unused(sql: string, count: number, candidate: () => string): Promise<string[]> {
  const taken = new Set<string>((await t.owner.query(sql)).map((row: { v: string }) => row.v));
  const picked = new Set<string>();
  while (picked.size < count) {
    const value = candidate();
    if (!taken.has(value)) picked.add(value);
  }
  return [...picked].sort();
}

/** Reference records this file creates, removed at the end so other files see only the loaded data. */
const createdReference = new Map<string, string[]>();
const CLEANUP_ORDER = ['ambito_municipalities', 'target_groups', 'users', 'service_types', 'funding_tiers', 'measures', 'municipalities', 'provinces', 'ateco_sectors', 'partner_types', 'fund_sources', 'tenants'];

function track(table: string, id: string): void {
  createdReference.set(table, [...(createdReference.get(table) ?? []), id]);
}

async function createAs(principal: Principal, mutation: string, input: Input, table: string): Promise<Row> {
  const record = await must<Row>(t, principal, mutation, { input });
  if (principal === admin) track(table, record.id);
  return record;
}

const CREATE_MEASURE = `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`;
const CREATE_PACT = `mutation($input: CreateCompetencePactInput!) { createCompetencePact(input: $input) { id } }`;

beforeAll(async () => {
  t = await startTestApp();
  const [tenant, other, ref] = await Promise.all([newTenant(t), newTenant(t), referenceIds(t)]);
  const measures = [];
  for (const suffix of ['A', 'B']) {
    measures.push((await createAs(admin, CREATE_MEASURE, { code: uniqueCode(`CRUD_${suffix}`), name: 'Misura di prova' }, 'measures')).id as string);
  }
  const [provinces, ateco] = await Promise.all([
    t.owner.query(`SELECT istat_code, id FROM provinces WHERE istat_code IN ('215', '012')`),
    t.owner.query(`SELECT id FROM ateco_sectors WHERE ateco_version = '2007' AND code = 'C'`),
  ]);
  const province = (code: string) => provinces.find((p: { istat_code: string }) => p.istat_code === code).id as string;
  f = {
    tenant,
    other,
    ref,
    measures: [measures[0], measures[1]],
    provinces: { milano: province('215'), varese: province('012') },
    atecoManufacturing: ateco[0].id,
    token: randomUUID().replace(/[^a-f]/g, '').slice(0, 6).padEnd(6, 'x') + 'q',
  };
});

afterAll(async () => {
  for (const table of CLEANUP_ORDER) {
    const ids = createdReference.get(table);
    if (ids?.length) await t.owner.query(`DELETE FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  }
  await t.close();
});

/** The co-design resources' own tenants and records: an ambito, a third-sector body, an evaluator of the ambito. */
const codesign = {} as { ambito: Tenant; body: Tenant; evaluator: Principal };
async function codesignTenants(): Promise<void> {
  codesign.ambito ??= await newTenant(t, 'AMBITO');
  codesign.body ??= await newTenant(t, 'THIRD_SECTOR_BODY');
}

const specs: Spec[] = [
  {
    name: 'tenant',
    plural: 'tenants',
    table: 'tenants',
    fields: 'code name kind istatCode',
    writer: 'admin',
    async inputs() {
      const code = uniqueCode('CT');
      return [
        { code: `${code}_A`, name: `Ente ${f.token} alfa`, kind: 'PROVINCE', istatCode: '012' },
        { code: `${code}_B`, name: `Ente ${f.token} bravo`, kind: 'AMBITO', istatCode: '015182' },
        { code: `${code}_C`, name: `Ente ${f.token} charlie`, kind: 'REGION' },
        { code: `${code}_D`, name: `Ente ${f.token} delta`, kind: 'METROPOLITAN_CITY', istatCode: '215' },
      ];
    },
    sortField: 'code',
    // Lower case and an underscore: the search ignores case and treats _ literally.
    search: (records) => ({ q: (records[1].code as string).toLowerCase(), expect: [1] }),
    filters: async () => [{ filter: { kind: 'AMBITO' }, expect: [1] }],
    update: () => ({ name: 'Ente rinominato' }),
  },
  {
    name: 'user',
    plural: 'users',
    table: 'users',
    fields: 'email displayName role tenantId active',
    writer: 'admin',
    async inputs() {
      return [
        { email: `${f.token}.alfa@example.it`, displayName: 'Alfa', role: 'ADMIN' },
        { email: `${f.token.toUpperCase()}.Bravo@Example.IT`, displayName: 'Bravo', role: 'EDITOR', tenantId: f.tenant.id },
        { email: `${f.token}.charlie@example.it`, displayName: 'Charlie', role: 'ANALYST', active: false },
        { email: `${f.token}.delta@example.it`, displayName: 'Delta', role: 'ANALYST' },
      ];
    },
    // E-mail addresses are stored in lower case; users are active unless told otherwise.
    expected: (input) => ({ active: true, ...input, email: (input.email as string).toLowerCase() }),
    sortField: 'email',
    search: () => ({ q: `${f.token}.bravo`, expect: [1] }),
    filters: async () => [
      { filter: { role: 'EDITOR' }, expect: [1] },
      { filter: { tenantId: f.tenant.id }, expect: [1] },
      { filter: { active: false }, expect: [2] },
    ],
    update: () => ({ displayName: 'Alfa Rinominato' }),
  },
  {
    name: 'partnerType',
    plural: 'partnerTypes',
    table: 'partner_types',
    fields: 'code name',
    writer: 'admin',
    async inputs() {
      const code = uniqueCode('PT');
      return ['A', 'B', 'C', 'D'].map((suffix) => ({ code: `${code}_${suffix}`, name: `Tipologia ${f.token} ${suffix}` }));
    },
    sortField: 'code',
    search: (records) => ({ q: records[2].code, expect: [2] }),
    update: () => ({ name: 'Tipologia rinominata' }),
  },
  {
    name: 'province',
    plural: 'provinces',
    table: 'provinces',
    fields: 'istatCode historicIstatCode name plate kind',
    writer: 'admin',
    async inputs() {
      const codes = await unused(`SELECT istat_code AS v FROM provinces`, 4, () => String(randomInt(900, 999)));
      // Plates from AA to YZ: validation.test.ts relies on ZZ being free.
      const letter = (last: number) => String.fromCharCode(randomInt(65, last));
      const plates = await unused(`SELECT plate AS v FROM provinces`, 4, () => letter(89) + letter(90));
      return codes.map((istatCode, i) => ({
        istatCode,
        name: `Provincia ${f.token} ${['alfa', 'bravo', 'charlie', 'delta'][i]}`,
        plate: plates[i],
        kind: i === 1 ? 'METROPOLITAN_CITY' : 'PROVINCE',
        ...(i === 1 ? { historicIstatCode: '015' } : {}),
      }));
    },
    sortField: 'istatCode',
    search: () => ({ q: `${f.token} BRAVO`, expect: [1] }),
    filters: async () => [{ filter: { kind: 'METROPOLITAN_CITY' }, expect: [1] }],
    update: () => ({ name: 'Provincia rinominata', historicIstatCode: '099' }),
  },
  {
    name: 'municipality',
    plural: 'municipalities',
    table: 'municipalities',
    fields: 'istatCode name provinceId',
    writer: 'admin',
    async inputs() {
      const codes = await unused(`SELECT istat_code AS v FROM municipalities`, 4, () => String(randomInt(900000, 999999)));
      return codes.map((istatCode, i) => ({
        istatCode,
        name: `Comune ${f.token} ${['alfa', 'bravo', 'charlie', 'delta'][i]}`,
        provinceId: i === 2 ? f.provinces.varese : f.provinces.milano,
      }));
    },
    sortField: 'istatCode',
    search: () => ({ q: `${f.token} charlie`, expect: [2] }),
    filters: async () => [{ filter: { provinceId: f.provinces.varese }, expect: [2] }],
    update: () => ({ name: 'Comune rinominato' }),
  },
  {
    name: 'atecoSector',
    plural: 'atecoSectors',
    table: 'ateco_sectors',
    fields: 'code atecoVersion level section title',
    writer: 'admin',
    async inputs() {
      // Four codes under one random group of the 2025 edition, which the loaded data does not use.
      const [group] = await unused(`SELECT substring(code from '^[0-9]{2}\\.[0-9]') AS v FROM ateco_sectors WHERE ateco_version = '2025'`, 1, () => `${randomInt(10, 99)}.${randomInt(1, 9)}`);
      return [1, 2, 3, 4].map((n) => ({
        code: `${group}.${n}`,
        atecoVersion: '2025',
        level: n === 2 ? 'GROUP' : 'CATEGORY',
        section: n === 3 ? 'F' : 'C',
        title: `Attività ${f.token} ${n}`,
      }));
    },
    sortField: 'code',
    search: () => ({ q: `${f.token} 2`, expect: [1] }),
    filters: async () => [
      { filter: { level: 'GROUP', atecoVersion: '2025' }, expect: [1] },
      { filter: { section: 'F' }, expect: [2] },
      { filter: { atecoVersion: '2007' }, expect: [] },
    ],
    update: () => ({ title: 'Attività rinominata' }),
  },
  {
    name: 'measure',
    plural: 'measures',
    table: 'measures',
    fields: `code name legalAct openFrom openTo rules minPartners leadPartnerTypeCodes requiredPartnerTypeCodes maxCompanies
      minRecipients maxRecipients maxDurationMonths processCapPerRecipient placementCapPerRecipient selfEmploymentCapPerRecipient`,
    writer: 'admin',
    async inputs() {
      const code = uniqueCode('M');
      return [
        {
          code: `${code}_A`,
          name: `Misura ${f.token} alfa`,
          legalAct: 'Decreto di prova',
          openFrom: '2024-01-01',
          openTo: '2024-12-31',
          rules: ['ONE_LEAD', 'MIN_PARTNERS'],
          minPartners: 3,
          leadPartnerTypeCodes: ['LABOUR_OPERATOR'],
          requiredPartnerTypeCodes: ['PROVINCE', 'CPI'],
          maxCompanies: 3,
          minRecipients: 10,
          maxRecipients: 100,
          maxDurationMonths: 12,
          processCapPerRecipient: '2000.00',
          placementCapPerRecipient: '1835.00',
          selfEmploymentCapPerRecipient: '3860.00',
        },
        { code: `${code}_B`, name: `Misura ${f.token} bravo`, rules: ['DURATION'], maxDurationMonths: 6 },
        { code: `${code}_C`, name: `Misura ${f.token} charlie` },
        { code: `${code}_D`, name: `Misura ${f.token} delta` },
      ];
    },
    // Lists default to empty.
    expected: (input) => ({ rules: [], leadPartnerTypeCodes: [], requiredPartnerTypeCodes: [], ...input }),
    sortField: 'code',
    search: () => ({ q: `${f.token} bravo`, expect: [1] }),
    filters: async () => [{ filter: { rule: 'DURATION' }, expect: [1] }],
    // Administrators change a measure's rule parameters, lists included.
    update: () => ({ name: 'Misura rinominata', rules: ['ONE_LEAD', 'TIER_CAP'], leadPartnerTypeCodes: ['CPI', 'LABOUR_OPERATOR'], processCapPerRecipient: '2100.50' }),
  },
  {
    name: 'fundingTier',
    plural: 'fundingTiers',
    table: 'funding_tiers',
    fields: 'measureId minRecipients maxRecipients maxContribution',
    writer: 'admin',
    async inputs() {
      const [m1, m2] = f.measures;
      return [
        { measureId: m1, minRecipients: 10, maxRecipients: 20, maxContribution: '70000.00' },
        { measureId: m1, minRecipients: 21, maxRecipients: 30, maxContribution: '110000.00' },
        { measureId: m2, minRecipients: 31, maxRecipients: 50, maxContribution: '180000.00' },
        { measureId: m1, minRecipients: 51, maxRecipients: 100, maxContribution: '250000.00' },
      ];
    },
    sortField: 'minRecipients',
    search: () => ({ q: '110000', expect: [1] }),
    filters: async () => [{ filter: { measureId: f.measures[1] }, expect: [2] }],
    update: () => ({ maxContribution: '75000.50', maxRecipients: 19 }),
  },
  {
    name: 'measureCompatibility',
    plural: 'measureCompatibilities',
    table: 'measure_compatibilities',
    fields: 'measureId compatibleMeasureId',
    writer: 'admin',
    async inputs() {
      const [m1, m2] = f.measures;
      const more: string[] = [];
      for (const suffix of ['C', 'D', 'E']) more.push((await createAs(admin, CREATE_MEASURE, { code: uniqueCode(`CRUD_${suffix}`), name: 'Misura di prova' }, 'measures')).id as string);
      return [
        { measureId: m1, compatibleMeasureId: m2 },
        { measureId: more[0], compatibleMeasureId: m1 },
        { measureId: more[1], compatibleMeasureId: more[2] },
        { measureId: m2, compatibleMeasureId: more[0] },
      ];
    },
    sortField: 'createdAt',
    // Pairs carry no names or codes for the search to match.
    search: () => ({ q: 'misura', expect: [] }),
    filters: async () => [{ filter: { measureId: f.measures[0] }, expect: [0, 1] }],
    // The first pair is (measures[0], measures[1]): a measure it is not yet paired with, so the update changes something.
    update: (records) => ({ compatibleMeasureId: records[2].compatibleMeasureId }),
  },
  {
    name: 'serviceType',
    plural: 'serviceTypes',
    table: 'service_types',
    fields: 'measureId code name phase category payment maxHours minHours voucherValue',
    writer: 'admin',
    async inputs() {
      const code = uniqueCode('ST');
      const [m1, m2] = f.measures;
      return [
        { measureId: m1, code: `${code}_A`, name: `Servizio ${f.token} alfa`, phase: 1, category: 'ACCESS', payment: 'PROCESS', maxHours: 1 },
        { measureId: m2, code: `${code}_B`, name: `Servizio ${f.token} bravo`, phase: 1, category: 'VOUCHER_TRAINING', payment: 'VOUCHER', minHours: 40, voucherValue: '2000.00' },
        { measureId: m1, code: `${code}_C`, name: `Servizio ${f.token} charlie`, phase: 2, category: 'INTENSIVE_ASSISTANCE', payment: 'RESULT' },
        { measureId: m1, code: `${code}_D`, name: `Servizio ${f.token} delta`, phase: 1, category: 'GUIDANCE_TRAINING', payment: 'PROCESS', maxHours: 6 },
      ];
    },
    sortField: 'code',
    search: () => ({ q: `${f.token} charlie`, expect: [2] }),
    filters: async () => [
      { filter: { phase: 2 }, expect: [2] },
      { filter: { measureId: f.measures[1] }, expect: [1] },
      { filter: { category: 'ACCESS' }, expect: [0] },
    ],
    update: () => ({ name: 'Servizio rinominato', maxHours: 2 }),
  },
  {
    name: 'fundSource',
    plural: 'fundSources',
    table: 'fund_sources',
    fields: 'code name programme budget availableFrom availableTo',
    writer: 'admin',
    async inputs() {
      const code = uniqueCode('FS');
      return [
        { code: `${code}_A`, name: `Fonte ${f.token} alfa`, budget: '900.00' },
        { code: `${code}_B`, name: `Fonte ${f.token} bravo`, budget: '10000.00', programme: 'Programma di prova', availableFrom: '2022-01-01', availableTo: '2023-12-31' },
        { code: `${code}_C`, name: `Fonte ${f.token} charlie`, budget: '250000.50' },
        { code: `${code}_D`, name: `Fonte ${f.token} delta`, budget: '1.00' },
      ];
    },
    // Amounts sort as numbers: "900.00" comes before "10000.00".
    sortField: 'budget',
    search: (records) => ({ q: records[2].code, expect: [2] }),
    update: () => ({ programme: 'Programma rivisto', availableTo: '2031-12-31' }),
  },
  {
    name: 'partner',
    plural: 'partners',
    table: 'partners',
    fields: `tenantId legalName taxCode partnerTypeId labourAccredited labourRegisterNumber trainingAccredited trainingRegisterNumber
      municipalityId address email phone`,
    writer: 'editor',
    async inputs() {
      const { ref } = f;
      return [
        { legalName: `Alfa ${f.token} Srl`, taxCode: orgTaxCode(), partnerTypeId: ref.partnerType('LABOUR_OPERATOR'), labourAccredited: true, labourRegisterNumber: '0123', email: 'info@alfa.example.it' },
        { legalName: `Bravo ${f.token} CPI`, taxCode: orgTaxCode(), partnerTypeId: ref.partnerType('CPI') },
        { legalName: `Charlie ${f.token} Formazione`, taxCode: orgTaxCode(), partnerTypeId: ref.partnerType('TRAINING_OPERATOR'), trainingAccredited: true, municipalityId: ref.municipality('015182'), address: 'Via Roma 1, Rho' },
        { legalName: `Delta ${f.token} Spa`, taxCode: orgTaxCode(), partnerTypeId: ref.partnerType('COMPANY') },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, labourAccredited: false, trainingAccredited: false, ...input }),
    sortField: 'legalName',
    search: (records) => ({ q: records[1].taxCode, expect: [1] }),
    async filters(records) {
      const network = await createNetwork(t, f.tenant.editor, f.ref);
      await addMember(t, f.tenant.editor, network.id, records[1].id);
      return [
        { filter: { partnerTypeIds: [f.ref.partnerType('CPI'), f.ref.partnerType('TRAINING_OPERATOR')] }, expect: [1, 2] },
        { filter: { taxCode: records[2].taxCode }, expect: [2] },
        { filter: { labourAccredited: true }, expect: [0] },
        { filter: { trainingAccredited: true }, expect: [2] },
        { filter: { municipalityId: f.ref.municipality('015182') }, expect: [2] },
        { filter: { networkId: network.id }, expect: [1] },
      ];
    },
    update: () => ({ phone: '+39 02 1234567', trainingAccredited: true }),
  },
  {
    name: 'network',
    plural: 'networks',
    table: 'networks',
    fields: `tenantId code title measureId status startDate endDate plannedSuspended plannedUnemployed plannedRecipients
      supplyChain atecoSectorId pactId description`,
    writer: 'editor',
    async inputs() {
      const { ref } = f;
      const pact = await must<Row>(t, f.tenant.editor, CREATE_PACT, { input: { name: `Patto ${f.token}`, territory: 'Rhodense' } });
      const code = `RETE-${f.token}`;
      return [
        { code: `${code}-A`, title: 'Rete alfa', measureId: ref.measure('AZIONI_RETE_FASE_II'), startDate: '2021-03-01', endDate: '2022-02-28', plannedSuspended: 12, plannedUnemployed: 8, supplyChain: 'Metalmeccanica', atecoSectorId: f.atecoManufacturing },
        { code: `${code}-B`, title: 'Rete bravo', measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2022-05-01', endDate: '2023-04-30', plannedSuspended: 30 },
        { code: `${code}-C`, title: 'Rete charlie', measureId: ref.measure('AZIONI_RETE_FASE_II'), startDate: '2023-01-15', endDate: '2023-12-31', pactId: pact.id, description: 'Rete legata al patto' },
        { code: `${code}-D`, title: 'Rete delta', measureId: ref.measure('COPROGETTAZIONE_ART55'), startDate: '2024-01-01', endDate: '2024-12-31' },
      ];
    },
    expected: (input) => ({
      tenantId: f.tenant.id,
      status: 'DRAFT',
      plannedSuspended: 0,
      plannedUnemployed: 0,
      ...input,
      plannedRecipients: ((input.plannedSuspended as number) ?? 0) + ((input.plannedUnemployed as number) ?? 0),
    }),
    async arrange(records) {
      // The status filter needs a network out of DRAFT; withdrawing needs no compliant roster.
      await must(t, f.tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: WITHDRAWN) { id } }`, {
        id: records[2].id,
        version: records[2].version,
      });
    },
    sortField: 'startDate',
    search: () => ({ q: `RETE-${f.token}-b`, expect: [1] }),
    async filters(records) {
      const partner = await createPartner(t, f.tenant.editor, f.ref);
      await addMember(t, f.tenant.editor, records[0].id, partner.id, 'LEAD');
      return [
        { filter: { statuses: ['DRAFT'] }, expect: [0, 1] },
        { filter: { statuses: ['ACTIVE', 'WITHDRAWN'] }, expect: [2] },
        { filter: { statuses: ['CLOSED'] }, expect: [] },
        { filter: { measureId: f.ref.measure('RETE_RICOLLOCAZIONE_GOL_P5') }, expect: [1] },
        { filter: { partnerId: partner.id }, expect: [0] },
        { filter: { pactId: records[2].pactId }, expect: [2] },
        // Both bounds are inclusive.
        { filter: { startDateFrom: '2022-05-01' }, expect: [1, 2] },
        { filter: { startDateTo: '2022-05-01' }, expect: [0, 1] },
        { filter: { startDateFrom: '2021-03-02', startDateTo: '2023-01-14' }, expect: [1] },
      ];
    },
    update: () => ({ title: 'Rete rinominata', description: 'Descrizione aggiornata', supplyChain: 'Siderurgia' }),
  },
  {
    name: 'networkMember',
    plural: 'networkMembers',
    table: 'network_members',
    fields: 'tenantId networkId partnerId role joinedOn leftOn',
    writer: 'editor',
    async inputs() {
      const [n1, n2] = [await createNetwork(t, f.tenant.editor, f.ref), await createNetwork(t, f.tenant.editor, f.ref)];
      const partners = [];
      for (let i = 0; i < 4; i++) partners.push(await createPartner(t, f.tenant.editor, f.ref, i === 0 ? 'LABOUR_OPERATOR' : 'CPI'));
      return [
        { networkId: n1.id, partnerId: partners[0].id, role: 'LEAD', joinedOn: '2021-03-01' },
        { networkId: n1.id, partnerId: partners[1].id, joinedOn: '2021-04-01' },
        { networkId: n2.id, partnerId: partners[2].id, role: 'PARTNER', joinedOn: '2021-05-01' },
        { networkId: n1.id, partnerId: partners[3].id, role: 'PARTNER', joinedOn: '2021-06-01' },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, role: 'PARTNER', ...input }),
    sortField: 'joinedOn',
    // Members have no names or codes of their own: a search finds none of them.
    search: () => ({ q: f.token, expect: [] }),
    filters: async (records) => [
      { filter: { role: 'LEAD' }, expect: [0] },
      { filter: { partnerId: records[1].partnerId }, expect: [1] },
      { filter: { networkId: records[2].networkId }, expect: [2] },
    ],
    update: () => ({ leftOn: '2021-12-31' }),
  },
  {
    name: 'networkCompany',
    plural: 'networkCompanies',
    table: 'network_companies',
    fields: 'tenantId networkId crisisCompanyId',
    writer: 'editor',
    async inputs() {
      const [n1, n2] = [await createNetwork(t, f.tenant.editor, f.ref), await createNetwork(t, f.tenant.editor, f.ref)];
      const companies = [];
      for (let i = 0; i < 4; i++) companies.push(await createCrisisCompany(t, f.tenant.editor, f.ref));
      return [
        { networkId: n1.id, crisisCompanyId: companies[0].id },
        { networkId: n1.id, crisisCompanyId: companies[1].id },
        { networkId: n2.id, crisisCompanyId: companies[2].id },
        { networkId: n1.id, crisisCompanyId: companies[3].id },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, ...input }),
    sortField: 'createdAt',
    search: () => ({ q: f.token, expect: [] }),
    filters: async (records) => [
      { filter: { networkId: records[2].networkId }, expect: [2] },
      { filter: { crisisCompanyId: records[1].crisisCompanyId }, expect: [1] },
    ],
    async update() {
      const company = await createCrisisCompany(t, f.tenant.editor, f.ref);
      return { crisisCompanyId: company.id };
    },
  },
  {
    name: 'crisisCompany',
    plural: 'crisisCompanies',
    table: 'crisis_companies',
    fields: `tenantId name taxCode atecoSectorId supplyChain municipalityId crisisInstrument workersInvolved expectedRedundancies
      unionAgreementOn`,
    writer: 'editor',
    async inputs() {
      const { ref } = f;
      return [
        { name: `Alfa ${f.token} Spa`, taxCode: orgTaxCode(), municipalityId: ref.municipality('015182'), crisisInstrument: 'CIGS', workersInvolved: 120, expectedRedundancies: 40, unionAgreementOn: '2021-02-15' },
        // A sole trader's personal code, typed in lower case with spaces.
        { name: `Bravo ${f.token} di Mario Rossi`, taxCode: 'rssmra 85t10 a562s', municipalityId: ref.municipality('015182'), crisisInstrument: 'CIGD' },
        { name: `Charlie ${f.token} Srl`, taxCode: orgTaxCode(), municipalityId: ref.municipality('015170'), crisisInstrument: 'INSOLVENCY', atecoSectorId: f.atecoManufacturing, supplyChain: 'Automotive' },
        { name: `Delta ${f.token} Srl`, taxCode: orgTaxCode(), municipalityId: ref.municipality('015009'), crisisInstrument: 'OTHER' },
      ];
    },
    expected: (input) => ({
      tenantId: f.tenant.id,
      workersInvolved: 0,
      expectedRedundancies: 0,
      ...input,
      taxCode: (input.taxCode as string).replace(/\s+/g, '').toUpperCase(),
    }),
    sortField: 'name',
    search: () => ({ q: 'rssmra85', expect: [1] }),
    async filters(records) {
      const network = await createNetwork(t, f.tenant.editor, f.ref);
      await must(t, f.tenant.editor, `mutation($input: CreateNetworkCompanyInput!) { createNetworkCompany(input: $input) { id } }`, {
        input: { networkId: network.id, crisisCompanyId: records[0].id },
      });
      return [
        { filter: { crisisInstrument: 'CIGD' }, expect: [1] },
        { filter: { municipalityId: f.ref.municipality('015170') }, expect: [2] },
        { filter: { atecoSectorId: f.atecoManufacturing }, expect: [2] },
        { filter: { networkId: network.id }, expect: [0] },
      ];
    },
    update: () => ({ workersInvolved: 55, unionAgreementOn: '2021-06-30' }),
  },
  {
    name: 'competencePact',
    plural: 'competencePacts',
    table: 'competence_pacts',
    fields: 'tenantId name territory signedOn referenceAct',
    writer: 'editor',
    async inputs() {
      return [
        { name: `Alfa ${f.token} patto`, territory: 'Rhodense', signedOn: '2022-01-10' },
        { name: `Bravo ${f.token} patto`, territory: `Alto Milanese ${f.token}`, signedOn: '2022-06-10', referenceAct: 'DGR 7231/2022 e s.m.i.' },
        { name: `Charlie ${f.token} patto`, territory: 'Brianza' },
        { name: `Delta ${f.token} patto`, territory: 'Lodigiano' },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, referenceAct: 'DGR 7231/2022', ...input }),
    sortField: 'name',
    search: () => ({ q: `milanese ${f.token}`, expect: [1] }),
    async filters(records) {
      const partner = await createPartner(t, f.tenant.editor, f.ref);
      await must(t, f.tenant.editor, `mutation($input: CreatePactSignatoryInput!) { createPactSignatory(input: $input) { id } }`, {
        input: { pactId: records[2].id, partnerId: partner.id },
      });
      return [
        { filter: { signedFrom: '2022-06-10' }, expect: [1] },
        { filter: { signedTo: '2022-01-10' }, expect: [0] },
        { filter: { partnerId: partner.id }, expect: [2] },
      ];
    },
    update: () => ({ territory: 'Ambito del Rhodense', signedOn: '2022-02-01' }),
  },
  {
    name: 'pactSignatory',
    plural: 'pactSignatories',
    table: 'pact_signatories',
    fields: 'tenantId pactId partnerId',
    writer: 'editor',
    async inputs() {
      const pacts = [];
      for (const name of ['primo', 'secondo']) pacts.push(await must<Row>(t, f.tenant.editor, CREATE_PACT, { input: { name: `Patto ${name}`, territory: 'Rhodense' } }));
      const partners = [];
      for (let i = 0; i < 4; i++) partners.push(await createPartner(t, f.tenant.editor, f.ref));
      return [
        { pactId: pacts[0].id, partnerId: partners[0].id },
        { pactId: pacts[0].id, partnerId: partners[1].id },
        { pactId: pacts[1].id, partnerId: partners[2].id },
        { pactId: pacts[0].id, partnerId: partners[3].id },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, ...input }),
    sortField: 'createdAt',
    search: () => ({ q: f.token, expect: [] }),
    filters: async (records) => [
      { filter: { pactId: records[2].pactId }, expect: [2] },
      { filter: { partnerId: records[1].partnerId }, expect: [1] },
    ],
    async update() {
      const partner = await createPartner(t, f.tenant.editor, f.ref);
      return { partnerId: partner.id };
    },
  },
  {
    name: 'recipientEnrolment',
    plural: 'recipientEnrolments',
    table: 'recipient_enrolments',
    fields: 'tenantId networkId kind enrolledOn endedOn',
    writer: 'editor',
    async inputs() {
      const network = await createNetwork(t, f.tenant.editor, f.ref);
      const taxCode = (i: number) => `RSSMRA8${i}T10A562` + personCheckCharacter(`RSSMRA8${i}T10A562`);
      return [
        { networkId: network.id, taxCode: taxCode(1), kind: 'SUSPENDED', enrolledOn: '2021-03-01' },
        { networkId: network.id, taxCode: taxCode(2), kind: 'UNEMPLOYED', enrolledOn: '2021-04-01', endedOn: '2021-09-30' },
        { networkId: network.id, taxCode: taxCode(3), kind: 'SUSPENDED', enrolledOn: '2021-05-01' },
        { networkId: network.id, taxCode: taxCode(4), kind: 'SUSPENDED', enrolledOn: '2021-06-01' },
      ];
    },
    // The codice fiscale goes in and never comes back out.
    expected: ({ taxCode: _taxCode, ...input }) => ({ tenantId: f.tenant.id, endedOn: null, ...input }),
    sortField: 'enrolledOn',
    search: () => ({ q: 'UNEMPLOYED', expect: [1] }),
    filters: async (records) => [
      { filter: { networkId: records[0].networkId }, expect: [0, 1, 2] },
      { filter: { kind: 'UNEMPLOYED' }, expect: [1] },
      { filter: { enrolledFrom: '2021-04-01', enrolledTo: '2021-04-30' }, expect: [1] },
    ],
    update: () => ({ kind: 'UNEMPLOYED', endedOn: '2021-12-31' }),
  },
  {
    name: 'recipientService',
    plural: 'recipientServices',
    table: 'recipient_services',
    fields: 'tenantId networkId enrolmentId serviceTypeId partnerId status delivery serviceDate hours amount',
    writer: 'editor',
    async inputs() {
      const network = await createNetwork(t, f.tenant.editor, f.ref);
      const partner = await createPartner(t, f.tenant.editor, f.ref);
      await must(t, f.tenant.editor, `mutation($input: CreateNetworkMemberInput!) { createNetworkMember(input: $input) { id } }`, { input: { networkId: network.id, partnerId: partner.id } });
      const enrolment = await must(t, f.tenant.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
        input: { networkId: network.id, taxCode: `VRDLGU7${f.token.length % 10}A01F205` + personCheckCharacter(`VRDLGU7${f.token.length % 10}A01F205`), kind: 'SUSPENDED', enrolledOn: '2021-03-01' },
      });
      const types: { code: string; id: string }[] = await t.owner.query(`SELECT t.code, t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_FASE_II'`);
      const type = (code: string) => types.find((x) => x.code === code)!.id;
      const service = { enrolmentId: enrolment.id, partnerId: partner.id, serviceTypeId: type('COACHING'), status: 'PLANNED', delivery: 'INDIVIDUAL' };
      return [
        { ...service, serviceDate: '2021-04-01', hours: 2, amount: '60.00' },
        { ...service, serviceDate: '2021-05-01', hours: 3, amount: '90.00', status: 'DELIVERED', delivery: 'GROUP' },
        { ...service, serviceDate: '2021-06-01', hours: 40, amount: '2000.00', serviceTypeId: type('FORMAZIONE_SPECIALIZZATA_VOUCHER') },
        { ...service, serviceDate: '2021-07-01', hours: 1, amount: '30.00' },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, networkId: expect.any(String), ...input }),
    sortField: 'serviceDate',
    // Services have no names or codes of their own: a search finds none of them.
    search: () => ({ q: f.token, expect: [] }),
    filters: async (records) => [
      { filter: { enrolmentId: records[0].enrolmentId, status: 'DELIVERED' }, expect: [1] },
      { filter: { delivery: 'GROUP' }, expect: [1] },
      { filter: { serviceTypeId: records[2].serviceTypeId, networkId: records[0].networkId }, expect: [2] },
      { filter: { serviceDateFrom: '2021-05-01', serviceDateTo: '2021-06-30' }, expect: [1, 2] },
    ],
    update: () => ({ status: 'DELIVERED', hours: 2, amount: '65.00' }),
  },
  {
    name: 'accountLine',
    plural: 'accountLines',
    table: 'network_account_lines',
    fields: 'tenantId networkId serviceTypeId plannedAmount',
    writer: 'editor',
    async inputs() {
      const [n1, n2] = [await createNetwork(t, f.tenant.editor, f.ref), await createNetwork(t, f.tenant.editor, f.ref)];
      const types: { id: string }[] = await t.owner.query(`SELECT t.id FROM service_types t JOIN measures m ON m.id = t.measure_id WHERE m.code = 'AZIONI_RETE_FASE_II' ORDER BY t.code LIMIT 3`);
      return [
        { networkId: n1.id, serviceTypeId: types[0].id, plannedAmount: '100.00' },
        { networkId: n1.id, serviceTypeId: types[1].id, plannedAmount: '2500.50' },
        { networkId: n2.id, serviceTypeId: types[0].id, plannedAmount: '40000.00' },
        { networkId: n1.id, serviceTypeId: types[2].id, plannedAmount: '999.99' },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, ...input }),
    // Amounts sort as numbers: "999.99" comes before "2500.50".
    sortField: 'plannedAmount',
    search: () => ({ q: f.token, expect: [] }),
    filters: async (records) => [
      { filter: { networkId: records[0].networkId }, expect: [0, 1] },
      { filter: { serviceTypeId: records[0].serviceTypeId }, expect: [0, 2] },
    ],
    update: () => ({ plannedAmount: '150.00' }),
  },
  {
    name: 'projectSheet',
    plural: 'projectSheets',
    table: 'network_project_sheets',
    fields: 'tenantId networkId applicationDate companyContext recipientsProfile specificObjectives partnership organisation timeline expectedResults expectedPlacements',
    writer: 'editor',
    async inputs() {
      const networks = [];
      for (let i = 0; i < 4; i++) networks.push(await createNetwork(t, f.tenant.editor, f.ref));
      const empty = { companyContext: null, recipientsProfile: null, specificObjectives: null, partnership: null, organisation: null, timeline: null, expectedResults: null, expectedPlacements: null };
      return [
        { ...empty, networkId: networks[0].id, applicationDate: '2021-03-01', companyContext: `Crisi ${f.token}` },
        { ...empty, networkId: networks[1].id, applicationDate: '2021-04-01', expectedPlacements: 12 },
        { ...empty, networkId: networks[2].id, applicationDate: '2021-05-01', specificObjectives: 'Ricollocazione' },
        { ...empty, networkId: networks[3].id, applicationDate: '2021-06-01' },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, ...input }),
    sortField: 'applicationDate',
    search: () => ({ q: f.token, expect: [0] }),
    filters: async (records) => [{ filter: { networkId: records[2].networkId }, expect: [2] }],
    update: () => ({ timeline: '12 mesi', expectedPlacements: 5 }),
  },
  {
    name: 'allocation',
    plural: 'allocations',
    table: 'allocations',
    fields: 'tenantId networkId fundSourceId amount allocatedOn kind status note',
    writer: 'editor',
    async inputs() {
      const [n1, n2] = [await createNetwork(t, f.tenant.editor, f.ref), await createNetwork(t, f.tenant.editor, f.ref)];
      const source = f.ref.fundSource('AZIONI_RETE');
      // A second source that may pay any measure at any date (GOL PNRR pays only GOL P5 networks); its
      // allocations stay with the tenant, so it is not removed at the end like the reference records.
      const { id: second } = await must(t, admin, `mutation($input: CreateFundSourceInput!) { createFundSource(input: $input) { id } }`, {
        input: { code: uniqueCode('CRUD_FUND'), name: 'Fondo di prova', budget: '1000000.00' },
      });
      return [
        { networkId: n1.id, fundSourceId: source, amount: '90.00', allocatedOn: '2021-04-01', kind: 'PROCESS' },
        { networkId: n1.id, fundSourceId: second, amount: '1000.00', allocatedOn: '2022-05-02', kind: 'RESULT', note: `Assegnazione ${f.token}` },
        { networkId: n2.id, fundSourceId: source, amount: '2500.50', allocatedOn: '2021-06-01', kind: 'VOUCHER', status: 'REVOKED' },
        { networkId: n1.id, fundSourceId: source, amount: '10.00', allocatedOn: '2021-07-01', kind: 'PROCESS' },
      ];
    },
    expected: (input) => ({ tenantId: f.tenant.id, status: 'COMMITTED', ...input }),
    // Amounts sort as numbers: "90.00" comes before "1000.00".
    sortField: 'amount',
    search: () => ({ q: `assegnazione ${f.token}`, expect: [1] }),
    filters: async (records) => [
      { filter: { fundSourceId: records[1].fundSourceId }, expect: [1] },
      { filter: { networkId: records[2].networkId }, expect: [2] },
      { filter: { allocatedFrom: '2021-05-01' }, expect: [1, 2] },
      { filter: { allocatedTo: '2021-05-01' }, expect: [0] },
      { filter: { allocatedFrom: '2021-04-02', allocatedTo: '2022-05-02' }, expect: [1, 2] },
      { filter: { kind: 'VOUCHER' }, expect: [2] },
      { filter: { status: 'REVOKED' }, expect: [2] },
    ],
    update: () => ({ note: 'Importo confermato', kind: 'RESULT' }),
  },
  {
    name: 'targetGroup',
    plural: 'targetGroups',
    table: 'target_groups',
    fields: 'code name',
    writer: 'admin',
    inputs: async () => ['A', 'B', 'C', 'D'].map((x) => ({ code: uniqueCode(`TG_${x}`), name: `Gruppo ${x} ${x === 'B' ? f.token : ''}`.trim() })),
    sortField: 'code',
    search: () => ({ q: f.token, expect: [1] }),
    update: () => ({ name: 'Gruppo rinominato' }),
  },
  {
    name: 'ambitoMunicipality',
    plural: 'ambitoMunicipalities',
    table: 'ambito_municipalities',
    fields: 'ambitoId municipalityId',
    writer: 'admin',
    async inputs() {
      await codesignTenants();
      return ['015182', '015009', '015087', '015116'].map((istat) => ({ ambitoId: codesign.ambito.id, municipalityId: f.ref.municipality(istat) }));
    },
    sortField: 'createdAt',
    search: () => ({ q: f.token, expect: [] }),
    filters: async (records) => [{ filter: { municipalityId: records[1].municipalityId }, expect: [1] }],
    update: () => ({ municipalityId: f.ref.municipality('015229') }),
  },
  {
    name: 'codesignCall',
    plural: 'codesignCalls',
    table: 'codesign_calls',
    fields: 'tenantId code title object deadline status targetGroupIds',
    writer: 'editor',
    as: () => codesign.ambito.editor,
    async inputs() {
      await codesignTenants();
      return [1, 2, 3, 4].map((day) => ({
        code: `CALL-${day}`,
        title: `Istruttoria ${day === 2 ? f.token : day}`,
        object: 'Integrazione lavorativa',
        targetGroupIds: [],
        deadline: new Date(Date.UTC(2030, 0, day)).toISOString(),
      }));
    },
    expected: (input) => ({ tenantId: codesign.ambito.id, status: 'DRAFT', ...input }),
    sortField: 'deadline',
    search: () => ({ q: f.token, expect: [1] }),
    filters: async () => [{ filter: { statuses: ['DRAFT'] }, expect: [0, 1, 2] }, { filter: { statuses: ['PUBLISHED'] }, expect: [] }],
    update: () => ({ object: 'Oggetto rivisto' }),
  },
  {
    name: 'codesignCriterion',
    plural: 'codesignCriteria',
    table: 'codesign_criteria',
    fields: 'tenantId callId name weight position',
    writer: 'editor',
    as: () => codesign.ambito.editor,
    async inputs() {
      await codesignTenants();
      const call = await must<Row>(t, codesign.ambito.editor, `mutation($input: CreateCodesignCallInput!) { createCodesignCall(input: $input) { id } }`, {
        input: { code: 'CRITERI', title: 'Bando', object: 'Oggetto', deadline: '2030-01-01T00:00:00.000Z' },
      });
      return [10, 20, 30, 5].map((weight) => ({ callId: call.id, name: weight === 20 ? `Criterio ${f.token}` : `Criterio ${weight}`, weight, position: 1 }));
    },
    expected: (input) => ({ tenantId: codesign.ambito.id, ...input }),
    sortField: 'weight',
    search: () => ({ q: f.token, expect: [1] }),
    filters: async (records) => [{ filter: { callId: records[0].callId }, expect: [0, 1, 2] }],
    update: () => ({ name: 'Qualità progettuale' }),
  },
  {
    name: 'codesignEvaluator',
    plural: 'codesignEvaluators',
    table: 'codesign_evaluators',
    fields: 'tenantId callId userId affiliatedBodyId',
    writer: 'editor',
    as: () => codesign.ambito.editor,
    async inputs() {
      await codesignTenants();
      const call = await must<Row>(t, codesign.ambito.editor, `mutation($input: CreateCodesignCallInput!) { createCodesignCall(input: $input) { id } }`, {
        input: { code: 'COMMISSIONE', title: 'Bando', object: 'Oggetto', deadline: '2030-01-01T00:00:00.000Z' },
      });
      const users = [];
      for (let i = 0; i < 4; i++) users.push(await editorUser(t, codesign.ambito));
      return users.map((user) => ({ callId: call.id, userId: user.userId, affiliatedBodyId: null }));
    },
    expected: (input) => ({ tenantId: codesign.ambito.id, ...input }),
    sortField: 'createdAt',
    search: () => ({ q: f.token, expect: [] }),
    filters: async (records) => [{ filter: { userId: records[2].userId }, expect: [2] }],
    update: () => ({ affiliatedBodyId: codesign.body.id }),
  },
  {
    name: 'codesignProposal',
    plural: 'codesignProposals',
    table: 'codesign_proposals',
    fields: 'tenantId callId title leadLegalName leadTaxCode status',
    writer: 'editor',
    as: () => codesign.body.editor,
    async inputs() {
      await codesignTenants();
      const calls = [];
      for (let i = 0; i < 4; i++) calls.push(await publishedCall(t, codesign.ambito));
      return calls.map((call, i) => ({ callId: call.id, title: `Proposta ${['A', `B ${f.token}`, 'C', 'D'][i]}`, leadLegalName: 'Cooperativa sociale', leadTaxCode: orgTaxCode() }));
    },
    expected: (input) => ({ tenantId: codesign.body.id, status: 'DRAFT', ...input }),
    sortField: 'title',
    search: () => ({ q: f.token, expect: [1] }),
    filters: async (records) => [{ filter: { callId: records[2].callId }, expect: [2] }, { filter: { statuses: ['DRAFT'] }, expect: [0, 1, 2] }],
    update: () => ({ leadLegalName: 'Cooperativa sociale Rhodense' }),
  },
  {
    name: 'codesignProposalPartner',
    plural: 'codesignProposalPartners',
    table: 'codesign_proposal_partners',
    fields: 'tenantId proposalId legalName taxCode partnerTypeId contribution',
    writer: 'editor',
    as: () => codesign.body.editor,
    async inputs() {
      await codesignTenants();
      const proposal = await draftProposal(t, codesign.body.editor, f.ref, (await publishedCall(t, codesign.ambito)).id);
      return ['A', 'B', 'C', 'D'].map((x) => ({
        proposalId: proposal.id, legalName: `Partner ${x} ${x === 'C' ? f.token : ''}`.trim(), taxCode: orgTaxCode(), partnerTypeId: f.ref.partnerType('THIRD_SECTOR'),
      }));
    },
    expected: (input) => ({ tenantId: codesign.body.id, ...input }),
    // Partner A… comes after the one draftProposal adds ("Associazione partner"): filter by ids keeps the three.
    sortField: 'legalName',
    search: () => ({ q: f.token, expect: [2] }),
    filters: async (records) => [{ filter: { proposalId: records[0].proposalId }, expect: [0, 1, 2] }],
    update: () => ({ contribution: 'Tutoraggio in azienda' }),
  },
  {
    name: 'codesignAction',
    plural: 'codesignActions',
    table: 'codesign_actions',
    fields: 'tenantId proposalId title position timing',
    writer: 'editor',
    as: () => codesign.body.editor,
    async inputs() {
      await codesignTenants();
      const proposal = await draftProposal(t, codesign.body.editor, f.ref, (await publishedCall(t, codesign.ambito)).id);
      return [2, 3, 4, 5].map((position) => ({ proposalId: proposal.id, title: `Azione ${position === 3 ? f.token : position}`, position }));
    },
    expected: (input) => ({ tenantId: codesign.body.id, ...input }),
    sortField: 'position',
    search: () => ({ q: f.token, expect: [1] }),
    filters: async (records) => [{ filter: { proposalId: records[0].proposalId }, expect: [0, 1, 2] }],
    update: () => ({ timing: 'Sei mesi' }),
  },
  {
    name: 'codesignScore',
    plural: 'codesignScores',
    table: 'codesign_scores',
    fields: 'tenantId proposalId criterionId evaluatorId score reason',
    writer: 'editor',
    as: () => codesign.evaluator,
    async inputs() {
      await codesignTenants();
      const call = await publishedCall(t, codesign.ambito);
      const second = await publishedCall(t, codesign.ambito);
      const proposals = [];
      for (const c of [call, second]) {
        const proposal = await draftProposal(t, codesign.body.editor, f.ref, c.id);
        await must(t, codesign.body.editor, SUBMIT, proposal);
        proposals.push(proposal);
      }
      codesign.evaluator = await editorUser(t, codesign.ambito);
      for (const c of [call, second]) {
        await passDeadline(t, c.id);
        await must(t, codesign.ambito.editor, `mutation($input: CreateCodesignEvaluatorInput!) { createCodesignEvaluator(input: $input) { id } }`, {
          input: { callId: c.id, userId: codesign.evaluator.userId },
        });
        await must(t, codesign.ambito.editor, `mutation($id: ID!, $version: Int!) { setCodesignCallStatus(id: $id, version: $version, status: CLOSED) { id } }`, c);
      }
      return [
        { proposalId: proposals[0].id, criterionId: call.criteria[0].id, score: 10, reason: 'Sufficiente' },
        { proposalId: proposals[0].id, criterionId: call.criteria[1].id, score: 20, reason: `Buono ${f.token}` },
        { proposalId: proposals[1].id, criterionId: second.criteria[0].id, score: 30, reason: 'Discreto' },
        { proposalId: proposals[1].id, criterionId: second.criteria[1].id, score: 5, reason: 'Scarso' },
      ];
    },
    expected: (input) => ({ tenantId: codesign.ambito.id, evaluatorId: codesign.evaluator.userId, ...input }),
    sortField: 'score',
    search: () => ({ q: f.token, expect: [1] }),
    filters: async (records) => [{ filter: { proposalId: records[2].proposalId }, expect: [2] }, { filter: { evaluatorId: codesign.evaluator.userId }, expect: [0, 1, 2] }],
    update: () => ({ reason: 'Motivazione rivista' }),
  },
];

test('the specs cover every resource the schema creates from a Create…Input', async () => {
  const result = await t.gql(admin, `{ __type(name: "Mutation") { fields { name args { name type { ofType { name } } } } } }`);
  type MutationField = { name: string; args: { name: string; type: { ofType: { name: string } | null } }[] };
  const creatable = (result.data!.__type.fields as MutationField[])
    .filter(({ name, args }) => name.startsWith('create') && args.some((arg) => arg.name === 'input' && arg.type.ofType?.name === `${pascal(name)}Input`))
    .map(({ name }) => name.slice('create'.length))
    .sort();
  expect(specs.map((spec) => pascal(spec.name)).sort()).toEqual(creatable);
});

describe.each(specs)('$name', (spec) => {
  const op = operations(spec);
  let principal: Principal;
  let inputs: Input[];
  /** As the create mutation returned them. */
  let created: Row[];
  /** As read back after `arrange`. */
  let records: Row[];

  const expectedFor = (index: number) => (spec.expected ? spec.expected(inputs[index], index) : inputs[index]);
  const read = (id: string, as: Principal = principal) => t.gql(as, op.read, { id });
  async function list(variables: Record<string, unknown>, as: Principal = principal): Promise<{ total: number; ids: string[] }> {
    const result = await t.gql(as, op.list, variables);
    expect(result.errors).toBeUndefined();
    const page = result.data![spec.plural];
    return { total: page.total, ids: page.items.map((item: Row) => item.id) };
  }
  const idsOf = (indexes: number[]) => pick(records, indexes).map((record) => record.id as string);
  const ascending = (order: 'ASC' | 'DESC' = 'ASC') => [{ field: spec.sortField, order }];

  beforeAll(async () => {
    inputs = await spec.inputs();
    principal = spec.as?.() ?? (spec.writer === 'admin' ? admin : f.tenant.editor);
    created = [];
    for (const input of inputs.slice(0, 3)) created.push(await createAs(principal, op.create, input, spec.table));
    await spec.arrange?.(created);
    records = [];
    for (const record of created) records.push((await read(record.id)).data![spec.name]);
  });

  test('create returns the new record at version 1, stored once', async () => {
    for (const [index, record] of created.entries()) {
      expect(record).toMatchObject(expectedFor(index));
      expect(record.version).toBe(1);
      expect(record.updatedAt).toBe(record.createdAt);
      expect(await countRows(t, spec.table, 'id = $1', [record.id])).toBe(1);
    }
  });

  test('read by id returns the record; an unknown id is NOT_FOUND', async () => {
    const result = await read(created[1].id);
    expect(result.errors).toBeUndefined();
    expect(result.data![spec.name]).toMatchObject({ ...expectedFor(1), id: created[1].id, version: 1 });
    expectError(await read(randomUUID()), 'NOT_FOUND');
    if (spec.writer === 'editor') {
      // Another tenant's editor can neither read nor list the record.
      expectError(await read(created[1].id, f.other.editor), 'NOT_FOUND');
      expect((await list({ filter: { ids: [created[1].id] } }, f.other.editor)).total).toBe(0);
    }
  });

  test('list filters by ids and q, and pages with a total', async () => {
    const ids = idsOf([0, 1, 2]);
    expect(await list({ filter: { ids }, sort: ascending(), page: 1, perPage: 2 })).toEqual({ total: 3, ids: idsOf([0, 1]) });
    expect(await list({ filter: { ids }, sort: ascending(), page: 2, perPage: 2 })).toEqual({ total: 3, ids: idsOf([2]) });
    expect(await list({ filter: { ids }, sort: ascending(), page: 3, perPage: 2 })).toEqual({ total: 3, ids: [] });
    expect(await list({ filter: { ids: [ids[0], randomUUID()] } })).toEqual({ total: 1, ids: [ids[0]] });
    expect(await list({ filter: { ids: [] } })).toEqual({ total: 0, ids: [] });
    const search = spec.search(records);
    expect(await list({ filter: { ids, q: search.q }, sort: ascending() })).toEqual({ total: search.expect.length, ids: idsOf(search.expect) });
  });

  test(`sorts by ${spec.sortField} ascending and descending`, async () => {
    const ids = idsOf([0, 1, 2]);
    expect((await list({ filter: { ids }, sort: ascending('ASC') })).ids).toEqual(ids);
    expect((await list({ filter: { ids }, sort: ascending('DESC') })).ids).toEqual([...ids].reverse());
  });

  if (spec.filters) {
    test('per-field filters', async () => {
      const ids = idsOf([0, 1, 2]);
      for (const { filter, expect: expected } of await spec.filters!(records)) {
        const found = await list({ filter: { ...filter, ids }, sort: ascending() });
        expect({ filter, ids: found.ids }).toEqual({ filter, ids: idsOf(expected) });
      }
    });
  }

  test('update bumps the version by 1, changes only the named fields and keeps the rest', async () => {
    const before = (await read(records[0].id)).data![spec.name];
    const input = await spec.update(records);
    const result = await t.gql(principal, op.update, { id: before.id, version: before.version, input });
    expect(result.errors).toBeUndefined();
    const updated = result.data![`update${pascal(spec.name)}`];
    expect(updated).toMatchObject(input);
    expect(updated.version).toBe(before.version + 1);
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(new Date(before.updatedAt).getTime());
    const untouched = [...Object.keys(input), 'version', 'updatedAt'];
    expect(without(updated, untouched)).toEqual(without(before, untouched));
    expect((await read(before.id)).data![spec.name]).toEqual(updated);
  });

  test('delete returns the deleted record, after which reading it is NOT_FOUND', async () => {
    const record = await createAs(principal, op.create, inputs[3], spec.table);
    const result = await t.gql(principal, op.remove, { id: record.id, version: record.version });
    expect(result.errors).toBeUndefined();
    expect(result.data![`delete${pascal(spec.name)}`]).toEqual(record);
    expectError(await read(record.id), 'NOT_FOUND');
    expect(await countRows(t, spec.table, 'id = $1', [record.id])).toBe(0);
    expect((await list({ filter: { ids: [record.id] } })).total).toBe(0);
  });
});

describe('auditEvents', () => {
  const AUDIT = `query($filter: AuditEventFilter) {
    auditEvents(filter: $filter, sort: [{ field: at, order: ASC }]) { total items { id action entity entityId tenantId actorId before after } }
  }`;

  test('create, update and delete of a partner leave INSERT, UPDATE and DELETE events with before and after', async () => {
    const { editor } = f.tenant;
    const partner = await createPartner(t, editor, f.ref);
    const updated = await must<Row>(t, editor, `mutation($id: ID!, $version: Int!) { updatePartner(id: $id, version: $version, input: { legalName: "Nome nuovo" }) { version } }`, {
      id: partner.id,
      version: partner.version,
    });
    await must(t, editor, `mutation($id: ID!, $version: Int!) { deletePartner(id: $id, version: $version) { id } }`, { id: partner.id, version: updated.version });

    const result = await t.gql(editor, AUDIT, { filter: { entityId: partner.id } });
    expect(result.errors).toBeUndefined();
    const { total, items } = result.data!.auditEvents;
    expect(total).toBe(3);
    expect(items.map((event: Row) => event.action)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    for (const event of items) expect(event).toMatchObject({ entity: 'partners', entityId: partner.id, tenantId: f.tenant.id });
    const [insert, update, remove] = items;
    expect(insert.before).toBeNull();
    expect(insert.after).toMatchObject({ id: partner.id, legal_name: partner.legalName, tax_code: partner.taxCode, version: 1 });
    expect(update.before).toMatchObject({ legal_name: partner.legalName, version: 1 });
    expect(update.after).toMatchObject({ legal_name: 'Nome nuovo', version: 2 });
    expect(remove.before).toMatchObject({ legal_name: 'Nome nuovo', version: 2 });
    expect(remove.after).toBeNull();

    const updates = await t.gql(editor, AUDIT, { filter: { entityId: partner.id, action: 'UPDATE' } });
    expect(updates.data!.auditEvents.items.map((event: Row) => event.id)).toEqual([update.id]);
    const one = await t.gql(editor, `query($id: ID!) { auditEvent(id: $id) { id action entityId } }`, { id: remove.id });
    expect(one.data!.auditEvent).toEqual({ id: remove.id, action: 'DELETE', entityId: partner.id });
    // The history of one tenant's records is not another tenant's to read.
    expect((await t.gql(f.other.editor, AUDIT, { filter: { entityId: partner.id } })).data!.auditEvents.total).toBe(0);
  });

  test('the audit trail is read-only: no mutation writes it, and the app role cannot change it directly', async () => {
    const mutations = await t.gql(admin, `{ __type(name: "Mutation") { fields { name } } }`);
    const names: string[] = mutations.data!.__type.fields.map((field: { name: string }) => field.name);
    expect(names).toContain('createPartner');
    expect(names.filter((name) => /auditevent/i.test(name))).toEqual([]);
    expectError(await t.gql(admin, `mutation { createAuditEvent(input: {}) { id } }`), 'GRAPHQL_VALIDATION_FAILED');

    const partner = await createPartner(t, f.tenant.editor, f.ref);
    const before = await countRows(t, 'audit_events', 'entity_id = $1', [partner.id]);
    expect(before).toBe(1);
    const permissionDenied = { code: '42501' };
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'DELETE' WHERE entity_id = $1`, [partner.id])).rejects.toMatchObject(permissionDenied);
    await expect(t.dataSource.query(`DELETE FROM audit_events WHERE entity_id = $1`, [partner.id])).rejects.toMatchObject(permissionDenied);
    await expect(
      t.dataSource.query(`INSERT INTO audit_events (entity, entity_id, action) VALUES ('partners', $1, 'DELETE')`, [partner.id]),
    ).rejects.toMatchObject(permissionDenied);
    expect(await countRows(t, 'audit_events', 'entity_id = $1', [partner.id])).toBe(before);
  });
});

describe('paging limits', () => {
  test.each([
    ['perPage above 500', { page: 1, perPage: 501 }, 'perPage'],
    ['perPage 0', { page: 1, perPage: 0 }, 'perPage'],
    ['page 0', { page: 0, perPage: 25 }, 'page'],
    ['a negative page', { page: -1, perPage: 25 }, 'page'],
  ])('%s is BAD_USER_INPUT', async (_label, variables, field) => {
    for (const plural of ['partners', 'measures']) {
      expectError(await t.gql(f.tenant.editor, `query($page: Int!, $perPage: Int!) { ${plural}(page: $page, perPage: $perPage) { total } }`, variables), 'BAD_USER_INPUT', field);
    }
  });

  test('perPage 500 is allowed', async () => {
    const result = await t.gql(f.tenant.editor, `{ municipalities(perPage: 500) { total items { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.municipalities.items).toHaveLength(500);
    expect(result.data!.municipalities.total).toBeGreaterThan(500);
  });
});

describe('reference data', () => {
  /** Every loaded reference row was inserted by one transaction, so they share its creation time. */
  let loadedAt: string;
  const all = async (query: string) => {
    const result = await t.gql(f.tenant.analyst, query);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0].items as Row[];
  };

  beforeAll(async () => {
    const sources = await all(`{ fundSources(perPage: 500) { items { code createdAt } } }`);
    loadedAt = sources.find((source) => source.code === 'AZIONI_RETE')!.createdAt;
  });
  const loaded = (rows: Row[]) => rows.filter((row) => row.createdAt === loadedAt);

  test('exactly the four measures are loaded', async () => {
    const measures = loaded(await all(`{ measures(perPage: 500) { items { code createdAt } } }`));
    expect(measures.map((m) => m.code).sort()).toEqual(['AZIONI_RETE_FASE_II', 'AZIONI_RETE_LAVORO', 'COPROGETTAZIONE_ART55', 'RETE_RICOLLOCAZIONE_GOL_P5']);
  });

  test('Fase II has the four funding tiers of seed 000', async () => {
    const tiers = await all(`{ fundingTiers(perPage: 500, filter: { measureId: "${f.ref.measure('AZIONI_RETE_FASE_II')}" }, sort: [{ field: minRecipients }]) {
      items { minRecipients maxRecipients maxContribution } } }`);
    expect(tiers).toEqual([
      { minRecipients: 10, maxRecipients: 20, maxContribution: '70000.00' },
      { minRecipients: 21, maxRecipients: 30, maxContribution: '110000.00' },
      { minRecipients: 31, maxRecipients: 50, maxContribution: '180000.00' },
      { minRecipients: 51, maxRecipients: 100, maxContribution: '250000.00' },
    ]);
  });

  test('the three fund sources carry their exact budgets', async () => {
    const sources = loaded(await all(`{ fundSources(perPage: 500) { items { code budget createdAt } } }`));
    expect(sources.map(({ code, budget }) => ({ code, budget })).sort((a, b) => a.code.localeCompare(b.code))).toEqual([
      { code: 'AZIONI_RETE', budget: '5000000.00' },
      { code: 'FONDO_COMPETENZE_2022', budget: '6520000.00' },
      { code: 'GOL_PNRR_2022', budget: '4381148.00' },
    ]);
  });

  test('the 11 provinces and the metropolitan city of Lombardy, with ISTAT codes and plates', async () => {
    const provinces = loaded(await all(`{ provinces(perPage: 500) { items { istatCode historicIstatCode plate kind createdAt } } }`));
    expect(provinces.map(({ istatCode, plate, kind }) => `${istatCode} ${plate} ${kind}`).sort()).toEqual([
      '012 VA PROVINCE',
      '013 CO PROVINCE',
      '014 SO PROVINCE',
      '016 BG PROVINCE',
      '017 BS PROVINCE',
      '018 PV PROVINCE',
      '019 CR PROVINCE',
      '020 MN PROVINCE',
      '097 LC PROVINCE',
      '098 LO PROVINCE',
      '108 MB PROVINCE',
      '215 MI METROPOLITAN_CITY',
    ]);
    expect(provinces.find((p) => p.plate === 'MI')!.historicIstatCode).toBe('015');
  });

  test('the nine municipalities of the Ambito del Rhodense, in the metropolitan city of Milan', async () => {
    const rhodense: Record<string, string> = {
      '015009': 'Arese',
      '015087': 'Cornaredo',
      '015116': 'Lainate',
      '015154': 'Nerviano',
      '015170': 'Pero',
      '015176': 'Pogliano Milanese',
      '015182': 'Rho',
      '015211': 'Settimo Milanese',
      '015229': 'Vanzago',
    };
    const rows = await all(`{ municipalities(perPage: 500, filter: { provinceId: "${f.provinces.milano}" }) { items { istatCode name } } }`);
    const found = Object.fromEntries(rows.filter((m) => m.istatCode in rhodense).map((m) => [m.istatCode, m.name]));
    expect(found).toEqual(rhodense);
  });

  test('the 19 partner types, including those the rules name', async () => {
    const types = loaded(await all(`{ partnerTypes(perPage: 500) { items { code createdAt } } }`));
    expect(types).toHaveLength(19);
    expect(types.map((type) => type.code)).toEqual(expect.arrayContaining(['PROVINCE', 'CPI', 'LABOUR_OPERATOR', 'TRAINING_OPERATOR']));
  });

  test('the 21 ATECO 2007 sections A–U, with their divisions', async () => {
    const sections = await all(`{ atecoSectors(perPage: 500, filter: { level: SECTION, atecoVersion: "2007" }, sort: [{ field: code }]) { items { code section } } }`);
    const letters = 'ABCDEFGHIJKLMNOPQRSTU'.split('');
    expect(sections).toEqual(letters.map((letter) => ({ code: letter, section: letter })));
    const divisions = await all(`{ atecoSectors(perPage: 500, filter: { level: DIVISION, section: "C", atecoVersion: "2007" }) { items { code } } }`);
    expect(divisions.map((d) => d.code)).toEqual(expect.arrayContaining(['10', '25', '29', '33']));
  });
});
