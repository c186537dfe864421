import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { admin } from '../helpers/app';
import { HttpTestApp, startHttpApp } from '../helpers/http';
import { must, uniqueCode } from '../helpers/factories';

let t: HttpTestApp;
let analyst: { token: string };
beforeAll(async () => {
  t = await startHttpApp();
  analyst = await t.signUp('ANALYST', null);
});
afterAll(() => t.close());

async function download(path: string) {
  const response = await fetch(new URL(path, t.url), { headers: { authorization: `Bearer ${analyst.token}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const rowsOf = (body: Buffer) => parseCsv(body.toString('utf8'), { bom: true, delimiter: ';' }) as string[][];
const filtered = (resource: string, filter: Record<string, unknown>, format = 'csv') =>
  download(`/export/${resource}.${format}?${new URLSearchParams({ filter: JSON.stringify(filter) })}`);

test('municipalities export every row, past the 1,000 of the old client export, with the province named beside its plate', async () => {
  const [{ count }] = await t.owner.query('SELECT count(*)::int AS count FROM municipalities');
  expect(count).toBeGreaterThan(1000);
  const file = await download('/export/municipalities.csv?sort=name');
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = rowsOf(file);
  expect(header).toEqual(['Nome', 'Codice ISTAT', 'Sigla provincia', 'Provincia']);
  expect(rows).toHaveLength(count);
  const [province] = await t.owner.query(`SELECT p.name FROM provinces p JOIN municipalities m ON m.province_id = p.id WHERE m.istat_code = '015146'`);
  expect(rows.find((row) => row[1] === '015146')).toEqual(['Milano', '015146', 'MI', province.name]);

  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.load((await download('/export/municipalities.xlsx')) as unknown as ArrayBuffer);
  expect(xlsx.worksheets[0].rowCount).toBe(count + 1);
  expect(xlsx.worksheets[0].getRow(1).values).toEqual([undefined, 'Nome', 'Codice ISTAT', 'Sigla provincia', 'Provincia']);
});

test('fund sources export money as 1.234,56 and days as dd/mm/yyyy; XLSX keeps them a number and a date', async () => {
  const code = uniqueCode('FONTE');
  await must(t, admin, `mutation($input: CreateFundSourceInput!) { createFundSource(input: $input) { id } }`, {
    input: { code, name: 'Fondo di prova', budget: '1234567.8', availableFrom: '2026-03-01', measureCodes: ['GOL', 'FASE_II'] },
  });
  const [header, row, ...rest] = rowsOf(await filtered('fundSources', { q: code }));
  expect(rest).toEqual([]);
  expect(header).toEqual(['Codice', 'Nome', 'Programma', 'Dotazione', 'Impegnato', 'Disponibile', 'Disponibile dal', 'Disponibile fino al', 'Misure finanziabili']);
  expect(row).toEqual([code, 'Fondo di prova', '', '1.234.567,80', '0,00', '1.234.567,80', '01/03/2026', '', 'GOL, FASE_II']);

  const xlsx = new ExcelJS.Workbook();
  await xlsx.xlsx.load((await filtered('fundSources', { q: code }, 'xlsx')) as unknown as ArrayBuffer);
  const cells = xlsx.worksheets[0].getRow(2);
  expect([cells.getCell(4).value, cells.getCell(7).value, cells.getCell(7).numFmt]).toEqual([1234567.8, new Date('2026-03-01T00:00:00Z'), 'dd/mm/yyyy']);
});

test('measures, services, tiers, ATECO codes, provinces and partner types export labels, not codes, with the measure named beside its code', async () => {
  const [measure] = await t.owner.query(`SELECT id, code, name FROM measures WHERE 'MIN_PARTNERS' = ANY(rules) ORDER BY code LIMIT 1`);
  const [measureHeader, ...measures] = rowsOf(await filtered('measures', { q: measure.code }));
  expect(measureHeader).toEqual(['Codice', 'Nome', 'Atto', 'Aperta dal', 'Aperta fino al', 'Regole applicate']);
  expect(measures.find((row) => row[0] === measure.code)![5]).toContain('Numero minimo di soggetti');

  const [serviceHeader, service] = rowsOf(await filtered('serviceTypes', { measureId: measure.id }));
  expect(serviceHeader.slice(0, 2)).toEqual(['Codice misura', 'Misura']);
  expect(service.slice(0, 2)).toEqual([measure.code, measure.name]);
  expect(['Accesso', 'Orientamento e formazione', 'Accompagnamento intensivo', 'Formazione a voucher']).toContain(service[serviceHeader.indexOf('Categoria')]);

  const [tierHeader, tier] = rowsOf(await filtered('fundingTiers', { measureId: measure.id }));
  expect(tierHeader).toEqual(['Codice misura', 'Misura', 'Destinatari da', 'Destinatari fino a', 'Contributo massimo']);
  expect(tier[4]).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}$/);

  const [, section] = rowsOf(await filtered('atecoSectors', { q: 'C', level: 'SECTION' }));
  expect(section[2]).toBe('Sezione');

  const [, ...provinces] = rowsOf(await download('/export/provinces.csv'));
  expect(provinces.find((row) => row[1] === 'MI')![4]).toBe('Città metropolitana');

  const [partnerTypeHeader, ...partnerTypes] = rowsOf(await download('/export/partnerTypes.csv?locale=en'));
  expect(partnerTypeHeader).toEqual(['Code', 'Name']);
  expect(partnerTypes.map((row) => row[0])).toContain('CPI');
});
