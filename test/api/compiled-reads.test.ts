import { randomUUID } from 'node:crypto';
import { App, createApp } from '../../server/src/app';
import { Principal } from '../../server/src/common/request';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { DocumentNode, FieldNode, Kind, OperationDefinitionNode, parse, print, validate } from 'graphql';
import { GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE } from 'react-admin';
import { buildQuery } from '../../admin/src/providers/buildQuery';
import { createLogger } from '../../server/src/common/logger';
import { MAX_PREPARED_PER_CONNECTION } from '../../server/src/db/prepared-statements';
import { NotCompiled, ReadPlanner, stringifyResponse } from '../../server/src/graphql/compiled-reads';
import { queryAndParameters } from '../../server/src/graphql/compiled-reads/root-query';
import { Network } from '../../server/src/modules/network/network.entity';
import { Brackets } from 'typeorm';
import { registrySchema } from '../../server/src/registry';
import { admin, GqlResult, newTenant, startTestApp, TestApp } from '../helpers/app';
import { TEST_JWT_SECRET, TEST_RECIPIENT_KEY } from '../helpers/env';
import { consoleResources, staticConsoleDocuments } from '../helpers/console-documents';
import { createNetwork, createPartner, must, referenceIds, seedNetworks, uniqueCode } from '../helpers/factories';
import { draftProposal, editorUser, passDeadline, publishedCall, SUBMIT } from '../helpers/codesign';

/**
 * Compiled reads answer a query with one SQL statement per root field. Each query here is asked of
 * the app twice, compiled and by ordinary field-by-field execution, and the two answers must be
 * the same text: values, formats, order of keys and of rows, errors.
 */
let t: TestApp;
let ordinary: App;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let other: Awaited<ReturnType<typeof newTenant>>;
let networkIds: string[];
/** Co-design: an Ambito's call, a body's submitted proposal (scored), another body's draft. */
let ambito: Awaited<ReturnType<typeof newTenant>>;
let bodyA: Awaited<ReturnType<typeof newTenant>>;
let bodyB: Awaited<ReturnType<typeof newTenant>>;
const codesign = {} as { calls: string[]; proposals: string[]; scores: string[] };

