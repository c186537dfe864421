import { newTenant } from '../helpers/app';
import { addMember, countRows, createNetwork, createPartner, expectError, linkCrisisCompany, must, personTaxCode } from '../helpers/factories';
import { useTenantApp } from '../helpers/fixture';
import { Principal } from '../../server/src/common/request';
import { MAX_SERVICE_ROWS } from '../../server/src/modules/import/services-import';

const { t, ref, tenant } = useTenantApp();

const IMPORT = `mutation($csv: String!, $dryRun: Boolean!) {
  importCsv(kind: SERVICES, csv: $csv, dryRun: $dryRun) { kind dryRun total valid imported errors { line field code message } } }`;

/** A Fase II network that can be activated: a lead, a Job Centre, a union and a company in crisis; with one enrolled recipient. */
async function fase2Network(principal: Principal = tenant.editor) {
  const network = await createNetwork(t, principal, ref);
  const lead = await createPartner(t, principal, ref, 'LABOUR_OPERATOR');
  await addMember(t, principal, network.id, lead.id, 'LEAD');
  await linkCrisisCompany(t, principal, ref, network.id);
  for (const code of ['CPI', 'TRADE_UNION']) await addMember(t, principal, network.id, (await createPartner(t, principal, ref, code)).id);
  const enrolment = await must(t, principal, `mutation($input: CreateRecipientEnrolmentInput!) { createRecipientEnrolment(input: $input) { id reference } }`, {
    input: { networkId: network.id, taxCode: personTaxCode(), kind: 'UNEMPLOYED', enrolledOn: '2021-03-15', aidBand: 2, previousContract: 'SUBORDINATE', residenceMunicipalityId: ref.municipality('015182') },
  });
  return { ...network, lead, enrolment: enrolment as { id: string; reference: string } };
}

const HEADER = 'codice_rete;riferimento_iscrizione;codice_servizio;cf_soggetto_erogatore;modalita;data;ore;stato;importo';
const activate = (network: { id: string; version: number }) =>
  must(t, tenant.editor, `mutation($id: ID!, $version: Int!) { setNetworkStatus(id: $id, version: $version, status: ACTIVE) { status } }`, network);
const services = (enrolmentId: string) =>
  t.owner.query(`SELECT status, delivery, hours, amount::text, service_date::text AS date FROM recipient_services WHERE enrolment_id = $1 ORDER BY created_at, hours`, [enrolmentId]);

test('the template names the columns in order', async () => {
  expect(await must(t, tenant.editor, `{ importColumns(kind: SERVICES) }`)).toEqual(HEADER.split(';'));
});

test('every bad row is reported on its column in Italian; the dry run writes nothing and the import writes exactly the valid rows', async () => {
  const network = await fase2Network();
  const outsider = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR');
  const other = await newTenant(t);
  const foreign = await createNetwork(t, other.editor, ref);
  const { code } = network;
  const reference = network.enrolment.reference;
  const csv = [
    HEADER,
    `${code};${reference.toLowerCase()};COACHING;${network.lead.taxCode};Individuale;01/04/2021;4;Pianificato;120,00`,
    `${code};${network.enrolment.id};FORMAZIONE_SPECIALIZZATA_VOUCHER;${network.lead.taxCode};GROUP;02/04/2021;40;DELIVERED;`,
    `${foreign.code};${reference};COACHING;${network.lead.taxCode};;01/04/2021;1;;10`,
    `${code};ZZZZZZZZ;COACHING;${network.lead.taxCode};;01/04/2021;1;;10`,
    `${code};${reference};NON_ESISTE;${network.lead.taxCode};;01/04/2021;1;;10`,
    `${code};${reference};COACHING;${outsider.taxCode};;01/04/2021;1;;10`,
    `${code};${reference};COACHING;${network.lead.taxCode};;31/02/2021;1;;10`,
    `${code};${reference};COACHING;${network.lead.taxCode};;01/04/2021;10001;;10`,
    `${code};${reference};COACHING;${network.lead.taxCode};;01/04/2021;;;10`,
    `${code};${reference};COACHING;${network.lead.taxCode};a domicilio;01/04/2021;1;;10`,
    `${code};${reference};COACHING;${network.lead.taxCode};;01/04/2021;1;;dieci`,
    `${code};${reference};COACHING;${network.lead.taxCode};;01/04/2021;1;;`,
  ].join('\n');

  const before = await countRows(t, 'recipient_services', 'tenant_id = $1', [tenant.id]);
  const preview = await must(t, tenant.editor, IMPORT, { csv, dryRun: true });
  expect(preview).toMatchObject({ kind: 'SERVICES', dryRun: true, total: 12, valid: 2, imported: 0 });
  expect(preview.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).toEqual([
    [4, 'networkCode', 'unknownValue'],
    [5, 'enrolmentReference', 'unknownValue'],
    [6, 'serviceTypeCode', 'unknownValue'],
    [7, 'partnerTaxCode', 'refused'],
    [8, 'serviceDate', 'isoDate'],
    [9, 'hours', 'max'],
    [10, 'hours', 'required'],
    [11, 'delivery', 'isEnum'],
    [12, 'amount', 'isAmount'],
    [13, 'amount', 'refused'],
  ]);
  const message = (line: number) => preview.errors.find((e: { line: number }) => e.line === line).message;
  expect(message(4)).toBe(`Rete ${foreign.code} non trovata tra le reti del tuo ente`);
  expect(message(7)).toBe('Il soggetto che eroga il servizio non è membro della rete.');
  expect(message(13)).toBe("Indicare l'importo: il servizio non ha un costo standard.");
  expect(await countRows(t, 'recipient_services', 'tenant_id = $1', [tenant.id])).toBe(before);
  expect(await countRows(t, 'recipient_services', 'tenant_id = $1', [other.id])).toBe(0);

  const imported = await must(t, tenant.editor, IMPORT, { csv, dryRun: false });
  expect(imported).toMatchObject({ dryRun: false, total: 12, valid: 2, imported: 2 });
  expect(imported.errors).toEqual(preview.errors);
  expect(await services(network.enrolment.id)).toEqual([
    { status: 'PLANNED', delivery: 'INDIVIDUAL', hours: 4, amount: '120.00', date: '2021-04-01' },
    { status: 'DELIVERED', delivery: 'GROUP', hours: 40, amount: '2000.00', date: '2021-04-02' },
  ]);
});

