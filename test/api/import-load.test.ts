import { spawn } from 'node:child_process';
import { organisationCheckDigit } from '../../server/src/common/tax-code';
import { GqlResult, newTenant } from '../helpers/app';
import { countRows } from '../helpers/factories';
import { HttpTestApp, send, SignedInUser, startHttpApp } from '../helpers/http';

/**
 * An import, however large, must not hold up everyone else: other requests' latency while the
 * largest allowed file is imported, and while files over the limits are refused, is compared with
 * the same requests' latency on an idle server (a ratio: the machine's speed and load cancel out).
 */

let t: HttpTestApp;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let editor: SignedInUser;
beforeAll(async () => {
  t = await startHttpApp();
  tenant = await newTenant(t);
  editor = await t.signUp('EDITOR', tenant.id);
});
afterAll(() => t.close());

const IMPORT = `mutation($kind: ImportKind!, $csv: String!, $dryRun: Boolean!) {
  importCsv(kind: $kind, csv: $csv, dryRun: $dryRun) { total valid imported errors { line field code } } }`;

/** The request's body, built before any measuring: this process also serves the requests. */
const importBody = (kind: string, csv: string, dryRun = false) => JSON.stringify({ query: IMPORT, variables: { kind, csv, dryRun } });

async function importFile(kind: string, csv: string, dryRun = false): Promise<{ status: number; body: GqlResult }> {
  return send(new URL(t.url), { body: importBody(kind, csv, dryRun), headers: { authorization: `Bearer ${editor.token}` } }).then(({ status, text }) => ({ status, body: JSON.parse(text) }));
}
const sendBody = async (body: string) => JSON.parse((await send(new URL(t.url), { body, headers: { authorization: `Bearer ${editor.token}` } })).text) as GqlResult;

/**
 * Another client, in a process of its own so that a blocked event loop here cannot hold it back:
 * it asks GET /healthz again as soon as each answer arrives, until told to stop, and reports each
 * request's latency.
 */
const SAMPLER = `
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const url = new URL(process.argv[1]);
const latencies = [];
let stopping = false;
const next = () => {
  if (stopping) return void process.stdout.write(JSON.stringify(latencies), () => process.exit(0));
  const start = performance.now();
  http.get({ host: url.hostname, port: url.port, path: '/healthz', agent: false }, (res) => {
    res.resume();
    res.on('end', () => { latencies.push(performance.now() - start); next(); });
  }).on('error', () => setTimeout(next, 10));
};
process.stdin.on('data', () => { stopping = true; });
process.stdout.write('ready\\n');
next();
`;

/**
 * The latency that a request sent at a random moment meets: each request is weighed by how long
 * it took, the time it covered, so that a block of the event loop counts for as long as it lasts
 * rather than as the one request it held up.
 */
function timeWeightedMedian(latencies: number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  const half = sorted.reduce((sum, l) => sum + l, 0) / 2;
  let covered = 0;
  for (const latency of sorted) {
    covered += latency;
    if (covered >= half) return latency;
  }
  return sorted.at(-1)!;
}