beforeAll(async () => {
  t = await startTestApp();
  ordinary = await createApp({ dataSource: t.dataSource, adminDataSource: t.app.adminDataSource, jwtSecret: TEST_JWT_SECRET, keys: { recipientHash: TEST_RECIPIENT_KEY }, compiledReads: false });
  tenant = await newTenant(t);
  other = await newTenant(t);
  networkIds = await seedNetworks(t, tenant.editor, 6);
  await seedNetworks(t, other.editor, 2);
  const ref = await referenceIds(t);
  const unions = [];
  for (let i = 0; i < 4; i++) unions.push(await createPartner(t, tenant.editor, ref, 'TRADE_UNION'));
  const pact = await must(t, tenant.editor, `mutation($input: CreateCompetencePactInput!) { createCompetencePact(input: $input) { id } }`, { input: { name: 'Patto del Rhodense', territory: 'Rhodense' } });
  for (const partner of unions.slice(0, 2)) await must(t, tenant.editor, `mutation($input: CreatePactSignatoryInput!) { createPactSignatory(input: $input) { id } }`, { input: { pactId: pact.id, partnerId: partner.id } });
  await t.owner.query('UPDATE networks SET pact_id = $1 WHERE id = $2', [pact.id, networkIds[0]]);

  [ambito, bodyA, bodyB] = [await newTenant(t, 'AMBITO'), await newTenant(t, 'THIRD_SECTOR_BODY'), await newTenant(t, 'THIRD_SECTOR_BODY')];
  const draftCall = await must(t, ambito.editor, `mutation { createCodesignCall(input: { code: "BOZZA", title: "Bozza", object: "Oggetto", deadline: "2030-01-01T00:00:00Z" }) { id } }`);
  const call = await publishedCall(t, ambito, { budget: '125000.50' });
  const submitted = await draftProposal(t, bodyA.editor, ref, call.id);
  await must(t, bodyA.editor, SUBMIT, submitted);
  const draft = await draftProposal(t, bodyB.editor, ref, call.id);
  const evaluator = await editorUser(t, ambito);
  await must(t, ambito.editor, `mutation($input: CreateCodesignEvaluatorInput!) { createCodesignEvaluator(input: $input) { id } }`, { input: { callId: call.id, userId: evaluator.userId } });
  await passDeadline(t, call.id);
  await must(t, ambito.editor, `mutation($id: ID!, $version: Int!) { setCodesignCallStatus(id: $id, version: $version, status: CLOSED) { id } }`, call);
  const score = await must(t, evaluator, `mutation($input: CreateCodesignScoreInput!) { createCodesignScore(input: $input) { id } }`, {
    input: { proposalId: submitted.id, criterionId: call.criteria[0].id, score: 42.5, reason: 'Adeguata' },
  });
  Object.assign(codesign, { calls: [draftCall.id, call.id], proposals: [submitted.id, draft.id], scores: [score.id] });
  await must(t, admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }`, {
    input: { code: uniqueCode('M'), name: 'Misura con importi per fascia', rules: ['RESULT_BAND_AMOUNTS'], placementAmountsByBand: [null, '1200.5'] },
  });
});
afterAll(async () => {
  await ordinary.apollo.stop();
  await t.close();
});

async function ordinaryGql(principal: Principal, query: string, variables?: Record<string, unknown>): Promise<GqlResult> {
  const response = await ordinary.apollo.executeOperation({ query, variables }, { contextValue: ordinary.contextFor(principal) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return JSON.parse(stringifyResponse(response.body.singleResult));
}

/**
 * The query answered compiled, then field by field. Administrators and regional analysts read every
 * tenant, and other test files write to the same database meanwhile: when the two answers differ, both
 * are asked again (twice at most), so only a difference that persists fails. Also says how many
 * statements the compiled answer took, and how many of them were compiled reads.
 */
/**
 * The statements a request sent after its transaction's opening: the same whether the opening went
 * alone or carried the first compiled read (and its COMMIT) in its round trip, as it does on a
 * connection that has that read prepared (request-scope.ts). A connection's least recently used
 * statement may be deallocated to make room (prepared-statements.ts): not counted.
 */
function statementsAfterOpening(roundTrips: number, sent: string[]): number {
  let count = roundTrips;
  for (const text of sent) {
    if (text.startsWith('DEALLOCATE')) count -= 1;
    else if (text.startsWith('START TRANSACTION') && !/; EXECUTE "reti_\w+"/.test(text)) count -= 1;
    else if (text.startsWith('START TRANSACTION') && text.endsWith('; COMMIT')) count += 1;
  }
  return count;
}

async function both(principal: Principal, query: string, variables?: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    const before = t.statements.count;
    t.prepared.splice(0);
    t.sql.splice(0);
    const compiled = await t.gql(principal, query, variables);
    const statements = statementsAfterOpening(t.statements.count - before, t.sql.splice(0));
    const texts = t.prepared.splice(0);
    const ordinary = await ordinaryGql(principal, query, variables);
    if (attempt === 3 || JSON.stringify(compiled) === JSON.stringify(ordinary)) return { compiled, ordinary, statements, prepared: texts.length, texts };
  }
}

const NETWORK_FIELDS = `id code title status startDate endDate plannedSuspended plannedUnemployed createdAt updatedAt version measureId pactId atecoSectorId description`;

const QUERIES: Record<string, { query: string; variables?: () => Record<string, unknown> }> = {
  'networks with every relation': {
    query: `{ networks(perPage: 50, sort: [{ field: code, order: ASC }]) { total items { ${NETWORK_FIELDS}
      measure { code name } pact { name } atecoSector { code }
      lead { legalName taxCode partnerType { code name } }
      members { role joinedOn leftOn partner { legalName taxCode municipality { name } partnerType { code name } } }
      companies { name taxCode crisisInstrument unionAgreementOn municipality { name } }
      allocations { amount allocatedOn kind status note fundSource { code name } } } } }`,
  },
  'aliases, fragments, __typename and directives': {
    query: `query($skip: Boolean!, $id: ID!) {
      first: network(id: $id) { __typename ...N lead @skip(if: $skip) { legalName } again: code }
      page: networks(perPage: 2, page: 2, sort: [{ field: title, order: DESC }]) { __typename count: total items { ... on Network { code } roster: members { partner { ...P } } } }
      __typename }
      fragment N on Network { id code members @include(if: $skip) { role } }
      fragment P on Partner { legalName labourAccredited }`,
    variables: () => ({ skip: true, id: networkIds[1] }),
  },
  'partners filtered and sorted, with memberships and networks': {
    query: `{ partners(filter: { q: "a" }, sort: [{ field: legalName, order: DESC }], perPage: 7) { total items { id legalName taxCode email address
      memberships { role network { code } } networks { code status } } } }`,
  },
  'allocations with their network and fund source': {
    query: `{ allocations(perPage: 20, sort: [{ field: amount, order: DESC }]) { total items { amount allocatedOn kind status
      network { code lead { legalName } } fundSource { code name } } } }`,
  },
  'companies in crisis with their networks': {
    query: `{ crisisCompanies(perPage: 5) { total items { name taxCode workersInvolved expectedRedundancies networks { code } } } }`,
  },
  'fund sources with the caller’s allocations': {
    query: `{ fundSources(perPage: 50) { items { code name allocations { amount network { code } } } } }`,
  },
  'an alias named __proto__': { query: `{ networks(perPage: 2, sort: [{ field: code, order: ASC }]) { __proto__: total items { __proto__: code lead { __proto__: legalName } members { __proto__: role } } } }` },
  'measures with their decimal shares': { query: `{ measures(perPage: 50) { items { code conditionalResultShare } } }` },
  'measures with their amounts per band': { query: `{ measures(filter: { rule: RESULT_BAND_AMOUNTS }, perPage: 50) { items { code placementAmountsByBand selfEmploymentAmountsByBand } } }` },
  'a page past the end': { query: `{ networks(page: 99, perPage: 10) { total items { id } } }` },
  'only the total': { query: `{ networks(filter: { statuses: [DRAFT] }) { total } }` },
  'a record that does not exist': { query: `query($id: ID!) { network(id: $id) { code } }`, variables: () => ({ id: randomUUID() }) },
  'a page too long': { query: `{ networks(perPage: 5000) { items { id } } }` },
  'a field computed by the server beside columns': { query: `{ networks(perPage: 3) { items { code violationCount members { role } } } }` },
  'measures with their funding tiers and services': {
    query: `{ measures(perPage: 50, sort: [{ field: code, order: ASC }]) { items { code fundingTiers { minRecipients maxContribution measure { code } }
      serviceTypes { code phase hourlyUnitCost measure { code } } } } }`,
  },
  'compatible measures': { query: `{ measureCompatibilities(perPage: 50) { total items { measure { code } compatibleMeasure { code } } } }` },
  'competence pacts with their signatories and networks': {
    query: `{ competencePacts(perPage: 50) { total items { name territory signedOn signatories { legalName partnerType { code } } networks { code lead { legalName } } } } }`,
  },
};

/**
 * Co-design rows are read across tenants: a body reads the Ambito's published calls, the Ambito its
 * bodies' submitted proposals, and those who read every tenant no drafts, nor scores before the
 * award. Compiled reads follow the same conditions (scopedQuery's) through relations.
 */
const CODESIGN_QUERIES: Record<string, { query: string; variables: () => Record<string, unknown> }> = {
  'co-design calls with criteria, evaluators and proposals': {
    query: `query($ids: [ID!]) { codesignCalls(filter: { ids: $ids }, sort: [{ field: code, order: ASC }], perPage: 5) { total items { code title status deadline budget targetGroupIds
      criteria { name weight position } evaluators { userId } network { code }
      proposals { title status submittedAt leadLegalName partners { legalName partnerType { code } } actions { title position recipientTypes } scores { score reason criterion { name weight } } } } } }`,
    variables: () => ({ ids: codesign.calls }),
  },
  'co-design proposals with their call': {
    query: `query($ids: [ID!]) { codesignProposals(filter: { ids: $ids }, perPage: 5) { total items { title status call { code status criteria { name } } partners { taxCode } actions { title } scores { score } } } }`,
    variables: () => ({ ids: codesign.proposals }),
  },
  'co-design scores with their criterion': {
    query: `query($ids: [ID!]) { codesignScores(filter: { ids: $ids }, perPage: 5) { total items { score reason criterion { name weight } } } }`,
    variables: () => ({ ids: codesign.scores }),
  },
  'a co-design call by id': {
    query: `query($id: ID!) { codesignCall(id: $id) { code status proposals { title status } criteria { weight } } }`,
    variables: () => ({ id: codesign.calls[1] }),
  },
};


const regionalAnalyst: Principal = { userId: null, role: 'ANALYST', tenantId: null };
const principals = (): Record<string, Principal> => ({ editor: tenant.editor, analyst: tenant.analyst, 'regional analyst': regionalAnalyst, administrator: admin });
const CODESIGN_READERS = ['Ambito', 'the submitting body', 'the drafting body', 'regional analyst', 'administrator'];
const codesignPrincipals = (): Record<string, Principal> => ({ Ambito: ambito.editor, 'the submitting body': bodyA.editor, 'the drafting body': bodyB.editor, 'regional analyst': regionalAnalyst, administrator: admin });

describe.each(Object.keys(QUERIES))('%s', (name) => {
  test.each(['editor', 'analyst', 'regional analyst', 'administrator'])('the same answer for the %s', async (who) => {
    const { query, variables } = QUERIES[name];
    const { compiled, ordinary: expected } = await both(principals()[who], query, variables?.());
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(expected));
  });
});

describe.each(Object.keys(CODESIGN_QUERIES))('%s', (name) => {
  test.each(CODESIGN_READERS)('the same answer for %s', async (who) => {
    const { query, variables } = CODESIGN_QUERIES[name];
    const { compiled, ordinary: expected, statements, prepared } = await both(codesignPrincipals()[who], query, variables());
    expect(compiled.errors).toBeUndefined();
    // Compiled: after the opening with the signed identity, the compiled reads and COMMIT; nothing field by field.
    expect(prepared).toBeGreaterThan(0);
    expect(statements).toBe(prepared + 1);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(expected));
  });
});

test('co-design answers hold what each reader may see, compiled', async () => {
  const { query, variables } = CODESIGN_QUERIES['co-design calls with criteria, evaluators and proposals'];
  const calls = async (who: Principal) => {
    const { compiled, statements, prepared } = await both(who, query, variables());
    expect(statements).toBe(prepared + 1);
    return compiled.data!.codesignCalls.items;
  };
  const ofAmbito = await calls(ambito.editor);
  expect(ofAmbito.map((c: { status: string }) => c.status)).toEqual(['DRAFT', 'CLOSED']);
  // The Ambito reads the submitted proposal with its score, not the other body's draft.
  expect(ofAmbito[1].proposals.map((p: { status: string }) => p.status)).toEqual(['UNDER_EVALUATION']);
  expect(ofAmbito[1].proposals[0].scores).toEqual([{ score: 42.5, reason: 'Adeguata', criterion: { name: 'Qualità del progetto', weight: 60 } }]);
  expect(ofAmbito[1].evaluators).toHaveLength(1);
  // A body reads the closed call and its own proposal only; no evaluators, no scores.
  const ofDrafter = await calls(bodyB.editor);
  expect(ofDrafter).toHaveLength(1);
  expect(ofDrafter[0].criteria).toHaveLength(2);
  expect(ofDrafter[0].evaluators).toEqual([]);
  expect(ofDrafter[0].proposals.map((p: { status: string }) => p.status)).toEqual(['DRAFT']);
  // Those who read every tenant: calls, but no draft proposal, and no score before the award.
  const ofRegion = await calls(regionalAnalyst);
  expect(ofRegion.map((c: { status: string }) => c.status)).toEqual(['DRAFT', 'CLOSED']);
  expect(ofRegion[1].proposals.map((p: { status: string; scores: unknown[] }) => [p.status, p.scores])).toEqual([['UNDER_EVALUATION', []]]);
});

test('the answers are not empty: the comparison compares data', async () => {
  const { compiled } = await both(tenant.editor, QUERIES['networks with every relation'].query);
  const items = compiled.data!.networks.items;
  expect(items).toHaveLength(6);
  expect(items[0].members).toHaveLength(3);
  expect(items[0].lead.partnerType.code).toBe('LABOUR_OPERATOR');
  expect(items[0].allocations[0].amount).toBe('1000.00');
  expect(items[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const measures = (await both(tenant.editor, QUERIES['measures with their decimal shares'].query)).compiled.data!.measures.items;
  expect(measures.some((m: { conditionalResultShare: string | null }) => m.conditionalResultShare !== null)).toBe(true);
  const banded = (await both(tenant.editor, QUERIES['measures with their amounts per band'].query)).compiled.data!.measures.items;
  expect(banded.map((m: { placementAmountsByBand: (string | null)[] }) => m.placementAmountsByBand)).toContainEqual([null, '1200.50']);
});

test('a compiled page takes one statement per relation and level, however many records it holds', async () => {
  const query = QUERIES['networks with every relation'].query;
  const { compiled, statements, prepared } = await both(tenant.editor, query);
  expect(compiled.errors).toBeUndefined();
  expect(compiled.data!.networks.items).toHaveLength(6);
  // The page with the records it points to joined (measure, pact, sector); then for all six
  // networks at once their lead and its type; their members, the members' partners, and the
  // partners' municipalities and types; their companies and the companies' municipalities; their
  // allocations and the allocations' fund sources. Then COMMIT.
  expect([statements, prepared]).toEqual([12, 11]);
  const one = await both(tenant.editor, query.replace('perPage: 50', 'perPage: 1'));
  expect(one.compiled.data!.networks.items).toHaveLength(1);
  expect([one.statements, one.prepared]).toEqual([12, 11]);
});

test('a compiled read does not ask for the lists of records that have none to hold them', async () => {
  const { compiled, prepared } = await both(tenant.editor, `query($ids: [ID!]) { networks(filter: { ids: $ids }) { total items { code members { role } } } }`, { ids: [randomUUID()] });
  expect(compiled.data!.networks).toEqual({ total: 0, items: [] });
  expect(prepared).toBe(1);
});

test('a level below one that found no rows still runs: a page sends the same statements whatever its rows hold', async () => {
  const lone = await newTenant(t);
  const network = await createNetwork(t, lone.editor, await referenceIds(t));
  const query = `query($ids: [ID!]) { networks(filter: { ids: $ids }) { items { code members { role partner { legalName partnerType { code } } } } } }`;
  const without = await both(lone.editor, query, { ids: [network.id] });
  expect(without.compiled.data!.networks.items).toEqual([{ code: network.code, members: [] }]);
  const withMembers = await both(tenant.editor, query, { ids: [networkIds[0]] });
  expect(withMembers.compiled.data!.networks.items[0].members.length).toBeGreaterThan(0);
  // The page, the members, their partners, the partners' types: for a network without members as for one with them.
  expect([without.prepared, withMembers.prepared]).toEqual([4, 4]);
  expect(without.texts.map((text) => text.split(' FROM ')[1])).toEqual(withMembers.texts.map((text) => text.split(' FROM ')[1]));
});

test('two root fields are two statements; a query that cannot be compiled runs field by field', async () => {
  const two = await both(tenant.editor, `{ a: networks(perPage: 3) { items { code lead { legalName } } } b: partners { total } }`);
  // The first page, its leads, the second total, COMMIT.
  expect([two.statements, two.prepared]).toEqual([4, 3]);
  const computed = await both(tenant.editor, QUERIES['a field computed by the server beside columns'].query);
  // The page, then the members: more than the 2 of one compiled root field.
  expect(computed.statements).toBeGreaterThanOrEqual(3);
});

test('a refused query is answered by ordinary execution, with its error', async () => {
  const { compiled } = await both(tenant.editor, QUERIES['a record that does not exist'].query, QUERIES['a record that does not exist'].variables!());
  expect(compiled.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const tooLong = await both(tenant.editor, QUERIES['a page too long'].query);
  expect(tooLong.compiled.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test("a tenant's compiled page holds its own rows only, even through relations", async () => {
  const { compiled } = await both(other.editor, `{ networks(perPage: 50) { items { id members { partner { id } } } } fundSources(perPage: 50) { items { allocations { networkId } } } }`);
  const ids = compiled.data!.networks.items.map((n: { id: string }) => n.id);
  expect(ids).toHaveLength(2);
  expect(ids.some((id: string) => networkIds.includes(id))).toBe(false);
  const allocated = compiled.data!.fundSources.items.flatMap((s: { allocations: { networkId: string }[] }) => s.allocations.map((a) => a.networkId));
  expect(allocated.sort()).toEqual([...ids].sort());
});

/** The compiled statements (named, so prepared once per connection) sent since the last call. */
function compiledStatements(app: TestApp): string[] {
  return app.prepared.splice(0);
}

describe('the generated SQL', () => {
  test.each(Object.keys(QUERIES))('%s', async (name) => {
    const { query, variables } = QUERIES[name];
    const texts: Record<string, string[]> = {};
    for (const who of ['editor', 'regional analyst']) {
      compiledStatements(t);
      await t.gql(principals()[who], query, variables?.());
      texts[who] = compiledStatements(t);
    }
    expect(texts).toMatchSnapshot();
  });

  test.each(Object.keys(CODESIGN_QUERIES))('%s', async (name) => {
    const { query, variables } = CODESIGN_QUERIES[name];
    const texts: Record<string, string[]> = {};
    for (const who of ['Ambito', 'the submitting body', 'regional analyst']) {
      compiledStatements(t);
      await t.gql(codesignPrincipals()[who], query, variables());
      texts[who] = compiledStatements(t);
    }
    expect(texts).toMatchSnapshot();
  });
});

test("a root query's text is kept by its builder's structure, with the values of each request placed in it", () => {
  const built = (tenantId: string, ids: string[], page: number, order: 'ASC' | 'DESC') =>
    t.dataSource
      .getRepository(Network)
      .createQueryBuilder('r')
      .where('r.tenantId = :scopeTenantId', { scopeTenantId: tenantId })
      .andWhere('r.id IN (:...filterIds)', { filterIds: ids })
      .orderBy('r.code', order)
      .offset((page - 1) * 10)
      .limit(10);
  const cases = [
    built(tenant.id, [networkIds[0]], 1, 'ASC'),
    built(other.id, [networkIds[1]], 1, 'ASC'),
    built(tenant.id, networkIds.slice(0, 3), 1, 'ASC'),
    built(tenant.id, networkIds.slice(0, 3), 2, 'ASC'),
    built(tenant.id, networkIds.slice(0, 3), 2, 'DESC'),
    built(tenant.id, [networkIds[2]], 1, 'ASC').andWhere('r.status = :status', { status: 'ACTIVE' }),
    // Brackets are a class of their own: such a builder's text is made afresh.
    built(tenant.id, [networkIds[3]], 1, 'ASC').andWhere(new Brackets((qb) => qb.where('r.title = :title', { title: 'x' }))),
  ];
  for (const builder of [...cases, ...cases]) expect(queryAndParameters(builder)).toEqual(builder.getQueryAndParameters());
  // Same structure, other values: one text, the values in their places.
  const [first, second] = [queryAndParameters(cases[0]), queryAndParameters(cases[1])];
  expect(second[0]).toBe(first[0]);
  expect(second[1]).toEqual([other.id, networkIds[1]]);
});

describe('plans are made once per document, operation and shape', () => {
  const query = QUERIES['aliases, fragments, __typename and directives'].query;

  test('@skip and @include values choose between plans, and each answers as ordinary execution does', async () => {
    for (const skip of [true, false, true, false]) {
      const { compiled, ordinary: expected, statements } = await both(tenant.editor, query, { skip, id: networkIds[1] });
      expect(JSON.stringify(compiled)).toBe(JSON.stringify(expected));
      // Both root fields compiled: the record and its members or lead; the page, its rosters and the
      // roster's partners; then COMMIT.
      expect(statements).toBe(6);
      expect(compiled.data!.first.lead === undefined).toBe(skip);
      expect(compiled.data!.first.members === undefined).toBe(!skip);
    }
  });

  test('the same document asked again reuses its plan; another page or filter reuses its statement shape', async () => {
    const planner = new ReadPlanner(t.dataSource);
    const schema = registrySchema();
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const first = planner.plan(schema, document, operation, 'key', { skip: true });
    expect(planner.plan(schema, parse(query), operation, 'key', { skip: true, id: randomUUID() })).toBe(first);
    expect(planner.plan(schema, document, operation, 'key', { skip: false })).not.toBe(first);
    expect(planner.plan(schema, document, operation, 'another document', { skip: true })).not.toBe(first);

    const pages = [1, 2, 3].map((page) => `{ networks(page: ${page}, perPage: 2, sort: [{ field: code, order: ASC }]) { items { code } } }`);
    const texts = new Set<string>();
    const codes: string[] = [];
    for (const page of pages) {
      const { compiled, ordinary: expected, texts: sent } = await both(tenant.editor, page);
      expect(JSON.stringify(compiled)).toBe(JSON.stringify(expected));
      codes.push(...compiled.data!.networks.items.map((n: { code: string }) => n.code));
      sent.forEach((text) => texts.add(text));
    }
    expect(codes).toHaveLength(6);
    expect(new Set(codes).size).toBe(6);
    expect(texts.size).toBe(1);
  });
});

describe('prepared statements', () => {
  // One connection: every request, and the checks below, use the same session.
  let single: TestApp;
  beforeAll(async () => {
    single = await startTestApp(1);
  });
  afterAll(() => single.close());

  const prepared = async () => Number((await single.dataSource.query(`SELECT count(*) AS n FROM pg_prepared_statements WHERE name LIKE 'reti\\_%'`))[0].n);

  test('a compiled read is prepared once on its connection and stays tenant-correct under generic plans', async () => {
    const query = `{ networks(perPage: 50) { items { id members { partner { id } } } } }`;
    const before = await prepared();
    const own = new Set(networkIds);
    // More runs than PostgreSQL's five custom plans, alternating tenants and the regional analyst on one connection.
    for (let i = 0; i < 8; i++) {
      const mine = (await single.gql(tenant.editor, query)).data!.networks.items.map((n: { id: string }) => n.id);
      expect(mine.sort()).toEqual([...networkIds].sort());
      const theirs = (await single.gql(other.editor, query)).data!.networks.items.map((n: { id: string }) => n.id);
      expect(theirs).toHaveLength(2);
      expect(theirs.some((id: string) => own.has(id))).toBe(false);
      // The regional analyst reads every tenant's networks: asked for these (other files add networks of their own).
      const ids = [...networkIds, ...theirs];
      const all = (await single.gql(regionalAnalyst, `query($ids: [ID!]) { networks(perPage: 50, filter: { ids: $ids }) { items { id members { partner { id } } } } }`, { ids })).data!.networks.items.map((n: { id: string }) => n.id);
      expect(all.sort()).toEqual(ids.sort());
    }
    // The page, the members and their partners for tenants' callers, and the same three for the regional analyst.
    expect((await prepared()) - before).toBe(6);
  });

  test('a read its connection has prepared goes in the round trip that opens the transaction, with COMMIT when it is all the request reads', async () => {
    const record = `query($id: ID!) { network(id: $id) { code title status } }`;
    const page = `{ networks(perPage: 50) { total items { code members { role } } } }`;
    const variables = { id: networkIds[0] };
    // The first time, each statement is prepared on its own: the opening goes alone before it.
    await single.gql(tenant.editor, record, variables);
    await single.gql(tenant.editor, page);
    single.sql.splice(0);
    const one = await single.gql(tenant.editor, record, variables);
    expect(one).toEqual(await ordinaryGql(tenant.editor, record, variables));
    const sent = single.sql.splice(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^START TRANSACTION ISOLATION LEVEL REPEATABLE READ; SELECT app_open\([^;]+\); EXECUTE "reti_\w+"\('[^;]+'\); COMMIT$/);
    // A page whose members are read after it: the page goes with the opening, the members and COMMIT after.
    const listed = await single.gql(tenant.editor, page);
    expect(listed).toEqual(await ordinaryGql(tenant.editor, page));
    expect(listed.data!.networks.items.length).toBeGreaterThan(0);
    const pageSent = single.sql.splice(0);
    expect(pageSent).toHaveLength(3);
    expect(pageSent[0]).toMatch(/; EXECUTE "reti_\w+"\([^;]+\)$/);
    expect(pageSent[1]).toMatch(/^SELECT t1."network_id"/);
    expect(pageSent[2]).toBe('COMMIT');
    // Another tenant on the same connection and the same statements reads its own rows.
    const theirs = await single.gql(other.editor, page);
    expect(theirs).toEqual(await ordinaryGql(other.editor, page));
    expect(single.sql.splice(0)[0]).toMatch(/; EXECUTE "reti_\w+"/);
  });

  test('values written as literals in the opening round trip stay values: quotes, backslashes and arrays', async () => {
    const query = `query($q: String, $ids: [ID!]) { partners(filter: { q: $q, ids: $ids }) { total items { legalName } } }`;
    for (const q of [`x'); DROP TABLE partners; --`, 'a\\\'b"c', 'é%_\\']) {
      const variables = { q, ids: [randomUUID(), `${randomUUID()}`] };
      await single.gql(tenant.editor, query, variables);
      single.sql.splice(0);
      const folded = await single.gql(tenant.editor, query, variables);
      expect(single.sql.splice(0)[0]).toMatch(/; EXECUTE "reti_\w+"\(.+\); COMMIT$/);
      expect(folded).toEqual(await ordinaryGql(tenant.editor, query, variables));
      expect(folded.data!.partners).toEqual({ total: 0, items: [] });
    }
    expect(Number((await single.owner.query('SELECT count(*) AS n FROM partners'))[0].n)).toBeGreaterThan(0);
    // An array parameter (allocationTotals' ids: ANY($1::uuid[])) as an array literal.
    const totals = `query($filter: AllocationFilter) { allocationTotals(groupBy: [YEAR], filter: $filter) { year total count } }`;
    const [allocation] = await single.owner.query('SELECT id FROM allocations WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
    const filter = { filter: { ids: [allocation.id, randomUUID()] } };
    const first = await single.gql(tenant.editor, totals, filter);
    expect(first.data!.allocationTotals).toHaveLength(1);
    single.sql.splice(0);
    expect(await single.gql(tenant.editor, totals, filter)).toEqual(first);
    expect(single.sql.splice(0)[0]).toMatch(/; EXECUTE "reti_\w+"\(.*'\{"[0-9a-f-]{36}","[0-9a-f-]{36}"\}'.*\)$/);
  });

  test('a connection keeps a bounded number of them', async () => {
    const ids = Array.from({ length: MAX_PREPARED_PER_CONNECTION + 6 }, () => randomUUID());
    // Each length of the ids filter is another statement text.
    for (let n = 1; n <= ids.length; n++) {
      const result = await single.gql(tenant.editor, `query($ids: [ID!]) { networks(filter: { ids: $ids }) { items { id } } }`, { ids: ids.slice(0, n) });
      expect(result.data!.networks.items).toEqual([]);
    }
    expect(await prepared()).toBeLessThanOrEqual(MAX_PREPARED_PER_CONNECTION);
    const answer = await single.gql(tenant.editor, `query($ids: [ID!]) { networks(filter: { ids: $ids }) { items { id } } }`, { ids: [networkIds[0], ...ids.slice(0, 3)] });
    expect(answer.data!.networks.items).toEqual([{ id: networkIds[0] }]);
  });
});

