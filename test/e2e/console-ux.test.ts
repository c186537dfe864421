import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newTenant } from '../helpers/app';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, seriousViolations, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { draftProposal, passDeadline, publishedCall, SUBMIT } from '../helpers/codesign';
import { createCrisisCompany, createPartner, must, referenceIds, seedNetworks, uniqueCode } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'admin/dist');
/** Generous, so that a loaded machine slows the browser tests down without failing them. */
const BROWSER_TEST_TIMEOUT = 400_000;
const PHONE = { width: 390, height: 844 };

let t: HttpTestApp;
let browser: Browser;
let consoleUrl: string;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let editor: { email: string; password: string };
let analyst: { email: string; password: string };
let administrator: { email: string; password: string };
let networkIds: string[];
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
  consoleUrl = new URL('/admin/', t.url).toString();
  tenant = await newTenant(t);
  editor = await t.signUp('EDITOR', tenant.id);
  analyst = await t.signUp('ANALYST', tenant.id);
  administrator = await t.signUp('ADMIN');
  // Three networks with a committed allocation of € 1.000,00 each (2021), and one more of € 250,50 in 2022.
  networkIds = await seedNetworks(t, tenant.editor, 3);
  const ref = await referenceIds(t);
  await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id } }`, {
    input: { networkId: networkIds[0], fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '250.50', allocatedOn: '2022-01-10', kind: 'RESULT' },
  });
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

beforeEach(async () => {
  context = await newConsoleContext(browser, { acceptDownloads: true });
  page = await context.newPage();
});

afterEach(async () => {
  await context.close();
});

const url = (route: string) => new URL(route, consoleUrl).toString();
const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });
const count = (locator: Locator, n: number) => eventually(async () => expect(await locator.count()).toBe(n));
const cells = (row: Locator) => row.getByRole('cell').allInnerTexts();

/** A page has settled when its title is in the app bar and nothing is loading. */
async function settled(): Promise<void> {
  await visible(page.locator('h1#react-admin-title'));
  // Indeterminate only: a determinate bar, such as a proposal's completeness, is content.
  await eventually(async () => expect(await page.locator('.MuiLinearProgress-indeterminate, .MuiCircularProgress-indeterminate, .MuiSkeleton-root').count()).toBe(0));
}

/** Each page of `routes` once settled: its serious or critical axe violations, and how many <h1> it has. */
async function audit(routes: string[]): Promise<Record<string, { violations: string[]; h1: number }>> {
  const report: Record<string, { violations: string[]; h1: number }> = {};
  for (const route of routes) {
    await page.goto(url(route));
    await settled();
    report[route] = { violations: await seriousViolations(page), h1: await page.locator('h1').count() };
  }
  return report;
}

const clean = (routes: string[]) => Object.fromEntries(routes.map((route) => [route, { violations: [], h1: 1 }]));

test('an analyst builds a grouped analysis, reads its totals row, exports it and shares it as a link', async () => {
  await withScreenshotOnFailure(page, 'analyst-workspace', async () => {
    await signIn(page, consoleUrl, analyst.email, analyst.password);
    await page.getByRole('menuitem', { name: 'Area di analisi' }).click();
    await settled();

    // The first look: committed allocations by measure, with the totals row.
    const table = page.getByTestId('workspace-table');
    await count(table.locator('tbody tr'), 1);
    expect(await cells(table.locator('tbody tr').first())).toEqual([expect.stringMatching(/Fase II/), '4', '€ 3.250,50']);
    expect(await table.locator('tfoot tr').innerText()).toMatch(/^Totale\s+4\s+€ 3\.250,50$/);

    // A second dimension, the year: two groups, largest first; the totals row is their exact sum.
    await page.getByRole('button', { name: /Anno$/ }).click();
    await count(table.locator('tbody tr'), 2);
    expect(await cells(table.locator('tbody tr').nth(0))).toEqual([expect.stringMatching(/Fase II/), '2021', '3', '€ 3.000,00']);
    expect(await cells(table.locator('tbody tr').nth(1))).toEqual([expect.stringMatching(/Fase II/), '2022', '1', '€ 250,50']);
    expect(await table.locator('tfoot tr').innerText()).toMatch(/^Totale\s+4\s+€ 3\.250,50$/);

    // HAVING: only the groups of at least € 1.000,00.
    await page.getByLabel('Totale almeno (€)').fill('1.000');
    await count(table.locator('tbody tr'), 1);
    expect(await table.locator('tfoot tr').innerText()).toMatch(/^Totale\s+3\s+€ 3\.000,00$/);

    // The export: what an Italian spreadsheet opens as columns.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Misura;Anno;Assegnazioni;Totale (€)');
    // An amount holds a comma, so it is quoted (a spreadsheet splitting on commas keeps it whole).
    expect(lines[1]).toMatch(/Fase II.*;2021;3;"3000,00"$/);
    expect(lines[2]).toBe('Totale;;3;"3000,00"');

    // The link carries the whole analysis: opened afresh, it shows the same table.
    const shared = page.url();
    expect(new URL(shared).searchParams.get('by')).toBe('MEASURE,YEAR');
    const other = await context.newPage();
    await other.goto(shared);
    const sharedTable = other.getByTestId('workspace-table');
    await count(sharedTable.locator('tbody tr'), 1);
    expect(await sharedTable.locator('tfoot tr').innerText()).toMatch(/^Totale\s+3\s+€ 3\.000,00$/);
    expect(await other.getByLabel('Totale almeno (€)').inputValue()).toBe('1.000,00');
  });
}, BROWSER_TEST_TIMEOUT);

test('lists: a total row for money, chosen columns, selection with bulk export and, for editors only, bulk delete', async () => {
  const ref = await referenceIds(t);
  const suffix = uniqueCode('BULK');
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Da eliminare uno ${suffix}` });
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Da eliminare due ${suffix}` });
  await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Da tenere ${suffix}` });

  await withScreenshotOnFailure(page, 'lists-as-people-expect', async () => {
    await signIn(page, consoleUrl, analyst.email, analyst.password);

    // Allocations: the total of everything the filters select, from the server.
    await page.goto(url('allocations'));
    await settled();
    expect(await page.getByTestId('list-totals').innerText()).toMatch(/Totale dei 4 elementi filtrati\s+Importo € 3\.250,50/);

    // An analyst selects and exports, but is offered no delete.
    await page.goto(url(`partners?filter=${encodeURIComponent(JSON.stringify({ q: suffix }))}`));
    await count(page.locator('tbody tr'), 3);
    await page.locator('tbody tr').first().getByRole('checkbox').check();
    await visible(page.getByRole('button', { name: 'Esporta' }).last());
    await count(page.getByRole('button', { name: 'Elimina' }), 0);
    await page.locator('tbody tr').first().getByRole('checkbox').uncheck();

    // The column chooser hides the tax code.
    expect(await page.locator('thead').innerText()).toContain('Codice fiscale / Partita IVA');
    await page.getByRole('button', { name: 'Colonne' }).click();
    await page.locator('.MuiPopover-paper').getByText('Codice fiscale / Partita IVA').click();
    await page.keyboard.press('Escape');
    await eventually(async () => expect(await page.locator('thead').innerText()).not.toContain('Codice fiscale / Partita IVA'));

    // An editor deletes two partners at once.
    await context.clearCookies();
    await page.evaluate('localStorage.clear()');
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url(`partners?filter=${encodeURIComponent(JSON.stringify({ q: `Da eliminare` }))}`));
    await count(page.locator('tbody tr'), 2);
    await page.locator('thead').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Elimina' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
    await count(page.locator('tbody tr'), 0);
  });
  const left = await t.owner.query('SELECT legal_name FROM partners WHERE tenant_id = $1 AND legal_name LIKE $2 ORDER BY legal_name', [tenant.id, `%${suffix}`]);
  expect(left).toEqual([{ legal_name: `Da tenere ${suffix}` }]);
}, BROWSER_TEST_TIMEOUT);