/** The time-weighted median latency of the other client's requests while `work` runs. */
async function latencyDuring(work: () => Promise<void>): Promise<{ median: number; samples: number }> {
  const child = spawn(process.execPath, ['-e', SAMPLER, t.url], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  await new Promise<void>((resolve) => child.stdout.on('data', function ready(chunk: string) {
    output += chunk;
    if (output.includes('ready')) {
      output = '';
      child.stdout.off('data', ready);
      resolve();
    }
  }));
  child.stdout.on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await work();
  } finally {
    child.stdin.write('stop');
    await exited;
  }
  const latencies = JSON.parse(output) as number[];
  return { median: timeWeightedMedian(latencies), samples: latencies.length };
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `count` valid partner rows with every column filled, each with its own tax code. */
function partnerRows(count: number): string[] {
  const prefix = String(Date.now() % 1e4).padStart(4, '0');
  const lines = ['ragione_sociale;codice_fiscale;tipo;comune_istat;accreditato_lavoro;albo_lavoro;indirizzo;email;telefono'];
  for (let i = 0; i < count; i++) {
    const body = prefix + String(i).padStart(6, '0');
    lines.push(`Soggetto di prova numero ${i} società cooperativa sociale;${body}${organisationCheckDigit(body)};OTHER;015146;no;;Via dei Partner ${i}, Milano;p${i}@example.it;02 1234 ${i}`);
  }
  return lines;
}

const SERVICES_HEADER = 'codice_rete;riferimento_iscrizione;codice_servizio;cf_soggetto_erogatore;modalita;data;ore;stato;importo';

test('other requests stay fast while the largest allowed file is imported and while files over the limits are refused', async () => {
  const largest = importBody('PARTNERS', partnerRows(20_000).join('\n'), true);
  // 250,001 short rows: 1.25 MB, refused by size; 250,001 rows of one character, 0.5 MB, refused by count.
  const oversize = [importBody('SERVICES', [SERVICES_HEADER, ...Array(250_001).fill('R;X;')].join('\n')), importBody('SERVICES', [SERVICES_HEADER, ...Array(250_001).fill('R')].join('\n'))];
  const idle = await latencyDuring(() => pause(1500));

  const whileImporting = await latencyDuring(async () => {
    const result = await sendBody(largest);
    expect(result.errors).toBeUndefined();
    expect(result.data!.importCsv).toMatchObject({ total: 20_000, valid: 20_000 });
  });
  const whileRefusing = await latencyDuring(async () => {
    // Several in a row, so that the other client has time to send a few requests even if each is refused at once.
    for (let i = 0; i < 3; i++) for (const body of oversize) expect((await sendBody(body)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  console.log(`/healthz time-weighted p50 (samples): idle ${idle.median.toFixed(1)} ms (${idle.samples}); ` +
    `importing 20,000 partners ${whileImporting.median.toFixed(1)} ms (${whileImporting.samples}); refusing 250,001 rows ${whileRefusing.median.toFixed(1)} ms (${whileRefusing.samples})`);
  // Generous for a shared, noisy machine: a blocked event loop shows as seconds.
  const bound = 5 * idle.median + 40;
  expect(whileImporting.median).toBeLessThan(bound);
  expect(whileRefusing.median).toBeLessThan(bound);
}, 240_000);

test('a file over its kind\'s row limit is refused as a whole with a typed error, before anything is written', async () => {
  const before = { partners: await countRows(t, 'partners', 'tenant_id = $1', [tenant.id]), services: await countRows(t, 'recipient_services', 'tenant_id = $1', [tenant.id]) };

  // 250,001 rows of one character each are under the byte limit: parsing stops at row 1,001.
  const services = await importFile('SERVICES', [SERVICES_HEADER, ...Array(250_001).fill('R')].join('\n'));
  expect(services.status).toBe(200);
  expect(services.body.errors?.[0]).toMatchObject({
    message: 'Al massimo 1000 righe per file',
    extensions: { code: 'BAD_USER_INPUT', field: 'csv', limit: 'rows', max: 1000, messageEn: 'At most 1000 rows per file' },
  });

  const partners = await importFile('PARTNERS', partnerRows(20_001).join('\n'));
  expect(partners.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'csv', limit: 'rows', max: 20_000 } });
  // A services file larger than 1,000 rows may take is refused before it is read.
  const wide = await importFile('SERVICES', [SERVICES_HEADER, ...Array(900).fill(`R;X;C;1;;1;1;;${'9'.repeat(600)}`)].join('\n'));
  expect(wide.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'csv', limit: 'bytes', max: 512_000 } });
  const long = await importFile('SERVICES', [SERVICES_HEADER, ...Array(250_001).fill('R;X;C;1;;1;1;;')].join('\n'));
  expect(long.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'csv', limit: 'bytes' } });

  expect(await countRows(t, 'partners', 'tenant_id = $1', [tenant.id])).toBe(before.partners);
  expect(await countRows(t, 'recipient_services', 'tenant_id = $1', [tenant.id])).toBe(before.services);
}, 120_000);
