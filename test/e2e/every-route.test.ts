import { Page } from 'playwright-core';
import { DEMO_PASSWORD, DemoData } from '../../server/src/seed/demo-data';
import { Principal } from '../../server/src/common/request';
import { enumValues, resourceSchema } from '../../admin/src/providers/apiSchema';
import { admin } from '../helpers/app';
import { eventually, seriousViolations } from '../helpers/browser';
import { customRoutes, routesFor } from '../helpers/console-routes';
import { seedDemoData } from '../helpers/demo';
import { must } from '../helpers/factories';
import { BROWSER_TEST_TIMEOUT, ConsoleSession, Language, useConsole, WIDE } from './support/console';

/**
 * Issue 23: every route of every role, in Italian and in English, on the demo data. The routes come
 * from the console's own declarations (App.tsx, each resource's views, authProvider.canAccess), the
 * tabs of each record from the page itself. On each: no serious or critical axe violation, no
 * refused request, no translation key, no fund or rule code where the console has a name, and in
 * Italian no ISO date.
 */

let demo: DemoData;
let administrator: { email: string; password: string };
let fundCodes: string[];
const reti = useConsole({
  seed: async (app) => {
    demo = await seedDemoData(app);
    administrator = await app.signUp('ADMIN');
    fundCodes = (await app.owner.query('SELECT code FROM fund_sources')).map((r: { code: string }) => r.code);
    // The one record view the demo leaves empty: a competence pact of the province.
    await must(app, PEOPLE[0].principal(), `mutation($input: CreateCompetencePactInput!) { createCompetencePact(input: $input) { id } }`, {
      input: { name: 'DEMO – Patto per le competenze del Rhodense', territory: 'Ambito del Rhodense', signedOn: '2023-03-01' },
    });
  },
});
const { t } = reti;

interface Person {
  name: string;
  role: 'ADMIN' | 'EDITOR' | 'ANALYST';
  thirdSectorBody: boolean;
  credentials: () => { email: string; password: string };
  principal: () => Principal;
}

const demoUser = (name: string, key: keyof DemoData['users'], role: 'EDITOR' | 'ANALYST', tenant: keyof DemoData['tenants'], thirdSectorBody = false): Person => ({
  name,
  role,
  thirdSectorBody,
  credentials: () => ({ email: demo.users[key], password: DEMO_PASSWORD }),
  principal: () => ({ userId: demo.userIds[key], role, tenantId: demo.tenants[tenant] }),
});

const slug = (person: Person) => person.name.replace(/\W+/g, '-');

const PEOPLE: Person[] = [
  demoUser('editor', 'editor', 'EDITOR', 'province'),
  demoUser('analyst', 'analyst', 'ANALYST', 'province'),
  { name: 'administrator', role: 'ADMIN', thirdSectorBody: false, credentials: () => administrator, principal: () => admin },
  demoUser("an Ambito's user", 'ambito', 'EDITOR', 'ambito'),
  demoUser("a third-sector body's user", 'body1', 'EDITOR', 'body1', true),
];

/** The demo's richest record of a resource when the person sees it (plans, accounts, ranking, rule chips), else the first one listed. */
async function recordFor(person: Person, resource: string): Promise<string | undefined> {
  const schema = resourceSchema(resource);
  const preferred: Record<string, () => Promise<string>> = {
    networks: async () => demo.networks.faseII,
    codesignCalls: async () => demo.calls.underEvaluation,
    measures: async () => (await t.owner.query(`SELECT id FROM measures WHERE code = 'AZIONI_RETE_FASE_II'`))[0].id,
  };
  if (preferred[resource]) {
    const id = await preferred[resource]();
    const seen = await t.gql(person.principal(), `query($id: ID!) { ${schema.one}(id: $id) { id } }`, { id });
    if (seen.data?.[schema.one]) return id;
  }
  const listed = await t.gql(person.principal(), `{ ${schema.many}(perPage: 1) { items { id } } }`);
  return listed.data?.[schema.many]?.items?.[0]?.id;
}