test('the search in the app bar finds partners, networks and companies in crisis by name or code', async () => {
  const ref = await referenceIds(t);
  const suffix = uniqueCode('CERCA');
  const partner = await createPartner(t, tenant.editor, ref, 'CPI', { legalName: `Centro per l'impiego ${suffix}` });
  await createCrisisCompany(t, tenant.editor, ref, { name: `Acciaierie ${suffix}` });
  const [network] = await t.owner.query('SELECT code FROM networks WHERE tenant_id = $1 AND id = $2', [tenant.id, networkIds[1]]);

  await withScreenshotOnFailure(page, 'registry-search', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    const search = page.getByRole('combobox', { name: 'Cerca nel registro' });
    await search.fill(suffix);
    await visible(page.getByRole('option', { name: new RegExp(`Acciaierie ${suffix}`) }));
    await page.getByRole('option', { name: new RegExp(`Centro per l'impiego ${suffix}`) }).click();
    await page.waitForURL(new RegExp(`/partners/${partner.id}/show$`));

    await search.fill(network.code);
    await page.getByRole('option', { name: new RegExp(network.code) }).click();
    await page.waitForURL(new RegExp(`/networks/${networkIds[1]}/show$`));
  });
}, BROWSER_TEST_TIMEOUT);

const REGISTRY_PAGES = ['', 'networks', 'partners', 'crisisCompanies', 'competencePacts', 'allocations', 'auditEvents', 'import', 'workspace'];
const REFERENCE_PAGES = ['fundSources', 'measures', 'fundingTiers', 'serviceTypes', 'partnerTypes', 'provinces', 'municipalities', 'atecoSectors'];

