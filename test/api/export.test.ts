import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { newTenant } from '../helpers/app';
import { HttpTestApp, startHttpApp } from '../helpers/http';
import { createCrisisCompany, createNetwork, createPartner, must, orgTaxCode, referenceIds, ReferenceIds } from '../helpers/factories';

let t: HttpTestApp;
let ref: ReferenceIds;
beforeAll(async () => {
  t = await startHttpApp(undefined, { exportMaxRows: 1500 });
  ref = await referenceIds(t);
});
afterAll(() => t.close());

async function download(path: string, token?: string) {
  const response = await fetch(new URL(path, t.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: Buffer.from(await response.arrayBuffer()) };
}

const rowsOf = (body: Buffer) => parseCsv(body.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
const query = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();

const IMPORT = `mutation($kind: ImportKind!, $csv: String!, $dryRun: Boolean!) {
  importCsv(kind: $kind, csv: $csv, dryRun: $dryRun) { total valid imported errors { line field code message } } }`;

test('partners export as an Italian spreadsheet: BOM, «;», screen labels, names beside codes, sì/no, formulas neutralised, filter and sort of the list', async () => {
  const tenant = await newTenant(t);
  const editor = await t.signUp('EDITOR', tenant.id);
  await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: 'Alfa Lavoro', municipalityId: ref.municipality('015146'), phone: '+39 02 1234567' });
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: '=HYPERLINK("http://x")' });
  await createPartner(t, tenant.editor, ref, 'TRADE_UNION', { legalName: 'Zeta Sindacato' });

  const file = await download(`/export/partners.csv?${query({ sort: 'legalName', order: 'DESC' })}`, editor.token);
  expect(file.status).toBe(200);
  expect(file.type).toContain('text/csv');
  expect(file.disposition).toMatch(/attachment; filename="?reti-partners-\d{4}-\d{2}-\d{2}\.csv/);
  expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = rowsOf(file.body);
  expect(header.slice(0, 6)).toEqual(['Denominazione', 'Codice fiscale / Partita IVA', 'Codice tipologia', 'Tipologia di soggetto', 'Codice ISTAT del comune', 'Comune']);
  expect(rows.map((r) => r[0])).toEqual(['Zeta Sindacato', 'Alfa Lavoro', `'=HYPERLINK("http://x")`]);
  const alfa = rows[1];
  expect(alfa.slice(2, 6)).toEqual(['LABOUR_OPERATOR', expect.stringMatching(/\S/), '015146', 'Milano']);
  expect(alfa[header.indexOf('Telefono')]).toBe(`'+39 02 1234567`);
  expect(alfa[header.indexOf('Accreditato ai servizi al lavoro')]).toBe('sì');
  expect(rows[0][header.indexOf('Accreditato ai servizi al lavoro')]).toBe('no');

  const filtered = rowsOf((await download(`/export/partners.csv?${query({ filter: { q: 'alfa' } })}`, editor.token)).body);
  expect(filtered.slice(1).map((r) => r[0])).toEqual(['Alfa Lavoro']);

  // Imported into another office, the same file gives the same partners.
  const other = await newTenant(t);
  const report = await t.gql(other.editor, IMPORT, { kind: 'PARTNERS', csv: file.body.toString('utf8'), dryRun: false });
  expect(report.data!.importCsv).toMatchObject({ total: 3, valid: 3, imported: 3, errors: [] });
  const copied = await t.owner.query(
    `SELECT p.legal_name, p.phone, p.labour_accredited, t.code AS type, m.istat_code FROM partners p JOIN partner_types t ON t.id = p.partner_type_id
     LEFT JOIN municipalities m ON m.id = p.municipality_id WHERE p.tenant_id = $1 ORDER BY p.legal_name`,
    [other.id],
  );
  expect(copied).toEqual([
    { legal_name: '=HYPERLINK("http://x")', phone: null, labour_accredited: false, type: 'CPI', istat_code: null },
    { legal_name: 'Alfa Lavoro', phone: '+39 02 1234567', labour_accredited: true, type: 'LABOUR_OPERATOR', istat_code: '015146' },
    { legal_name: 'Zeta Sindacato', phone: null, labour_accredited: false, type: 'TRADE_UNION', istat_code: null },
  ]);
});