/** The routes the person may open, with a record for each show and edit view; `missing` names the views with no record the person sees. */
async function routesOf(person: Person): Promise<{ routes: string[]; missing: string[] }> {
  const { plain, records } = routesFor(person.role, person.thirdSectorBody);
  const routes = [...plain];
  const missing: string[] = [];
  for (const { resource, views } of records) {
    const id = await recordFor(person, resource);
    if (!id) missing.push(...views.map((view) => `${resource}/:id${view === 'show' ? '/show' : ''}`));
    else for (const view of views) routes.push(view === 'show' ? `${resource}/${id}/show` : `${resource}/${id}`);
  }
  return { routes, missing };
}

/** Text on screen that is a translation key rather than words: reti.enums.RuleCode.X, ra.action.x, resources.measures.fields.x, … */
const RAW_KEY = /\b(reti|ra|edit|accounts)\.[a-z_]+\.[A-Za-z_.]+|\bresources\.[a-zA-Z]+\.(fields|name)\b/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const codePattern = (codes: string[]) => new RegExp(`(?<![A-Z0-9_])(${codes.join('|')})(?![A-Z0-9_])`, 'g');

/** Each distinct match, with the words around it: where on the page it is. */
const inContext = (text: string, pattern: RegExp) => [...new Set([...text.matchAll(pattern)].map((m) => `${m[0]} in «${text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40).replace(/\s+/g, ' ')}»`))];

async function openConsole(person: Person, language: Language): Promise<ConsoleSession> {
  const session = await reti.open({ language, viewport: WIDE });
  watchRequests(session.page);
  await session.signIn(person.credentials());
  return session;
}

const LOADING = '.MuiLinearProgress-indeterminate, .MuiCircularProgress-indeterminate, .MuiSkeleton-root';