/** The pages of one record: a network with every tab, and a partner's edit form. */
async function recordPages(): Promise<string[]> {
  const [partner] = await t.owner.query('SELECT id FROM partners WHERE tenant_id = $1 LIMIT 1', [tenant.id]);
  const network = `networks/${networkIds[0]}/show`;
  return [network, `${network}/roster`, `${network}/companies`, `${network}/allocations`, `${network}/compliance`, `${network}/history`, `partners/${partner.id}`];
}

describe('axe-core finds no critical or serious violation, and one <h1>, on every main page', () => {
  test.each([
    ['the dashboard, the registry, the import and the workspace', 'editor', async () => REGISTRY_PAGES],
    ['the reference data', 'editor', async () => REFERENCE_PAGES],
    ['a network with its tabs and an edit form', 'editor', recordPages],
    ['the administration', 'administrator', async () => ['tenants', 'users']],
  ] as const)('%s', async (_name, who, routes) => {
    const pages = await routes();
    await withScreenshotOnFailure(page, `accessibility-${_name}`, async () => {
      const user = who === 'editor' ? editor : administrator;
      await signIn(page, consoleUrl, user.email, user.password);
      expect(await audit(pages)).toEqual(clean(pages));
    });
  }, BROWSER_TEST_TIMEOUT);
});

