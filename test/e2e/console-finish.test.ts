import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newTenant } from '../helpers/app';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, seriousViolations, settled as atRest, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { publishedCall } from '../helpers/codesign';
import { createNetwork, referenceIds, ReferenceIds, seedNetworks, uniqueCode } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

/** Issue 23: every journey of the console completes, in either language, at 1440 and at 390 px, with nothing raw on screen. */

let t: HttpTestApp;
let ref: ReferenceIds;
let browser: Browser;
let consoleUrl: string;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let networkIds: string[];
let editor: { email: string; password: string };
let administrator: { email: string; password: string };
let context: BrowserContext;
let page: Page;
/** Responses of the API with a 4xx or 5xx status, and what they said. */
let failures: string[];
const BROWSER_TEST_TIMEOUT = 400_000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
  ref = await referenceIds(t);
  consoleUrl = new URL('/admin/', t.url).toString();
  tenant = await newTenant(t);
  networkIds = await seedNetworks(t, tenant.editor, 1);
  editor = await t.signUp('EDITOR', tenant.id);
  administrator = await t.signUp('ADMIN');
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A fresh browser of its own, in Italian or in English, watching the API's answers. */
async function open(viewport = DESKTOP, language: 'it' | 'en' = 'it', phone = false): Promise<void> {
  await context?.close();
  context = await newConsoleContext(browser, { locale: language === 'it' ? 'it-IT' : 'en-GB', viewport, isMobile: phone, hasTouch: phone });
  if (language === 'en') await context.addInitScript(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
  page = await context.newPage();
  failures = [];
  page.on('response', async (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()} ${(await response.text().catch(() => '')).slice(0, 300)}`);
  });
}

afterEach(() => context?.close());

const url = (route: string) => new URL(route, consoleUrl).toString();
const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });

/** A page has settled when its title is in the app bar and nothing is loading. */
async function settled(): Promise<void> {
  await visible(page.locator('h1#react-admin-title'));
  await eventually(async () => expect(await page.locator('.MuiLinearProgress-indeterminate, .MuiCircularProgress-indeterminate, .MuiSkeleton-root').count()).toBe(0));
  await atRest(page);
}

/** Text on screen that is a translation key rather than words: reti.enums.RuleCode.X, resources.measures.fields.x, ra.action.x, … */
const RAW_KEY = /\b(reti|ra|edit|accounts)\.[a-z_]+\.[A-Za-z_.]+|\bresources\.[a-zA-Z]+\.(fields|name)\b/g;
const rawKeys = async () => (await page.locator('body').innerText()).match(RAW_KEY) ?? [];

/** signIn, in either language: the login page's button is Accedi or Sign in. */
async function signInAs(target: Page, user: { email: string; password: string }, language: 'it' | 'en'): Promise<void> {
  if (language === 'it') return signIn(target, consoleUrl, user.email, user.password);
  await target.goto(consoleUrl);
  await target.locator('input[name=username]').fill(user.email);
  await target.locator('input[name=password]').fill(user.password);
  await target.getByRole('button', { name: 'Sign in' }).click();
  await target.getByText('Welcome').waitFor();
}

async function measureId(code: string): Promise<string> {
  return (await t.owner.query('SELECT id FROM measures WHERE code = $1', [code]))[0].id;
}

test('an administrator opens a user from the list, without a refused request', async () => {
  const someone = await t.signUp('EDITOR', tenant.id);
  await open();
  await withScreenshotOnFailure(page, 'finish-user-pages', async () => {
    await signIn(page, consoleUrl, administrator.email, administrator.password);
    await page.goto(url('users'));
    await page.getByPlaceholder('Cerca').fill(someone.email);
    await page.getByRole('row').filter({ hasText: someone.email }).click();
    await page.waitForURL(/\/users\/[0-9a-f-]+\/show$/);
    await settled();
    await visible(page.getByText(someone.email));
    expect(failures).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);

test('an administrator edits a user on its edit page, which stays open with the user in the form', async () => {
  const someone = await t.signUp('EDITOR', tenant.id);
  const id = (await t.owner.query('SELECT id FROM users WHERE email = $1', [someone.email]))[0].id;
  const newName = `Nome modificato ${uniqueCode('U')}`;
  await open();
  await withScreenshotOnFailure(page, 'finish-user-edit', async () => {
    await signIn(page, consoleUrl, administrator.email, administrator.password);
    await page.goto(url(`users/${id}`));
    await settled();
    const displayName = page.locator('input[name=displayName]');
    await visible(displayName);
    expect(page.url()).toMatch(new RegExp(`/users/${id}$`));
    expect(await page.locator('input[name=email]').inputValue()).toBe(someone.email);
    await displayName.fill(newName);
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.waitForURL(new RegExp(`/users/${id}/show$`));
    await eventually(async () => expect((await t.owner.query('SELECT display_name FROM users WHERE id = $1', [id]))[0].display_name).toBe(newName));
    expect(failures).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);

test("a third-sector body's user sees co-design only: its menu, a dashboard of open calls and its proposals, no registry", async () => {
  const ambito = await newTenant(t, 'AMBITO');
  const callTitle = `Avviso aperto ${uniqueCode('A')}`;
  await publishedCall(t, ambito, { title: callTitle });
  const body = await newTenant(t, 'THIRD_SECTOR_BODY');
  const bodyUser = await t.signUp('EDITOR', body.id);

  await open();
  await withScreenshotOnFailure(page, 'finish-third-sector-body', async () => {
    await signIn(page, consoleUrl, bodyUser.email, bodyUser.password);
    await settled();
    await visible(page.getByTestId('dashboard-calls').getByText(callTitle));
    await visible(page.getByTestId('dashboard-proposals').getByText('Non hai ancora proposte'));
    expect(await page.getByRole('menuitem').allInnerTexts()).toEqual(['Cruscotto', 'Istruttorie di coprogettazione', 'Proposte progettuali']);
    // Nothing of the funds or of other tenants' commitments.
    expect(await page.getByTestId('fund-sources').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/€/);
    await page.goto(url('networks'));
    await visible(page.getByText('Accesso negato'));
    await page.goto(url('codesignCalls'));
    await settled();
    await visible(page.getByText(callTitle));
  });
}, BROWSER_TEST_TIMEOUT);

test('no page shows a translation key, in Italian or in English; the rule chips of a measure are named', async () => {
  // Fase II carries the plan rules whose chips showed their keys; GOL P5 the fund rules.
  const faseII = await measureId('AZIONI_RETE_FASE_II');
  const gol = await measureId('RETE_RICOLLOCAZIONE_GOL_P5');
  const routes = ['', `measures/${faseII}/show`, `measures/${faseII}/show/rules`, `measures/${faseII}/show/services`, `measures/${faseII}`, `measures/${gol}/show/rules`, 'measures', 'networks', `networks/${networkIds[0]}/show`, `networks/${networkIds[0]}/show/compliance`, 'workspace', 'users', 'fundSources', 'serviceTypes', 'allocations'];
  for (const language of ['it', 'en'] as const) {
    await open(DESKTOP, language);
    await withScreenshotOnFailure(page, `finish-keys-${language}`, async () => {
      await signInAs(page, administrator, language);
      const found: Record<string, string[]> = {};
      for (const route of routes) {
        await page.goto(url(route));
        await settled();
        const keys = await rawKeys();
        if (keys.length) found[route] = keys;
      }
      expect(found).toEqual({});
      await page.goto(url(`measures/${faseII}/show/rules`));
      await settled();
      await visible(page.getByText(language === 'it' ? 'Servizi minimi del piano personalizzato (PIP)' : 'Minimum services of the personal plan (PIP)'));
    });
  }
}, BROWSER_TEST_TIMEOUT);

test("the dashboard's fund chart names its sources as the table does, and a first visit logs no 401", async () => {
  await open();
  await withScreenshotOnFailure(page, 'finish-dashboard', async () => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(consoleUrl);
    await visible(page.locator('input[name=username]'));
    await signIn(page, consoleUrl, editor.email, editor.password);
    const table = page.getByTestId('fund-sources');
    await visible(table);
    const ticks = page.locator('.MuiCard-root').filter({ has: table }).locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await eventually(async () => expect(await ticks.count()).toBeGreaterThan(0));
    const axis = (await ticks.allTextContents()).join(' ');
    expect(axis).toContain('Programma GOL');
    expect(axis).not.toMatch(/GOL_PNRR_2022|AZIONI_RETE|FONDO_COMPETENZE/);
    expect(await table.innerText()).toContain('Programma GOL');
    expect(failures.filter((f) => f.startsWith('401'))).toEqual([]);
    expect(errors.filter((e) => /401/.test(e))).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);

test('the workspace says what it applies, as removable chips, and its dates read gg/mm/aaaa', async () => {
  const analyst = await t.signUp('ANALYST', tenant.id);
  await open();
  await withScreenshotOnFailure(page, 'finish-workspace', async () => {
    await signIn(page, consoleUrl, analyst.email, analyst.password);
    await page.goto(url('workspace'));
    await settled();
    const active = page.getByTestId('workspace-active');
    await visible(active.getByText('Stato = Impegnata'));
    await visible(active.getByText('Raggruppa per: Misura'));
    await visible(active.getByText(/Vista iniziale/));

    const from = page.getByLabel('Dal', { exact: true });
    expect(await from.getAttribute('type')).toBe('text');
    expect(await from.getAttribute('placeholder')).toBe('gg/mm/aaaa');
    await from.fill('01/03/2021');
    await page.waitForURL(/allocatedFrom=2021-03-01/);
    await visible(active.getByText('Dal = 01/03/2021'));

    await active.locator('.MuiChip-root').filter({ hasText: 'Stato = Impegnata' }).locator('.MuiChip-deleteIcon').click();
    await eventually(async () => expect(new URL(page.url()).searchParams.get('status')).toBeNull());
    await eventually(async () => expect(await active.getByText('Stato = Impegnata').count()).toBe(0));
  });
}, BROWSER_TEST_TIMEOUT);

test("a fund rule's refusal is worded in the console's language and says what to do", async () => {
  const input = { networkId: networkIds[0], fundSourceId: ref.fundSource('GOL_PNRR_2022'), amount: '100.00', allocatedOn: '2023-01-16', kind: 'PROCESS' };
  for (const [language, save, words] of [
    ['it', 'Salva', /non finanzia la misura .*scegli una fonte che la finanzi/],
    ['en', 'Save', /does not pay measure .*choose a source that pays it/],
  ] as const) {
    await open(DESKTOP, language);
    await withScreenshotOnFailure(page, `finish-fund-refusal-${language}`, async () => {
      await signInAs(page, editor, language);
      await page.goto(url(`allocations/create?source=${encodeURIComponent(JSON.stringify(input))}`));
      await settled();
      await page.getByRole('button', { name: save, exact: true }).click();
      const alert = page.getByRole('alert').filter({ hasText: words });
      await visible(alert);
      expect(await alert.innerText()).not.toMatch(language === 'it' ? /Fund source|may not pay/ : /La fonte|non finanzia/);
    });
  }
}, BROWSER_TEST_TIMEOUT);

test('at 390 px the network page scrolls its tabs, wraps its title and keeps the restore buttons on screen; the access-denied page passes axe', async () => {
  const title = 'Rete per la ricollocazione dei lavoratori di un’azienda in crisi del territorio';
  const network = await createNetwork(t, tenant.editor, ref, { code: uniqueCode('RETE-PHONE').replace(/_/g, '-'), title });
  await open(PHONE, 'it', true);
  await withScreenshotOnFailure(page, 'finish-phone-network', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url(`networks/${network.id}/show`));
    await settled();
    // The whole title, wrapped inside the screen.
    const heading = page.locator('h1#react-admin-title');
    await eventually(async () => expect(await heading.innerText()).toContain(title));
    const box = (await heading.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate<boolean>(`(() => { const h = document.querySelector('h1#react-admin-title'); return h.scrollWidth <= h.clientWidth && h.scrollHeight <= h.clientHeight + 1; })()`)).toBe(true);

    // The tabs scroll, with buttons to reach the ones off screen.
    await visible(page.locator('.MuiTabs-scrollButtons').last());
    const history = page.getByRole('tab', { name: 'Storico' });
    await history.scrollIntoViewIfNeeded();
    await history.click();
    const restore = page.getByRole('button', { name: 'Ripristina questa versione' }).first();
    await visible(restore);
    const button = (await restore.boundingBox())!;
    expect(button.x).toBeGreaterThanOrEqual(0);
    expect(button.x + button.width).toBeLessThanOrEqual(PHONE.width);

    await page.goto(url('users'));
    await visible(page.getByText('Accesso negato'));
    await atRest(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);
