import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ListPage } from './pages/list.page';
import { BROWSER_TEST_TIMEOUT, count, useConsole } from './support/console';
import { Tenant, tenantWithAllocations } from './support/registry';

/** What the console costs on first load: a fraction of its scripts, compressed, and a list that loads only its own screen. */

const DIST = path.join(path.resolve(__dirname, '../..'), 'admin/dist');

let tenant: Tenant;
const reti = useConsole({ seed: async (app) => void ({ tenant } = await tenantWithAllocations(app)) });
const { t } = reti;

/** The built file of an asset URL such as /admin/assets/index-abc.js. */
const assetFile = (src: string) => path.join(DIST, src.replace(/^\/admin\//, ''));

function get(target: string, headers: Record<string, string>): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(target, t.url), { headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

test('the first page loads a fraction of the console, and its scripts travel compressed', async () => {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]* src="([^"]+)"/.exec(html)![1];
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((m) => m[1]);
  const scripts = readdirSync(path.join(DIST, 'assets')).filter((file) => file.endsWith('.js'));
  const size = (file: string) => statSync(file).size;
  const total = scripts.reduce((sum, file) => sum + size(path.join(DIST, 'assets', file)), 0);
  const firstPage = [entry, ...preloaded].reduce((sum, src) => sum + size(assetFile(src)), 0);
  // Each resource's screens, the dashboard, the import, the workspace and the API client are chunks of their own.
  expect(scripts.some((file) => /^NetworkShow-/.test(file))).toBe(true);
  expect(scripts.some((file) => /^NetworkEdit-/.test(file))).toBe(true);
  expect(scripts.some((file) => /^Workspace-/.test(file))).toBe(true);
  expect(scripts.some((file) => /^dataProvider-/.test(file))).toBe(true);
  expect(size(assetFile(entry))).toBeLessThan(total * 0.3);
  expect(firstPage).toBeLessThan(total * 0.7);

  const raw = readFileSync(assetFile(entry));
  const brotli = await get(entry, { 'accept-encoding': 'br, gzip' });
  expect(brotli.headers['content-encoding']).toBe('br');
  expect(brotli.body.length).toBeLessThan(raw.length / 2);
  expect(brotliDecompressSync(brotli.body).equals(raw)).toBe(true);
  const gzip = await get(entry, { 'accept-encoding': 'gzip' });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(gzip.body).equals(raw)).toBe(true);
});

test('in the browser, a list opened after signing in loads its own screen, none of the forms and under 75 % of the scripts', async () => {
  const scripts = readdirSync(path.join(DIST, 'assets')).filter((file) => file.endsWith('.js'));
  const total = scripts.reduce((sum, file) => sum + statSync(path.join(DIST, 'assets', file)).size, 0);
  const { session, page } = await reti.openAs('EDITOR', { tenant });
  await session.shot('first-page-weight', async () => {
    // The list opened afresh in the signed-in session, as a bookmark would: the page's resource entries start empty.
    const networks = await new ListPage(session, 'networks').open();
    await count(networks.rows, 3);
    const loaded = await page.evaluate<{ name: string; bytes: number }[]>(
      `performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).map((e) => ({ name: e.name.split('/').pop(), bytes: e.decodedBodySize }))`,
    );
    const bytes = loaded.reduce((sum, script) => sum + script.bytes, 0);
    expect(loaded.some((script) => /^NetworkList-/.test(script.name))).toBe(true);
    expect(loaded.filter((script) => /(Create|Edit)-/.test(script.name))).toEqual([]);
    // React, MUI, react-admin, the router, the GraphQL client and the API's schema are about two thirds
    // of the scripts and every page needs them; the screens, the forms and the charts are the rest.
    expect(bytes).toBeLessThan(total * 0.75);
  });
}, BROWSER_TEST_TIMEOUT);
