import { newTenant } from '../helpers/app';
import { actAs } from '../helpers/identity';
import { HttpTestApp, startHttpApp } from '../helpers/http';

let t: HttpTestApp;
beforeAll(async () => {
  t = await startHttpApp();
});
afterAll(() => t.close());

const HISTORY = `query($id: ID!) { auditEvents(filter: { entityId: $id }) { items { action actorId actorName } } }`;
const CREATE = `mutation($input: CreateCompetencePactInput!) { createCompetencePact(input: $input) { id } }`;

test("the history names its authors to their colleagues, never a user of another office", async () => {
  const tenant = await newTenant(t);
  const author = await t.signUp('EDITOR', tenant.id);
  const colleague = await t.signUp('ANALYST', tenant.id);
  const created = await t.post(CREATE, { input: { name: 'Patto Nord', territory: 'Monza', referenceAct: 'DGR 1/2024' } }, { token: author.token });
  const id = created.body.data!.createCompetencePact.id;

  const seen = await t.post(HISTORY, { id }, { token: colleague.token });
  expect(seen.body.data!.auditEvents.items).toEqual([{ action: 'INSERT', actorId: author.id, actorName: 'EDITOR di prova' }]);

  // Another office's analyst neither sees the event nor, asking the function directly, the name.
  const other = await newTenant(t);
  const stranger = await t.signUp('ANALYST', other.id);
  expect((await t.post(HISTORY, { id }, { token: stranger.token })).body.data!.auditEvents.items).toEqual([]);
  const names = await t.owner.transaction(async (manager) => {
    await manager.query(`SET LOCAL ROLE reti_app`);
    await actAs(manager, { tenantId: other.id });
    return manager.query('SELECT * FROM audit_actor_names($1::uuid[])', [[author.id]]);
  });
  expect(names).toEqual([]);
});
