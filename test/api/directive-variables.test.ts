import { newTenant } from '../helpers/app';
import { seedNetworks } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

/**
 * A null given for a nullable variable with a default stays null (graphql-js), so `@include(if: $x)`
 * or `@skip(if: $x)` would get null for their non-null argument: the request is at fault, on
 * compiled reads and on field-by-field execution alike.
 */
const apps: Record<string, HttpTestApp> = {};
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const [way, compiledReads] of [['compiled', true], ['field by field', false]] as const) {
    const t = await startHttpApp(undefined, { compiledReads });
    const tenant = await newTenant(t);
    await seedNetworks(t, tenant.editor, 1);
    apps[way] = t;
    tokens[way] = (await t.signUp('EDITOR', tenant.id)).token;
  }
});
afterAll(async () => {
  for (const t of Object.values(apps)) await t.close();
});

const DOCUMENTS = [
  'query($x: Boolean = true) { networks { items { id code @include(if: $x) } } }',
  'query($x: Boolean = false) { networks { items { id code @skip(if: $x) } } }',
  'query($x: Boolean = true) { networks { ...N } } fragment N on NetworkPage { items { id ... @include(if: $x) { code } } }',
  'query($x: Boolean = true) { networks @include(if: $x) { total } }',
];

// A request error: HTTP 400 as a GraphQL response, 200 as plain JSON (GraphQL over HTTP), BAD_USER_INPUT either way.
test.each(['compiled', 'field by field'])('%s: null for a directive\'s defaulted variable is a bad request (BAD_USER_INPUT, 400 as a GraphQL response)', async (way) => {
  const t = apps[way];
  for (const query of DOCUMENTS) {
    for (const [accept, status] of [['application/graphql-response+json', 400], ['application/json', 200]] as const) {
      const refused = await t.post(query, { x: null }, { token: tokens[way], accept });
      expect({ query, accept, status: refused.status, code: refused.body.errors?.[0]?.extensions?.code, data: refused.body.data ?? null }).toEqual({ query, accept, status, code: 'BAD_USER_INPUT', data: null });
    }
    const result = await t.post(query, { x: null }, { token: tokens[way] });
    expect(result.body.errors?.[0].message).toContain('if');
    // The same document with the variable left out, or given, is answered.
    for (const variables of [{}, { x: true }, { x: false }]) {
      const answer = await t.post(query, variables, { token: tokens[way] });
      expect({ query, variables, status: answer.status, errors: answer.body.errors }).toEqual({ query, variables, status: 200, errors: undefined });
    }
  }
});