/** No piece of a line, split on commas as a program that ignores quotes would, starts a formula. */
const formulaAfterComma = (text: string) =>
  text.split('\r\n').flatMap((line) => line.split(',')).map((piece) => piece.replace(/^[\s"]+/, '')).filter((piece) => /^[=+\-@]/.test(piece));

test('in both locales a cell holding a comma or a separator is quoted, and a formula after a separator is neutralised; the file imports back as it was', async () => {
  const tenant = await newTenant(t);
  const editor = await t.signUp('EDITOR', tenant.id);
  const names = ['Acme,=1+2', 'Beta; @SUM(1)', 'Gamma, +39 02 1234567', "Delta,'=already"];
  for (const legalName of names) await createPartner(t, tenant.editor, ref, 'CPI', { legalName });
  const network = await createNetwork(t, tenant.editor, ref, { title: 'Rete, -1+2' });
  await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '1234.5', allocatedOn: '2024-03-01', kind: 'PROCESS' },
  });

  for (const locale of ['it', 'en']) {
    const partners = (await download(`/export/partners.csv?sort=legalName&locale=${locale}`, editor.token)).body.toString('utf8');
    expect(partners).toContain(`\r\n"Acme,'=1+2";`);
    expect(partners).toContain(`\r\n"Beta; '@SUM(1)";`);
    expect(formulaAfterComma(partners)).toEqual([]);
    expect(rowsOf(Buffer.from(partners)).slice(1).map((r) => r[0])).toEqual(["Acme,'=1+2", "Beta; '@SUM(1)", "Delta,''=already", "Gamma, '+39 02 1234567"]);

    const allocations = (await download(`/export/allocations.csv?locale=${locale}`, editor.token)).body.toString('utf8');
    expect(allocations).toContain(`;"Rete, '-1+2";`);
    expect(allocations).toContain(locale === 'en' ? ';"1,234.50";' : ';"1.234,50";');
    expect(formulaAfterComma(allocations)).toEqual([]);

    const other = await newTenant(t);
    const report = await t.gql(other.editor, IMPORT, { kind: 'PARTNERS', csv: partners, dryRun: false });
    expect(report.data!.importCsv).toMatchObject({ total: 4, valid: 4, imported: 4, errors: [] });
    const copied = await t.owner.query('SELECT legal_name FROM partners WHERE tenant_id = $1 ORDER BY legal_name', [other.id]);
    expect(copied.map((r: { legal_name: string }) => r.legal_name)).toEqual([...names].sort());
  }
});

test('companies in crisis export dd/mm/yyyy dates and instrument labels, and import back as they were', async () => {
  const tenant = await newTenant(t);
  const analyst = await t.signUp('ANALYST', tenant.id);
  await createCrisisCompany(t, tenant.editor, ref, { name: 'Meccanica Srl', crisisInstrument: 'COLLECTIVE_DISMISSAL', unionAgreementOn: '2022-09-15', workersInvolved: 1200 });
  const file = await download('/export/crisisCompanies.csv', analyst.token);
  const [header, row] = rowsOf(file.body);
  expect(row[header.indexOf('Strumento di crisi')]).toBe('Licenziamento collettivo');
  expect(row[header.indexOf('Data dell’accordo sindacale')]).toBe('15/09/2022');
  expect(row[header.indexOf('Lavoratori coinvolti')]).toBe('1200');

  const other = await newTenant(t);
  const report = await t.gql(other.editor, IMPORT, { kind: 'CRISIS_COMPANIES', csv: file.body.toString('utf8'), dryRun: false });
  expect(report.data!.importCsv).toMatchObject({ valid: 1, imported: 1, errors: [] });
  const [copy] = await t.owner.query('SELECT crisis_instrument, union_agreement_on::text AS day, workers_involved FROM crisis_companies WHERE tenant_id = $1', [other.id]);
  expect(copy).toEqual({ crisis_instrument: 'COLLECTIVE_DISMISSAL', day: '2022-09-15', workers_involved: 1200 });
});

