import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { createNetwork, must, referenceIds, ReferenceIds } from '../helpers/factories';
import { Principal } from '../../server/src/common/request';

let t: TestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
});
afterAll(() => t.close());

// A valid personal codice fiscale (check character S).
const TAX_CODE = 'RSSMRA85T10A562S';

const enrol = (principal: Principal, networkId: string, enrolledOn: string, endedOn: string | null, taxCode = TAX_CODE) =>
  t.gql(principal, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id kind enrolledOn } }`, {
    input: { networkId, taxCode, kind: 'SUSPENDED', enrolledOn, endedOn },
  });

const report = async (principal: Principal, id: string) =>
  (await must(t, principal, `query($id: ID!) { network(id: $id) { compliance { ok plannedRecipients enrolledRecipients violations { rule message messageEn ids field from } } } }`, { id })).compliance;

test('a recipient enrolled in overlapping exclusive measures in two tenants is flagged, and nothing of the other tenant shows', async () => {
  const a = await newTenant(t);
  const b = await newTenant(t);
  const ours = await createNetwork(t, a.editor, ref, { measureId: ref.measure('RETE_RICOLLOCAZIONE_GOL_P5'), startDate: '2023-01-16', endDate: '2023-12-31' });
  const theirs = await createNetwork(t, b.editor, ref, { code: `ALTRA-${b.code}`, title: 'Rete riservata di un altro ente', startDate: '2023-03-01', endDate: '2024-02-28' });

  const mine = await enrol(a.editor, ours.id, '2023-02-01', '2023-06-30');
  expect(mine.errors).toBeUndefined();
  expect((await report(a.editor, ours.id)).violations.map((v: { rule: string }) => v.rule)).not.toContain('EXCLUSIVE_POLICY');

  expect((await enrol(b.editor, theirs.id, '2023-05-01', null)).errors).toBeUndefined();
  const compliance = await report(a.editor, ours.id);
  const exclusive = compliance.violations.find((v: { rule: string }) => v.rule === 'EXCLUSIVE_POLICY');
  expect(exclusive).toEqual({
    rule: 'EXCLUSIVE_POLICY',
    message: '1 destinatario risulta iscritto, nelle stesse date, a un altro intervento di politica attiva finanziato con risorse pubbliche.',
    messageEn: '1 recipient is enrolled, on the same dates, in another publicly funded active-labour-policy intervention.',
    ids: [mine.data!.createRecipientEnrolment.id],
    field: 'recipientEnrolments',
    from: null,
  });
  const shown = JSON.stringify(compliance);
  for (const secret of [theirs.id, theirs.code, 'Rete riservata', b.id, b.code]) expect(shown).not.toContain(secret);
  // B sees the same from its side.
  expect((await report(b.editor, theirs.id)).violations.map((v: { rule: string }) => v.rule)).toContain('EXCLUSIVE_POLICY');
  expect(compliance.enrolledRecipients).toBe(1);
});

test('enrolments that do not overlap are not flagged', async () => {
  const a = await newTenant(t);
  const taxCode = 'VRDGPP80A01F205X';
  const first = await createNetwork(t, a.editor, ref, { startDate: '2021-03-01', endDate: '2022-02-28' });
  const second = await createNetwork(t, a.editor, ref, { startDate: '2022-03-01', endDate: '2023-02-28' });
  expect((await enrol(a.editor, first.id, '2021-03-01', '2021-09-30', taxCode)).errors).toBeUndefined();
  expect((await enrol(a.editor, second.id, '2022-03-01', null, taxCode)).errors).toBeUndefined();
  expect((await report(a.editor, second.id)).violations.map((v: { rule: string }) => v.rule)).not.toContain('EXCLUSIVE_POLICY');
});

test('the codice fiscale is validated and never stored: only its keyed hash is', async () => {
  const a = await newTenant(t);
  const network = await createNetwork(t, a.editor, ref);
  const wrong = await enrol(a.editor, network.id, '2021-03-01', null, 'RSSMRA85T10A562T');
  expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'taxCode' });

  expect((await enrol(a.editor, network.id, '2021-03-01', null)).errors).toBeUndefined();
  const [stored] = await t.owner.query('SELECT to_jsonb(e)::text AS row FROM recipient_enrolments e WHERE network_id = $1', [network.id]);
  expect(stored.row).not.toContain(TAX_CODE);
  expect(stored.row).toMatch(/"recipient_hash": "[0-9a-f]{64}"/);
  // (Other test files use the same code for partners, whose audit rows rightly carry it.)
  const [{ leaks }] = await t.owner.query(
    `SELECT count(*)::int AS leaks FROM audit_events WHERE entity = 'recipient_enrolments' AND after::text LIKE '%' || $1 || '%'`,
    [TAX_CODE],
  );
  expect(leaks).toBe(0);
});