/**
 * Queries the console sends that compiled reads do not answer, and why. Each reads a field computed
 * by a resolver of its own (rules, sums, names from users) rather than columns and declared relations.
 */
const NOT_COMPILED: Record<string, string> = {
  // The compliance rules run in Node (network.rules.ts); the list shows whether each network passes them.
  networks: 'Network.outOfCompliance is computed by a field resolver',
  'network { compliance }': 'Network.compliance is computed by a field resolver',
  'network { planOfAccounts }': 'Network.planOfAccounts is computed by a field resolver',
  // What is left of a fund: its amount less every tenant's committed allocations.
  fundSources: 'FundSource.available is computed by a field resolver',
  // The actor's name is read from users, which the app role reads through a function of its own.
  auditEvents: 'AuditEvent.actorName is computed by a field resolver',
  // Co-design: the ranking averages the scores, completeness and missing sections count the actions' filled sections.
  'codesignCall { ranking }': 'CodesignCall.ranking is computed by a field resolver',
  'codesignProposal { completeness }': 'CodesignProposal.completeness is computed by a field resolver',
  codesignActions: 'CodesignAction.missingSections is computed by a field resolver',
  // The evaluator's name is read from users, which the app role reads through a function of its own.
  codesignEvaluators: 'CodesignEvaluator.userName is computed by a field resolver',
  codesignScores: 'CodesignScore.evaluatorName is computed by a field resolver',
  // The personal plan sums delivered services against the caps of the measure.
  'recipientEnrolment { plan }': 'RecipientEnrolment.plan is computed by a field resolver',
  // Not a resource's record or page.
  'allocationTotals { measure }': 'Query.allocationTotals is not a compiled read',
  importColumns: 'Query.importColumns is not a compiled read',
  'colleagues { displayName }': 'Query.colleagues is not a compiled read',
};