test('allocations: amounts in the locale, network and fund named, XLSX typed as dates and numbers', async () => {
  const tenant = await newTenant(t);
  const editor = await t.signUp('EDITOR', tenant.id);
  const network = await createNetwork(t, tenant.editor, ref, { title: 'Rete Brianza' });
  await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '12345.5', allocatedOn: '2024-03-01', kind: 'PROCESS' },
  });
  const [header, row] = rowsOf((await download('/export/allocations.csv', editor.token)).body);
  expect(header).toEqual(['Codice rete', 'Rete', 'Codice fonte', 'Fonte di finanziamento', 'Importo', 'Data', 'Tipo', 'Stato', 'Nota']);
  expect(row.slice(0, 8)).toEqual([network.code, 'Rete Brianza', 'AZIONI_RETE', expect.stringMatching(/\S/), '12.345,50', '01/03/2024', 'Servizi a processo', 'Impegnata']);

  const [enHeader, enRow] = rowsOf((await download('/export/allocations.csv?locale=en', editor.token)).body);
  expect([enHeader[4], enRow[4], enRow[6]]).toEqual(['Amount', '12,345.50', 'Process services']);

  const xlsx = await download('/export/allocations.xlsx', editor.token);
  expect(xlsx.type).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).getCell(5).value).toBe('Importo');
  expect(sheet.getRow(2).getCell(5).value).toBe(12345.5);
  expect(sheet.getRow(2).getCell(6).value).toEqual(new Date('2024-03-01T00:00:00Z'));
  expect(sheet.getRow(2).getCell(6).numFmt).toBe('dd/mm/yyyy');
});

test('every row up to the cap, read through the cursor in batches; beyond the cap a clear refusal before any byte', async () => {
  const tenant = await newTenant(t);
  const editor = await t.signUp('EDITOR', tenant.id);
  const insert = (count: number) =>
    t.owner.query(
      `INSERT INTO partners (tenant_id, legal_name, tax_code, partner_type_id)
       SELECT $1, 'Bulk ' || lpad(i::text, 5, '0'), lpad(i::text, 11, '0'), $2 FROM generate_series(1, $3) AS i`,
      [tenant.id, ref.partnerType('CPI'), count],
    );
  await insert(1200);
  const rows = rowsOf((await download('/export/partners.csv?sort=legalName', editor.token)).body).slice(1);
  expect(rows).toHaveLength(1200);
  expect(rows[0][0]).toBe('Bulk 00001');
  expect(rows[1199][0]).toBe('Bulk 01200');

  await t.owner.query('DELETE FROM partners WHERE tenant_id = $1', [tenant.id]);
  await insert(1501);
  const refused = await download('/export/partners.xlsx', editor.token);
  expect(refused.status).toBe(400);
  expect(JSON.parse(refused.body.toString())).toMatchObject({ error: 'BAD_USER_INPUT', field: 'filter', max: 1500, total: 1501 });
});

test('exports need a signed-in caller and refuse unknown resources, filters and sort fields', async () => {
  expect((await download('/export/partners.csv')).status).toBe(401);
  const analyst = await t.signUp('ANALYST', null);
  const status = async (path: string) => (await download(path, analyst.token)).status;
  expect(await status('/export/users.csv')).toBe(400);
  expect(await status('/export/partners.pdf')).toBe(400);
  expect(await status(`/export/partners.csv?${query({ filter: { passwordHash: 'x' } })}`)).toBe(400);
  expect(await status(`/export/partners.csv?${query({ filter: { municipalityId: 'not-a-uuid' } })}`)).toBe(400);
  expect(await status('/export/partners.csv?sort=tax_code;DROP')).toBe(400);
  expect(await status(`/export/partners.csv?${query({ filter: { taxCode: orgTaxCode() } })}`)).toBe(200);
});