/** Requests each page has in flight: a view's chunk, then its data. */
const inFlight = new WeakMap<Page, { count: number; last: number }>();
function watchRequests(page: Page): void {
  const state = { count: 0, last: Date.now() };
  inFlight.set(page, state);
  page.on('request', () => {
    state.count++;
    state.last = Date.now();
  });
  const done = () => {
    state.count--;
    state.last = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Client-side, as a click on a link would: the console stays loaded and its cache warm. React keeps
 * the previous screen while a lazy view's chunk loads (a transition, with no spinner), so the new
 * screen is there once nothing has been requested for a while and nothing is loading.
 */
async function navigate(page: Page, route: string): Promise<void> {
  const target = new URL(route, reti.consoleUrl).pathname;
  const requests = inFlight.get(page)!;
  await page.evaluate(`window.history.pushState({}, '', ${JSON.stringify(target)}); window.dispatchEvent(new PopStateEvent('popstate', { state: {} }))`);
  await eventually(async () => {
    expect(new URL(page.url()).pathname).toBe(target);
    expect(requests.count).toBe(0);
    expect(Date.now() - requests.last).toBeGreaterThan(300);
    expect(await page.locator(LOADING).count()).toBe(0);
  }, 30_000);
  await page.locator('h1#react-admin-title').waitFor({ state: 'attached' });
}

/** The tabs of a record's page, as links to their own routes. */
async function tabsOf(page: Page, route: string): Promise<string[]> {
  const here = new URL(route, reti.consoleUrl).pathname;
  const hrefs = await page.locator('a[role=tab][href]').evaluateAll((links) => links.map((a) => (a as unknown as { pathname: string }).pathname));
  return [...new Set(hrefs)].filter((href) => href !== here && href.startsWith(new URL(reti.consoleUrl).pathname)).map((href) => href.slice(new URL(reti.consoleUrl).pathname.length));
}

/** What is wrong on the page on screen, if anything. */
async function problemsOn(visit: ConsoleSession, route: string, language: Language): Promise<string[]> {
  const { page } = visit;
  const problems: string[] = [];
  const text = await page.locator('#main-content, header, nav, .RaSidebar-fixed').allInnerTexts().then((parts) => parts.join('\n'));
  // What inputs show; not MUI Select's hidden native input, which holds the chosen values' codes for the form.
  const inputs = await page.locator('#main-content input:not([type=hidden]):not([type=date]):not([type=datetime-local]):not([aria-hidden=true])').evaluateAll((all) => all.map((i) => (i as unknown as { value: string }).value));
  const shown = [text, ...inputs].join('\n');
  problems.push(...[...new Set(shown.match(RAW_KEY) ?? [])].map((key) => `translation key ${key}`));
  if (language === 'it') problems.push(...[...new Set(shown.match(ISO_DATE) ?? [])].map((date) => `ISO date ${date}`));
  // A fund source's own pages show its code as one of its fields; anywhere else the fund has a name.
  if (!route.startsWith('fundSources')) problems.push(...inContext(shown, codePattern(fundCodes)).map((code) => `fund code ${code}`));
  problems.push(...inContext(shown, codePattern(enumValues('RuleCode'))).map((code) => `rule code ${code}`));
  problems.push(...(await seriousViolations(page)));
  problems.push(...visit.failures.splice(0));
  return problems;
}

/** Visits every route (and every tab of every record's page), returning what is wrong where, and how many routes it saw. */
async function visitAll(visit: ConsoleSession, routes: string[], language: Language): Promise<{ found: Record<string, string[]>; visited: string[] }> {
  const found: Record<string, string[]> = {};
  const visited: string[] = [];
  const queue = [...routes];
  const seen = new Set(queue);
  while (queue.length) {
    const route = queue.shift()!;
    try {
      await navigate(visit.page, route);
      visited.push(route);
      if (/\/[^/]+\/show$|^[^/]+\/[^/]+$/.test(route) && !route.endsWith('/create')) {
        for (const tab of await tabsOf(visit.page, route)) {
          if (!seen.has(tab)) {
            seen.add(tab);
            queue.push(tab);
          }
        }
      }
      let problems = await problemsOn(visit, route, language);
      if (problems.length) {
        // Confirmed on a full load of the route, so that a screen caught mid-transition is not blamed on it.
        await visit.page.goto(new URL(route, reti.consoleUrl).toString());
        await navigate(visit.page, route);
        problems = await problemsOn(visit, route, language);
      }
      if (problems.length) found[route] = problems;
    } catch (error) {
      found[route] = [`did not open: ${(error as Error).message.split('\n')[0]}`];
      visit.failures.splice(0);
    }
  }
  return { found, visited };
}

const timings: string[] = [];
/** The record views someone opened, and the people each could not (no record of theirs). */
const opened = new Set<string>();
const unopened = new Map<string, string[]>();
afterAll(() => {
  if (timings.length) console.log(`every route:\n${timings.join('\n')}`);
});

describe.each(PEOPLE.map((person) => [person.name, person] as const))('as %s', (_name, person) => {
  test.each(['it', 'en'] as const)('every route opens in %s with nothing raw on screen and no serious axe violation', async (language) => {
    const started = Date.now();
    const { routes, missing } = await routesOf(person);
    const menuRoutes = customRoutes();
    const visit = await openConsole(person, language);
    await visit.shot(`every-route-${slug(person)}-${language}`, async () => {
      // The custom pages a person reaches are those their menu links to.
      const linked = await visit.page.locator('nav a[href], .RaSidebar-fixed a[href]').evaluateAll((links) => links.map((a) => (a as unknown as { pathname: string }).pathname));
      const custom = menuRoutes.filter((route) => linked.some((href) => href.endsWith(`/${route}`)));
      const { found, visited } = await visitAll(visit, ['', ...routes, ...custom], language);
      timings.push(`${person.name} ${language}: ${visited.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s${missing.length ? ` (no record of theirs for ${missing.join(', ')})` : ''}`);
      for (const route of visited) opened.add(route.replace(/^(\w+)\/(?!create$)[^/]+(\/show)?$/, '$1/:id$2'));
      for (const view of missing) unopened.set(view, [...(unopened.get(view) ?? []), person.name]);
      expect(found).toEqual({});
      expect(visited.length).toBeGreaterThan(3);
    });
  }, BROWSER_TEST_TIMEOUT);
});

test('every record view of the console was opened by someone', () => {
  // Meaningful after the cases above: each person leaves out only the views they have no record for.
  const neverOpened = [...unopened.keys()].filter((view) => !opened.has(view));
  expect(neverOpened).toEqual([]);
});
