import { newTenant, startTestApp, TestApp } from '../helpers/app';
import { startHttpApp } from '../helpers/http';
import { createPartner, orgTaxCode, referenceIds, ReferenceIds } from '../helpers/factories';

let t: TestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startTestApp();
  ref = await referenceIds(t);
});
afterAll(() => t.close());

const IMPORT = `mutation($kind: ImportKind!, $csv: String!, $dryRun: Boolean!) {
  importCsv(kind: $kind, csv: $csv, dryRun: $dryRun) { total valid imported errors { line field code message } } }`;

const count = async (table: string, tenantId: string) =>
  (await t.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId]))[0].n as number;

test('partners: the dry run shows each bad row with its error and writes nothing; the import writes the rest in one go', async () => {
  const tenant = await newTenant(t);
  const already = await createPartner(t, tenant.editor, ref);
  const good = [orgTaxCode(), orgTaxCode(), orgTaxCode()];
  const csv = [
    'ragione_sociale;codice_fiscale;tipo;comune_istat;accreditato_lavoro;email',
    `"Operatore Uno, s.r.l.";${good[0]};LABOUR_OPERATOR;015182;sì;uno@example.it`,
    `Codice sbagliato;08911820961;CPI;015182;no;`,
    `Comune ignoto;${orgTaxCode()};CPI;999999;no;`,
    `Operatore Due;${good[1]};Ente locale;Rho;no;`,
    `Doppione nel file;${good[1]};CPI;015182;no;`,
    `Già presente;${already.taxCode};CPI;015182;no;`,
    `Operatore Tre;${good[2]};TRADE_UNION;;no;tre@example.it`,
  ].join('\n');

  const before = await count('partners', tenant.id);
  const preview = await t.gql(tenant.editor, IMPORT, { kind: 'PARTNERS', csv, dryRun: true });
  expect(preview.errors).toBeUndefined();
  expect(preview.data!.importCsv).toMatchObject({ total: 7, valid: 3, imported: 0 });
  expect(preview.data!.importCsv.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).toEqual([
    [3, 'taxCode', 'isTaxCode'],
    [4, 'municipalityId', 'unknownValue'],
    [6, 'taxCode', 'repeatedInFile'],
    [7, 'taxCode', 'alreadyExists'],
  ]);
  expect(await count('partners', tenant.id)).toBe(before);

  const result = await t.gql(tenant.editor, IMPORT, { kind: 'PARTNERS', csv, dryRun: false });
  expect(result.data!.importCsv).toMatchObject({ total: 7, valid: 3, imported: 3 });
  const rows = await t.owner.query('SELECT legal_name, labour_accredited, email FROM partners WHERE tenant_id = $1 AND tax_code = ANY($2) ORDER BY legal_name', [tenant.id, good]);
  expect(rows).toEqual([
    { legal_name: 'Operatore Due', labour_accredited: false, email: null },
    { legal_name: 'Operatore Tre', labour_accredited: false, email: 'tre@example.it' },
    { legal_name: 'Operatore Uno, s.r.l.', labour_accredited: true, email: 'uno@example.it' },
  ]);
});

test('crisis companies import with English headers and comma separators', async () => {
  const tenant = await newTenant(t);
  const csv = [
    'name,taxCode,ateco,municipality,crisisInstrument,workersInvolved,expectedRedundancies,unionAgreementOn',
    `Meccanica Srl,${orgTaxCode()},25,015182,cigs,40,12,2022-09-15`,
    `Senza strumento,${orgTaxCode()},25,015182,,40,12,`,
    `Data errata,${orgTaxCode()},25,015182,CIGD,10,2,2022-02-30`,
  ].join('\n');
  const result = await t.gql(tenant.editor, IMPORT, { kind: 'CRISIS_COMPANIES', csv, dryRun: false });
  expect(result.data!.importCsv).toMatchObject({ total: 3, valid: 1, imported: 1 });
  expect(result.data!.importCsv.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code])).toEqual([
    [3, 'crisisInstrument', 'isEnum'],
    [4, 'unionAgreementOn', 'isoDate'],
  ]);
  expect(await count('crisis_companies', tenant.id)).toBe(1);
});

test('5,000 rows import in one request, and analysts may not import', async () => {
  const tenant = await newTenant(t);
  const lines = ['ragione_sociale;codice_fiscale;tipo'];
  for (let i = 0; i < 5000; i++) lines.push(`Soggetto ${i};${orgTaxCode()};OTHER`);
  const result = await t.gql(tenant.editor, IMPORT, { kind: 'PARTNERS', csv: lines.join('\n'), dryRun: false });
  expect(result.data!.importCsv).toMatchObject({ total: 5000, valid: 5000, imported: 5000, errors: [] });
  expect(await count('partners', tenant.id)).toBe(5000);

  const refused = await t.gql(tenant.analyst, IMPORT, { kind: 'PARTNERS', csv: lines.slice(0, 2).join('\n'), dryRun: true });
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

test('errors name the line of the file, even after blank lines and cells that span lines', async () => {
  const tenant = await newTenant(t);
  const csv = ['ragione_sociale;codice_fiscale;tipo', '', `"Nome su\ndue righe";${orgTaxCode()};OTHER`, '', `Sbagliato;12345678901;OTHER`].join('\n');
  const result = await t.gql(tenant.editor, IMPORT, { kind: 'PARTNERS', csv, dryRun: true });
  expect(result.data!.importCsv.errors.map((e: { line: number }) => e.line)).toEqual([6]);
});

test('the template columns come from the API', async () => {
  const tenant = await newTenant(t);
  const columns = await t.gql(tenant.editor, `query { importColumns(kind: CRISIS_COMPANIES) }`);
  expect(columns.data!.importColumns).toEqual(['ragione_sociale', 'codice_fiscale', 'ateco', 'filiera', 'comune_istat', 'strumento', 'lavoratori_coinvolti', 'esuberi_previsti', 'data_accordo']);
});

test('a file over the request limit is refused with a typed error', async () => {
  const http = await startHttpApp();
  try {
    const tenant = await newTenant(http);
    const editor = await http.signUp('EDITOR', tenant.id);
    const huge = 'x'.repeat(11 * 1024 * 1024);
    const result = await http.post(IMPORT, { kind: 'PARTNERS', csv: huge, dryRun: true }, { token: editor.token });
    expect(result.status).toBe(413);
    expect(result.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
  } finally {
    await http.close();
  }
});