test('axe-core finds no critical or serious violation, and one <h1>, on the co-design pages: calls, proposals, the scoring sheet and the ranking', async () => {
  const [ambito, body] = await Promise.all([newTenant(t, 'AMBITO'), newTenant(t, 'THIRD_SECTOR_BODY')]);
  const [ambitoEditor, bodyEditor] = await Promise.all([t.signUp('EDITOR', ambito.id), t.signUp('EDITOR', body.id)]);
  const call = await publishedCall(t, ambito);
  const proposal = await draftProposal(t, body.editor, await referenceIds(t), call.id);
  const auditAs = async (user: { email: string; password: string }, pages: string[]) => {
    await context.close();
    context = await newConsoleContext(browser);
    page = await context.newPage();
    await signIn(page, consoleUrl, user.email, user.password);
    expect(await audit(pages)).toEqual(clean(pages));
  };

  await withScreenshotOnFailure(page, 'accessibility-codesign', async () => {
    // The Ambito's call while it is open; the body's proposal while it is a draft.
    await auditAs(ambitoEditor, ['codesignCalls', `codesignCalls/${call.id}/show`, `codesignCalls/${call.id}/show/criteria`, `codesignCalls/${call.id}`]);
    await auditAs(bodyEditor, ['codesignProposals', `codesignProposals/${proposal.id}`, `codesignProposals/${proposal.id}/show`]);
    // The grid a list draws while its rows load, held there until it has been audited.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/graphql', async (route) => {
      if (/codesignProposals\(/.test(route.request().postData() ?? '')) await held;
      await route.continue();
    });
    await page.goto(url('codesignProposals'));
    await visible(page.locator('tbody td .select-all').first());
    expect(await seriousViolations(page)).toEqual([]);
    release();
    await visible(page.locator('tbody td .select-item').first());
    await page.unroute('**/graphql');

    // Submitted, past the deadline, the call closed and one score given: the scoring sheet and the ranking.
    await must(t, body.editor, SUBMIT, proposal);
    await passDeadline(t, call.id);
    const evaluator = { userId: ambitoEditor.id, role: 'EDITOR' as const, tenantId: ambito.id };
    await must(t, ambito.editor, `mutation($input: CreateCodesignEvaluatorInput!) { createCodesignEvaluator(input: $input) { id } }`, { input: { callId: call.id, userId: evaluator.userId } });
    const [{ version }] = await t.owner.query('SELECT version FROM codesign_calls WHERE id = $1', [call.id]);
    await must(t, ambito.editor, `mutation($id: ID!, $version: Int!) { setCodesignCallStatus(id: $id, version: $version, status: CLOSED) { id } }`, { id: call.id, version });
    await must(t, evaluator, `mutation($input: CreateCodesignScoreInput!) { createCodesignScore(input: $input) { id } }`, {
      input: { proposalId: proposal.id, criterionId: call.criteria[0].id, score: 48, reason: 'Proposta solida e radicata' },
    });
    await auditAs(ambitoEditor, [`codesignCalls/${call.id}/show/proposals`, `codesignCalls/${call.id}/show/ranking`, `codesignProposals/${proposal.id}/show/scores`]);
    // What was audited: the sheet with its score and the line to add one, and the ranking with the proposal.
    await count(page.getByTestId('scores').locator('tbody tr'), 1);
    await visible(page.getByRole('button', { name: 'Registra punteggio' }));
    await page.goto(url(`codesignCalls/${call.id}/show/ranking`));
    await visible(page.getByTestId('ranking').getByText('Lavoro in rete'));
  });
}, BROWSER_TEST_TIMEOUT);

test('on a 390 px phone the network list, the network page with its roster and the dashboard need no horizontal scrolling', async () => {
  await context.close();
  context = await newConsoleContext(browser, { viewport: PHONE, isMobile: true, hasTouch: true });
  page = await context.newPage();
  // The page's width, and when it is too wide the innermost elements that stick out, to say why.
  const fits = async () => {
    const { scrollWidth, culprits } = await page.evaluate<{ scrollWidth: number; culprits: string[] }>(`(() => {
      const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${PHONE.width + 1});
      const innermost = wide.filter((e) => !wide.some((other) => other !== e && e.contains(other)));
      return { scrollWidth: document.documentElement.scrollWidth, culprits: innermost.slice(0, 5).map((e) => e.tagName.toLowerCase() + '.' + String(e.className).split(' ').slice(0, 2).join('.')) };
    })()`);
    expect(scrollWidth <= PHONE.width ? 'fits' : { scrollWidth, culprits }).toBe('fits');
  };

  await withScreenshotOnFailure(page, 'phone', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await settled();
    await fits();

    await page.goto(url('networks'));
    await settled();
    // A simple list of links rather than a table, and still a way to create and export.
    await count(page.locator('table'), 0);
    await visible(page.getByRole('link', { name: /RETE-/ }).first());
    await visible(page.getByRole('button', { name: 'Esporta' }));
    await visible(page.getByRole('link', { name: 'Crea' }));
    await fits();

    await page.goto(url(`networks/${networkIds[0]}/show/roster`));
    await settled();
    await count(page.getByTestId('roster').locator('tbody tr'), 3);
    await fits();
    await page.getByRole('tab', { name: 'Verifica regole' }).click();
    await visible(page.getByTestId('compliance-summary'));
    await fits();
  });
}, BROWSER_TEST_TIMEOUT);

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
  await withScreenshotOnFailure(page, 'first-page-weight', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    // The list opened afresh in the signed-in session, as a bookmark would: the page's resource entries start empty.
    await page.goto(url('networks'));
    await count(page.locator('tbody tr'), 3);
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