describe("the console's queries", () => {
  /** Every query document the console sends, as Apollo Client sends it (__typename in every selection), by a readable label. */
  function consoleQueries(): [string, DocumentNode][] {
    const listParams = { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} };
    const shapes: [string, object][] = [
      [GET_LIST, listParams],
      [GET_MANY, { ids: [randomUUID()] }],
      [GET_MANY_REFERENCE, { ...listParams, target: 'tenantId', id: randomUUID() }],
      [GET_ONE, { id: randomUUID() }],
    ];
    const built = consoleResources().flatMap((resource) => shapes.map(([fetchType, params]): [string, DocumentNode] => [`${resource} ${fetchType}`, buildQuery(fetchType, resource, params).query]));
    const written = staticConsoleDocuments()
      .map((text) => parse(text))
      .filter((document) => (document.definitions[0] as OperationDefinitionNode).operation === 'query')
      .map((document): [string, DocumentNode] => {
        const [root] = (document.definitions[0] as OperationDefinitionNode).selectionSet.selections as FieldNode[];
        const first = root.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== 'id');
        return [first ? `${root.name.value} { ${first.name.value} }` : root.name.value, document];
      });
    return [...built, ...written].map(([label, document]) => [label, addTypenameToDocument(document)]);
  }

  test('every query the console sends is compiled, or is on the list above with its reason', () => {
    const planner = new ReadPlanner(t.dataSource);
    const schema = registrySchema();
    const documents = consoleQueries();
    expect(documents.length).toBeGreaterThan(consoleResources().length * 4);
    const notCompiled: Record<string, string> = {};
    for (const [label, document] of documents) {
      // The console's users' record was once asked of `me(id:)`, which takes no id.
      expect([label, validate(schema, document).map((error) => error.message)]).toEqual([label, []]);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const planned = planner.plan(schema, document, operation, print(document), {});
      if (planned instanceof NotCompiled) notCompiled[label] = planned.message;
    }
    // A resource whose four reads fall back for one reason is listed once, under its name.
    for (const resource of consoleResources()) {
      const reasons = new Set([GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE].map((fetchType) => notCompiled[`${resource} ${fetchType}`]));
      const [reason] = reasons;
      if (reasons.size !== 1 || reason === undefined) continue;
      for (const fetchType of [GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE]) delete notCompiled[`${resource} ${fetchType}`];
      notCompiled[resource] = reason;
    }
    expect(notCompiled).toEqual(NOT_COMPILED);
  });
});

test('a query answered field by field says why at debug', async () => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  const logged = await createApp({ dataSource: t.dataSource, adminDataSource: t.app.adminDataSource, jwtSecret: TEST_JWT_SECRET, keys: { recipientHash: TEST_RECIPIENT_KEY }, logger });
  try {
    const ask = async (query: string, variables?: Record<string, unknown>) => {
      await logged.apollo.executeOperation({ query, variables }, { contextValue: logged.contextFor(tenant.editor) });
      return lines.splice(0).map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'query answered field by field');
    };
    expect(await ask(`query Roster { networks { items { code violationCount } } }`)).toEqual([
      expect.objectContaining({ level: 20, operation: 'Roster', reason: 'Network.violationCount is computed by a field resolver' }),
    ]);
    expect(await ask(`{ networks { items { code } } }`)).toEqual([]);
    // Found nothing: ordinary execution answers NOT_FOUND.
    expect(await ask(`query($id: ID!) { network(id: $id) { code } }`, { id: randomUUID() })).toEqual([expect.objectContaining({ reason: 'Query.network found no record' })]);
  } finally {
    await logged.apollo.stop();
  }
});
