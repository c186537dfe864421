import { admin, newTenant, startTestApp, TestApp } from '../helpers/app';
import { countRows, createPartner, expectError, ReferenceIds, referenceIds } from '../helpers/factories';

/** Enough connections for the concurrent writers to really overlap in the database. */
const POOL_SIZE = 10;
let t: TestApp;
let ref: ReferenceIds;
let tenant: Awaited<ReturnType<typeof newTenant>>;

beforeAll(async () => {
  t = await startTestApp(POOL_SIZE);
  ref = await referenceIds(t);
  tenant = await newTenant(t);
});
afterAll(() => t.close());

const UPDATE = `mutation($id: ID!, $version: Int!, $name: String!) {
  updatePartner(id: $id, version: $version, input: { legalName: $name }) { id version legalName }
}`;
const DELETE = `mutation($id: ID!, $version: Int!) { deletePartner(id: $id, version: $version) { id version } }`;

async function stored(id: string): Promise<{ legal_name: string; version: number } | undefined> {
  const [row] = await t.owner.query(`SELECT legal_name, version FROM partners WHERE id = $1`, [id]);
  return row;
}

/**
 * Opens every pooled connection first. Otherwise the first request commits while the others are
 * still signing in, and the "concurrent" writers run one after another.
 */
async function warmPool(): Promise<void> {
  await Promise.all(Array.from({ length: POOL_SIZE }, () => t.dataSource.query('SELECT pg_sleep(0.05)')));
}

describe('optimistic concurrency', () => {
  test('an update at a stale version is CONFLICT and leaves the record unchanged', async () => {
    const partner = await createPartner(t, tenant.editor, ref);
    const first = await t.gql(tenant.editor, UPDATE, { id: partner.id, version: 1, name: 'Prima modifica' });
    expect(first.data!.updatePartner).toMatchObject({ version: 2, legalName: 'Prima modifica' });

    // A second editor still holds version 1.
    const stale = await t.gql(tenant.editor, UPDATE, { id: partner.id, version: 1, name: 'Modifica in ritardo' });
    expectError(stale, 'CONFLICT');
    expect(stale.errors![0].extensions).toMatchObject({ id: partner.id, version: 1 });
    expect(await stored(partner.id)).toEqual({ legal_name: 'Prima modifica', version: 2 });
    expect(await countRows(t, 'audit_events', `entity_id = $1 AND action = 'UPDATE'`, [partner.id])).toBe(1);
  });

  test('a version from the future is CONFLICT too', async () => {
    const partner = await createPartner(t, tenant.editor, ref);
    expectError(await t.gql(tenant.editor, UPDATE, { id: partner.id, version: 2, name: 'Troppo presto' }), 'CONFLICT');
    expect(await stored(partner.id)).toEqual({ legal_name: partner.legalName, version: 1 });
  });

  test('a delete at a stale version is CONFLICT and the record stays', async () => {
    const partner = await createPartner(t, tenant.editor, ref);
    await t.gql(tenant.editor, UPDATE, { id: partner.id, version: 1, name: 'Modificato' });
    expectError(await t.gql(tenant.editor, DELETE, { id: partner.id, version: 1 }), 'CONFLICT');
    expect(await stored(partner.id)).toEqual({ legal_name: 'Modificato', version: 2 });
    // With the current version the delete goes through.
    const deleted = await t.gql(tenant.editor, DELETE, { id: partner.id, version: 2 });
    expect(deleted.data!.deletePartner).toEqual({ id: partner.id, version: 2 });
    expect(await stored(partner.id)).toBeUndefined();
  });

  test('20 concurrent updates at the same version: exactly one wins, 19 are CONFLICT, the version rises by 1', async () => {
    const partner = await createPartner(t, tenant.editor, ref);
    await warmPool();
    const names = Array.from({ length: 20 }, (_, i) => `Scrittore ${i + 1}`);
    const results = await Promise.all(names.map((name) => t.gql(tenant.editor, UPDATE, { id: partner.id, version: 1, name })));

    const winners = results.filter((result) => !result.errors);
    const codes = results.filter((result) => result.errors).map((result) => result.errors![0].extensions?.code);
    expect(winners).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('CONFLICT'));
    const winner = winners[0].data!.updatePartner;
    expect(winner.version).toBe(2);
    expect(names).toContain(winner.legalName);
    expect(await stored(partner.id)).toEqual({ legal_name: winner.legalName, version: 2 });
    expect(await countRows(t, 'audit_events', `entity_id = $1 AND action = 'UPDATE'`, [partner.id])).toBe(1);
  });

  test('an update and a delete racing at the same version: exactly one succeeds', async () => {
    const partner = await createPartner(t, tenant.editor, ref);
    await warmPool();
    const [update, remove] = await Promise.all([
      t.gql(tenant.editor, UPDATE, { id: partner.id, version: 1, name: 'Aggiornato' }),
      t.gql(tenant.editor, DELETE, { id: partner.id, version: 1 }),
    ]);
    expect([update, remove].filter((result) => !result.errors)).toHaveLength(1);
    const loser = update.errors ? update : remove;
    // The loser saw either a changed record or none at all.
    expect(['CONFLICT', 'NOT_FOUND']).toContain(loser.errors![0].extensions?.code);
    expect(await stored(partner.id)).toEqual(update.errors ? undefined : { legal_name: 'Aggiornato', version: 2 });
  });
});

describe('an update that changes nothing', () => {
  const MEASURE_UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateMeasureInput!) { updateMeasure(id: $id, version: $version, input: $input) { id version minPartners rules } }`;

  test('keeps the version and writes no audit event, whether it sends no field or the values the record has', async () => {
    const partner = await createPartner(t, tenant.editor, ref);
    for (const input of [{}, { legalName: partner.legalName }]) {
      const same = await t.gql(tenant.editor, `mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, version: 1, input: $input) { version legalName } }`, { id: partner.id, input });
      expect(same.errors).toBeUndefined();
      expect(same.data!.updatePartner).toEqual({ version: 1, legalName: partner.legalName });
    }
    expect(await stored(partner.id)).toEqual({ legal_name: partner.legalName, version: 1 });
    expect(await countRows(t, 'audit_events', `entity_id = $1 AND action = 'UPDATE'`, [partner.id])).toBe(0);
    // A stale version is still a conflict, changed or not.
    expectError(await t.gql(tenant.editor, UPDATE, { id: partner.id, version: 2, name: partner.legalName }), 'CONFLICT');
  });

  test('a measure saved with its own parameters and rules keeps its version; one changed value bumps it', async () => {
    const created = await t.gql(admin, `mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id version minPartners rules } }`, {
      input: { code: `NOOP_${Date.now()}`, name: 'Misura per un salvataggio senza modifiche', rules: ['MIN_PARTNERS', 'ONE_LEAD'], minPartners: 3 },
    });
    const measure = created.data!.createMeasure;
    const same = await t.gql(admin, MEASURE_UPDATE, { id: measure.id, version: 1, input: { minPartners: 3, rules: ['MIN_PARTNERS', 'ONE_LEAD'] } });
    expect(same.errors).toBeUndefined();
    expect(same.data!.updateMeasure.version).toBe(1);
    const changed = await t.gql(admin, MEASURE_UPDATE, { id: measure.id, version: 1, input: { minPartners: 12, rules: ['MIN_PARTNERS', 'ONE_LEAD'] } });
    expect(changed.data!.updateMeasure).toMatchObject({ version: 2, minPartners: 12 });
  });
});
