import { Principal } from '../../server/src/common/request';
import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { createNetwork, must, personTaxCode, referenceIds, ReferenceIds } from '../helpers/factories';

/**
 * Issue 21, finding 4: the keyed hash of a recipient's codice fiscale links one person across
 * tenants, so it never leaves the database: not in the audit trail (whoever reads it, however
 * many tenants), not in errors.
 */
let t: TestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
});
afterAll(() => t.close());

const TAX_CODE = personTaxCode();
const regional: Principal = { userId: null, role: 'ANALYST', tenantId: null };
const ENROL = `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id version } }`;

test('the audit trail, read across tenants, and a duplicate enrolment carry no recipient hash', async () => {
  const since = new Date().toISOString();
  const [a, b] = [await newTenant(t), await newTenant(t)];
  const ours = await createNetwork(t, a.editor, ref, { startDate: '2021-03-01', endDate: '2022-02-28' });
  const theirs = await createNetwork(t, b.editor, ref, { startDate: '2023-03-01', endDate: '2024-02-28' });
  const mine = await must(t, a.editor, ENROL, { input: { networkId: ours.id, taxCode: TAX_CODE, kind: 'SUSPENDED', enrolledOn: '2021-03-01' } });
  await must(t, b.editor, ENROL, { input: { networkId: theirs.id, taxCode: TAX_CODE, kind: 'SUSPENDED', enrolledOn: '2023-03-01' } });
  await must(t, a.editor, `mutation($id: ID!, $version: Int!) { updateRecipientEnrolment(id: $id, version: $version, input: { endedOn: "2021-09-30" }) { id } }`, mine);
  await must(t, a.editor, `mutation($id: ID!, $version: Int!) { deleteRecipientEnrolment(id: $id, version: $version) { id } }`, { id: mine.id, version: mine.version + 1 });
  // Both tenants' networks are read, so that the exclusivity check runs across them too.
  await must(t, b.editor, `query($id: ID!) { network(id: $id) { compliance { ok } } }`, { id: theirs.id });

  const [{ hash }] = await t.owner.query('SELECT recipient_hash AS hash FROM recipient_enrolments WHERE network_id = $1', [theirs.id]);
  expect(hash).toMatch(/^[0-9a-f]{64}$/);

  const events = await must(t, regional, `query($since: DateTimeISO!) { auditEvents(filter: { from: $since }, perPage: 500) { total items { tenantId entity action before after } } }`, { since });
  // Other files' tests enrol recipients in tenants of their own at the same time: only these two tenants' events are counted.
  const enrolmentEvents = events.items.filter((e: { entity: string; tenantId: string }) => e.entity === 'recipient_enrolments' && [a.id, b.id].includes(e.tenantId));
  // INSERT, UPDATE and DELETE in A, INSERT in B: the regional analyst sees both tenants' rows.
  expect(enrolmentEvents.map((e: { action: string }) => e.action).sort()).toEqual(['DELETE', 'INSERT', 'INSERT', 'UPDATE']);
  expect(new Set(enrolmentEvents.map((e: { tenantId: string }) => e.tenantId))).toEqual(new Set([a.id, b.id]));
  const shown = JSON.stringify(events);
  expect(shown).not.toContain(hash);
  expect(shown).not.toContain('recipient_hash');
  // Nor does the database keep it in any audit row.
  const [{ leaks }] = await t.owner.query(`SELECT count(*)::int AS leaks FROM audit_events WHERE before::text LIKE '%' || $1 || '%' OR after::text LIKE '%' || $1 || '%'`, [hash]);
  expect(leaks).toBe(0);

  const duplicate = await t.gql(b.editor, ENROL, { input: { networkId: theirs.id, taxCode: TAX_CODE, kind: 'SUSPENDED', enrolledOn: '2023-04-01' } });
  expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'duplicate' });
  expect(JSON.stringify(duplicate)).not.toContain(hash);
});