test('on an active network rows count in order: up to the hour cap they are kept, the row past it is refused with the rule', async () => {
  const network = await fase2Network();
  await activate(network);
  const row = (hours: number, status = 'PLANNED') => `${network.code};${network.enrolment.reference};COACHING;${network.lead.taxCode};;01/04/2021;${hours};${status};${hours * 30}`;
  // COACHING has a cap of 10 hours per recipient: 4 + 6 reach it, one more hour passes it.
  const csv = [HEADER, row(4), row(6), row(1), row(10, 'DELIVERED'), row(0, 'DELIVERED')].join('\n');
  const expected = [[4, 'rules', 'ruleViolation', '1 destinatario: un servizio supera il massimo di 10 ore (11).']];
  const shape = (report: { errors: { line: number; field: string; code: string; message: string }[] }) => report.errors.map((e) => [e.line, e.field, e.code, e.message]);

  const preview = await must(t, tenant.editor, IMPORT, { csv, dryRun: true });
  expect(preview).toMatchObject({ total: 5, valid: 4, imported: 0 });
  expect(shape(preview)).toEqual(expected);
  expect(await services(network.enrolment.id)).toEqual([]);

  const imported = await must(t, tenant.editor, IMPORT, { csv, dryRun: false });
  expect(imported).toMatchObject({ total: 5, valid: 4, imported: 4 });
  expect(shape(imported)).toEqual(expected);
  expect((await services(network.enrolment.id)).map((s: { hours: number }) => s.hours)).toEqual([0, 4, 6, 10]);
  const [plan] = (await must(t, tenant.editor, `query($id: ID!) { recipientEnrolment(id: $id) { plan { plannedHours deliveredHours maxHours hoursLeft } } }`, { id: network.enrolment.id })).plan;
  expect(plan).toEqual({ plannedHours: 10, deliveredHours: 10, maxHours: 10, hoursLeft: 0 });
});

test("another tenant's network, enrolment and partners are unknown, even by full id", async () => {
  const network = await fase2Network();
  const other = await newTenant(t);
  const csv = [HEADER, `${network.code};${network.enrolment.id};COACHING;${network.lead.taxCode};;01/04/2021;1;;10`].join('\n');
  const report = await must(t, other.editor, IMPORT, { csv, dryRun: false });
  expect(report).toMatchObject({ total: 1, valid: 0, imported: 0 });
  expect(report.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([['networkCode', 'unknownValue'], ['partnerTaxCode', 'unknownValue']]);
  expect(await countRows(t, 'recipient_services', 'enrolment_id = $1', [network.enrolment.id])).toBe(0);
});

test('a file without a required column or with too many rows is refused as a whole, and analysts may not import', async () => {
  const network = await fase2Network();
  const csv = ['codice_rete;riferimento_iscrizione;codice_servizio;data;ore', `${network.code};${network.enrolment.reference};COACHING;01/04/2021;1`].join('\n');
  const missing = await t.gql(tenant.editor, IMPORT, { csv, dryRun: true });
  expectError(missing, 'BAD_USER_INPUT', 'csv');
  expect(missing.errors![0].message).toContain('cf_soggetto_erogatore');
  expectError(await t.gql(tenant.analyst, IMPORT, { csv: HEADER, dryRun: true }), 'FORBIDDEN');
  const row = `${network.code};${network.enrolment.reference};COACHING;${network.lead.taxCode};;01/04/2021;0;;0`;
  const tooLong = await t.gql(tenant.editor, IMPORT, { csv: [HEADER, ...Array(MAX_SERVICE_ROWS + 1).fill(row)].join('\n'), dryRun: true });
  expectError(tooLong, 'BAD_USER_INPUT', 'csv');
  expect(tooLong.errors![0].message).toBe(`Al massimo ${MAX_SERVICE_ROWS} righe per file`);
  expect(tooLong.errors![0].extensions).toMatchObject({ limit: 'rows', max: MAX_SERVICE_ROWS, messageEn: `At most ${MAX_SERVICE_ROWS} rows per file` });
});
