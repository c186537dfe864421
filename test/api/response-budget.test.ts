import { DEFAULT_QUERY_LIMITS } from '../../server/src/graphql/limits';
import { newTenant } from '../helpers/app';
import { HttpTestApp, SignedInUser, startHttpApp } from '../helpers/http';
import { must, referenceIds } from '../helpers/factories';
import { FULL_SECTIONS, draftProposal, publishedCall } from '../helpers/codesign';

/**
 * Issue 21, finding 6: one document of action sections and audit rows answered 90 MB under every
 * budget. Long texts and JSON now weigh by their size class in the cost model, and a response over
 * maxResponseBytes (low here) is refused with RESPONSE_TOO_LARGE on both execution paths.
 */
const MAX_RESPONSE_BYTES = 50_000;
const SECTIONS = Object.keys(FULL_SECTIONS);

let t: HttpTestApp;
let body: SignedInUser;
beforeAll(async () => {
  t = await startHttpApp(undefined, { queryLimits: { ...DEFAULT_QUERY_LIMITS, maxResponseBytes: MAX_RESPONSE_BYTES } });
  const ref = await referenceIds(t);
  const [ambito, bodyTenant] = [await newTenant(t, 'AMBITO'), await newTenant(t, 'THIRD_SECTOR_BODY')];
  const call = await publishedCall(t, ambito);
  // Two actions of ten 3,000-character sections: about 60 KB of text, and as much again in the audit trail.
  const long = Object.fromEntries(SECTIONS.map((s, i) => [s, `${i}`.repeat(3000)]));
  const proposal = await draftProposal(t, bodyTenant.editor, ref, call.id, long);
  await must(t, bodyTenant.editor, `mutation($input: CreateCodesignActionInput!) { createCodesignAction(input: $input) { id } }`, {
    input: { proposalId: proposal.id, title: 'Seconda azione', ...long },
  });
  body = await t.signUp('EDITOR', bodyTenant.id);
});
afterAll(() => t.close());

const post = (query: string) => t.post(query, undefined, { authorization: `Bearer ${body.token}` });

test("the issue's document is refused by its cost before anything runs", async () => {
  const actions = Array.from({ length: 3 }, (_, i) => `a${i}: codesignActions(perPage: 500) { items { id title ${SECTIONS.join(' ')} } }`);
  const audits = Array.from({ length: 12 }, (_, i) => `e${i}: auditEvents(perPage: 500) { items { id before after } }`);
  const { status, body: result } = await post(`query { ${[...actions, ...audits].join(' ')} }`);
  // A request error under application/json answers 200, as GraphQL over HTTP asks.
  expect(status).toBe(200);
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxCost' });
  // It cost about 42,000 when long texts and JSON weighed as much as a number.
  expect(result.errors![0].extensions!.measured).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost * 3);
});

test('an answer within the cost but over the response budget gets RESPONSE_TOO_LARGE, whichever path answers', async () => {
  // Co-design actions are read field by field (their rows are shared with the Ambito).
  const sections = await post(`query { codesignActions(perPage: 10) { items { id ${SECTIONS.join(' ')} } } }`);
  expect(sections.body.data).toBeUndefined();
  expect(sections.body.errors).toEqual([
    { message: expect.stringContaining('perPage'), extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'maxResponseBytes', max: MAX_RESPONSE_BYTES, measured: expect.any(Number) } },
  ]);
  expect(sections.body.errors![0].extensions!.measured).toBeGreaterThan(MAX_RESPONSE_BYTES);

  // The audit trail is a compiled read: PostgreSQL writes its JSON.
  const audit = await post(`query { auditEvents(perPage: 50) { items { id before after } } }`);
  expect(audit.body.errors?.[0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', max: MAX_RESPONSE_BYTES });
  expect(audit.body.data).toBeUndefined();

  // Asking for less answers.
  const fewer = await post(`query { codesignActions(perPage: 10) { total items { id title } } auditEvents(perPage: 50) { total items { id action } } }`);
  expect(fewer.body.errors).toBeUndefined();
  expect(fewer.body.data!.codesignActions.total).toBe(2);
});
