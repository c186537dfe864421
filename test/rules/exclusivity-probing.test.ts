import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { createNetwork, firstError, must, personTaxCode, referenceIds, ReferenceIds } from '../helpers/factories';
import { EXCLUSIVITY_PROBES_PER_DAY } from '../../migrations/1763700001300-codesign-conflicts-and-recipient-privacy';

/**
 * Issue 21, finding 5: enrolling a known codice fiscale in one's own draft network and moving the
 * enrolment's dates while reading `compliance` recovered another tenant's enrolment date. Across
 * tenants the check now compares the other enrolment with the whole period of one's network: the
 * enrolment's own dates change nothing. Each period tested against another tenant's enrolment is
 * recorded in the audit trail, and a few a day per person are all one tenant gets.
 */
let t: TestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
});
afterAll(() => t.close());

const TAX_CODE = personTaxCode();
const COMPLIANCE = `query($id: ID!) { network(id: $id) { compliance { violations { rule message messageEn ids field from } } } }`;
const exclusivity = async (principal: Parameters<TestApp['gql']>[0], id: string) =>
  JSON.stringify((await must(t, principal, COMPLIANCE, { id })).compliance.violations.filter((v: { rule: string }) => v.rule === 'EXCLUSIVE_POLICY'));

test("moving one's own enrolment's dates reveals nothing of another tenant's enrolment; probing is audited and capped", async () => {
  const [a, b] = [await newTenant(t), await newTenant(t)];
  const theirs = await createNetwork(t, b.editor, ref, { startDate: '2023-03-01', endDate: '2024-02-28' });
  await must(t, b.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
    input: { networkId: theirs.id, taxCode: TAX_CODE, kind: 'SUSPENDED', enrolledOn: '2023-05-17' },
  });

  let ours = await createNetwork(t, a.editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-01-16', endDate: '2023-12-31' });
  let probe = await must(t, a.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id version } }`, {
    input: { networkId: ours.id, taxCode: TAX_CODE, kind: 'SUSPENDED', enrolledOn: '2023-01-16', endedOn: '2023-01-20' },
  });
  const first = await exclusivity(a.editor, ours.id);
  expect(JSON.parse(first)).toEqual([expect.objectContaining({ rule: 'EXCLUSIVE_POLICY', ids: [probe.id], from: null })]);
  expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}/);

  // A bisection of the other enrolment's start: the answer is the same on either side of it.
  for (const endedOn of ['2023-05-16', '2023-05-17', '2023-03-31', '2023-12-31', '2023-01-17']) {
    probe = await must(t, a.editor, `mutation($id: ID!, $version: Int!, $endedOn: LocalDate) { updateRecipientEnrolment(id: $id, version: $version, input: { endedOn: $endedOn }) { id version } }`, { ...probe, endedOn });
    expect([endedOn, await exclusivity(a.editor, ours.id)]).toEqual([endedOn, first]);
  }

  // One period of our network tested so far, and it is in our audit trail (without the person's hash).
  const audit = async () => (await must(t, a.editor, `{ auditEvents(filter: { entity: "exclusivity_probes" }) { items { action after } } }`)).items;
  expect((await audit()).map((e: { action: string; after: Record<string, unknown> }) => [e.action, e.after.enrolment_id, e.after.overlap, e.after.period])).toEqual([
    ['INSERT', probe.id, true, '[2023-01-16,2024-01-01)'],
  ]);
  expect(JSON.stringify(await audit())).not.toContain('recipient_hash');
  // B's trail shows nothing of A's probing.
  expect((await must(t, b.editor, `{ auditEvents(filter: { entity: "exclusivity_probes" }) { total } }`)).total).toBe(0);

  // Moving the network's period is what still tests something: each new period counts, up to the cap a day.
  const moveEnd = async (endDate: string) => {
    ours = await must(t, a.editor, `mutation($id: ID!, $version: Int!, $endDate: LocalDate!) { updateNetwork(id: $id, version: $version, input: { endDate: $endDate }) { id version code status } }`, { ...ours, endDate });
    return t.gql(a.editor, COMPLIANCE, { id: ours.id });
  };
  const ends = ['2023-12-30', '2023-12-29', '2023-12-28', '2023-12-27'];
  for (const end of ends.slice(0, EXCLUSIVITY_PROBES_PER_DAY - 1)) expect((await moveEnd(end)).errors).toBeUndefined();
  const refused = firstError(await moveEnd(ends[EXCLUSIVITY_PROBES_PER_DAY - 1]));
  expect(refused.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOO_MANY_EXCLUSIVITY_CHECKS' });
  expect(await audit()).toHaveLength(EXCLUSIVITY_PROBES_PER_DAY);
  // A period already tested may be read again.
  expect((await moveEnd('2023-12-31')).errors).toBeUndefined();

  // A running network's enrolment is no probe: its period is recorded, never refused.
  const running = await createNetwork(t, a.editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-02-01', endDate: '2023-11-30' });
  await must(t, a.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, {
    input: { networkId: running.id, taxCode: TAX_CODE, kind: 'SUSPENDED', enrolledOn: '2023-02-01' },
  });
  await t.owner.transaction(async (m) => {
    await m.query('SET LOCAL session_replication_role = replica');
    await m.query(`UPDATE networks SET status = 'ACTIVE' WHERE id = $1`, [running.id]);
  });
  expect(JSON.parse(await exclusivity(a.editor, running.id))).toEqual([expect.objectContaining({ rule: 'EXCLUSIVE_POLICY' })]);
  expect(await audit()).toHaveLength(EXCLUSIVITY_PROBES_PER_DAY + 1);
});

test('within one tenant the check keeps its dates: enrolments that do not meet are not flagged, and nothing is recorded', async () => {
  const a = await newTenant(t);
  const taxCode = personTaxCode();
  const first = await createNetwork(t, a.editor, ref, { startDate: '2021-03-01', endDate: '2022-02-28' });
  const second = await createNetwork(t, a.editor, ref, { startDate: '2021-06-01', endDate: '2023-02-28' });
  const enrol = (networkId: string, enrolledOn: string, endedOn: string | null) =>
    must(t, a.editor, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id } }`, { input: { networkId, taxCode, kind: 'SUSPENDED', enrolledOn, endedOn } });
  await enrol(first.id, '2021-03-01', '2021-09-30');
  await enrol(second.id, '2021-10-01', null);
  expect(await exclusivity(a.editor, second.id)).toBe('[]');
  expect((await must(t, a.editor, `{ auditEvents(filter: { entity: "exclusivity_probes" }) { total } }`)).total).toBe(0);
});
