/**
 * One setup for every browser test: the app over HTTP, the console built, one Chromium, and a fresh
 * signed-in browser per test, with watchers on what the page refused or failed. In a new file:
 *
 *   import { BROWSER_TEST_TIMEOUT, useConsole, visible } from './support/console';
 *   import { NetworkPage } from './pages/network.page';
 *
 *   let tenant: Tenant;
 *   const reti = useConsole({ seed: async (app) => void (tenant = await newTenant(app)) });   // top level, once
 *   const { t } = reti;                           // the HttpTestApp, for factories (usable inside tests)
 *
 *   test('an editor activates a network', async () => {
 *     const network = await createNetwork(t, tenant.editor, await referenceIds(t));
 *     const { session, page } = await reti.openAs('EDITOR', { tenant });   // a new user, or pass { email, password }
 *     await session.shot('activate', async () => {  // leaves test-results/activate.png if it fails
 *       const networkPage = await new NetworkPage(session).open(network.id, 'roster');
 *       await visible(networkPage.activationBlocked);
 *     });
 *   }, BROWSER_TEST_TIMEOUT);
 *
 * - `reti.openAs(who, { language: 'en', viewport: PHONE, mobile: true, tenant, context })` signs up a user
 *   of that role (in `tenant`; none for ADMIN) unless given one, and signs in in that language;
 *   `reti.open()` is a browser not signed in (then `session.signIn(user)`). Open as many as a test needs.
 * - Each session watches `failures` (API answers ≥ 400), `errors` (console errors) and `cspViolations`;
 *   after each test every context is closed and there must have been no CSP refusal.
 * - `session.goto(route)`, `session.settled()`, `session.signOut()`; `visible`, `hidden`, `count`, `text`,
 *   `hasText` below wait the way Playwright Test's assertions do.
 * - `useTenantConsole()` is the usual start: `const { t, ref, tenant, editor } = useTenantConsole();`
 *   gives the reference ids, a tenant of the file's own and its editor (credentials for `openAs`).
 * - `useConsole({ start })` starts another app (see sso-sign-in); `useBrowser()` is Chromium alone;
 *   `./registry.ts` seeds a tenant with networks and allocations; page objects are in `../pages/`.
 */
import { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { newTenant, TestApp } from '../../helpers/app';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, settled as atRest, withScreenshotOnFailure } from '../../helpers/browser';
import { later } from '../../helpers/fixture';
import { referenceIds, ReferenceIds } from '../../helpers/factories';
import { HttpTestApp, startHttpApp } from '../../helpers/http';

/** Generous, so that a loaded machine slows the browser tests down without failing them. One for every file. */
export const BROWSER_TEST_TIMEOUT = 400_000;
/** The console's default desktop (newConsoleContext's), a wide one and a 390 px phone. */
export const DESKTOP = { width: 1400, height: 1000 };
export const WIDE = { width: 1440, height: 1000 };
export const PHONE = { width: 390, height: 844 };

export type Language = 'it' | 'en';
export type Role = 'ADMIN' | 'EDITOR' | 'ANALYST';
export interface Credentials {
  email: string;
  password: string;
}

export interface OpenOptions {
  /** Italian (the default) or English: the browser's locale and the console's stored language. */
  language?: Language;
  viewport?: { width: number; height: number };
  /** A phone: touch and a mobile viewport. */
  mobile?: boolean;
  /** Other options of the browser context (acceptDownloads, …). */
  context?: BrowserContextOptions;
}

export interface OpenAsOptions extends OpenOptions {
  /** The tenant of a signed-up EDITOR or ANALYST (an id or newTenant's answer). */
  tenant?: string | { id: string };
}

/** A browser of its own on the console. */
export class ConsoleSession {
  /** API answers with a 4xx or 5xx status: `status url body`. */
  readonly failures: string[] = [];
  /** What the page logged as an error. */
  readonly errors: string[] = [];
  /** What the browser refused under the server's Content-Security-Policy: the console must need nothing of it. */
  readonly cspViolations: string[] = [];

  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly consoleUrl: string,
    readonly language: Language,
  ) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      this.errors.push(message.text());
      if (message.text().includes('Content Security Policy')) this.cspViolations.push(message.text());
    });
    page.on('response', async (response) => {
      if (response.status() >= 400) this.failures.push(`${response.status()} ${response.url()} ${(await response.text().catch(() => '')).slice(0, 300)}`);
    });
  }

  /** The address of a console route, e.g. `networks/<id>/show`. */
  url(route = ''): string {
    return new URL(route, this.consoleUrl).toString();
  }

  async goto(route = ''): Promise<void> {
    await this.page.goto(this.url(route));
  }

  /** Signs in through the login page, in the session's language, and waits for the dashboard. */
  async signIn(user: Credentials): Promise<void> {
    const en = this.language === 'en';
    await this.page.goto(this.consoleUrl);
    await this.page.locator('input[name=username]').fill(user.email);
    await this.page.locator('input[name=password]').fill(user.password);
    await this.page.getByRole('button', { name: en ? 'Sign in' : 'Accedi' }).click();
    await this.page.getByText(en ? 'Welcome' : 'Benvenuto').waitFor();
  }

  /** Signs out through the profile menu and waits for the login page. */
  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Profilo' }).click();
    await this.page.getByRole('menuitem', { name: 'Esci' }).click();
    await visible(this.page.locator('input[name=username]'));
  }

  /** A page has settled when its title is in the app bar, nothing is loading and nothing moves. */
  async settled(): Promise<void> {
    await visible(this.page.locator('h1#react-admin-title'));
    // Indeterminate only: a determinate bar, such as a proposal's completeness, is content.
    await count(this.page.locator('.MuiLinearProgress-indeterminate, .MuiCircularProgress-indeterminate, .MuiSkeleton-root'), 0);
    await atRest(this.page);
  }

  /** Runs a scenario; when it fails, a screenshot of the page is left in test-results/<name>.png. */
  shot(name: string, scenario: () => Promise<void>): Promise<void> {
    return withScreenshotOnFailure(this.page, name, scenario);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** Waits until the locator is visible. */
export const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });
/** Waits until the locator is hidden or gone. */
export const hidden = (locator: Locator) => locator.waitFor({ state: 'hidden' });
/** Waits until the locator matches `n` elements. */
export const count = (locator: Locator, n: number) => eventually(async () => expect(await locator.count()).toBe(n));
/** The locator's text with its white space collapsed. */
export const text = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();
/** Waits until the locator's (collapsed) text contains `expected`. */
export const hasText = (locator: Locator, expected: string) => eventually(async () => expect(await text(locator)).toContain(expected));
/** The trimmed texts of a row's cells. */
export const cells = async (row: Locator) => (await row.getByRole('cell').allInnerTexts()).map((cell) => cell.trim());

/** Chromium for the file, launched before its tests and closed after them. */
export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, BROWSER_TEST_TIMEOUT);
  afterAll(() => browser?.close());
  return {
    get browser() {
      if (!browser) throw new Error('useBrowser: Chromium is not running (call it at the top level of the test file)');
      return browser;
    },
  };
}

export interface ConsoleSetup<A extends TestApp> {
  /** Starts the app the console talks to; by default startHttpApp(). `url` is where it listens. */
  start?: () => Promise<{ app: A; url: string }>;
  /** Runs once after the app has started, e.g. to seed the demo's data. */
  seed?: (app: A) => Promise<void>;
}

export interface ConsoleSuite<A extends TestApp> {
  /** The app under test, for factories and for reading the database (`t.owner`); usable once the tests run. */
  readonly t: A;
  readonly browser: Browser;
  /** The console's address, /admin/ on the app. */
  readonly consoleUrl: string;
  url(route?: string): string;
  /** A fresh browser on the console, not signed in. */
  open(options?: OpenOptions): Promise<ConsoleSession>;
  /** A fresh browser signed in as `who`: an existing user, or a new one of that role. */
  openAs(who: Role | Credentials, options?: OpenAsOptions): Promise<{ session: ConsoleSession; page: Page; user: Credentials }>;
}

/** The setup of a browser test file: call once at its top level. */
export function useConsole(): ConsoleSuite<HttpTestApp>;
export function useConsole<A extends TestApp>(setup: ConsoleSetup<A> & { start: () => Promise<{ app: A; url: string }> }): ConsoleSuite<A>;
export function useConsole(setup: ConsoleSetup<HttpTestApp>): ConsoleSuite<HttpTestApp>;
export function useConsole<A extends TestApp>(setup: ConsoleSetup<A> = {}): ConsoleSuite<A> {
  const chromium = useBrowser();
  let app: A | undefined;
  let consoleUrl = '';
  let sessions: ConsoleSession[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    const started = setup.start ? await setup.start() : await startHttpApp().then((http) => ({ app: http as unknown as A, url: http.url }));
    app = started.app;
    consoleUrl = new URL('/admin/', started.url).toString();
    await setup.seed?.(app);
    // Building the console, when its sources changed, takes minutes on a loaded machine.
  }, 2 * BROWSER_TEST_TIMEOUT);

  afterEach(async () => {
    const done = sessions;
    sessions = [];
    await Promise.all(done.map((session) => session.context.close().catch(() => undefined)));
    expect(done.flatMap((session) => session.cspViolations)).toEqual([]);
  });

  afterAll(async () => {
    await app?.close();
  });

  // The app stands in for itself before it has started, so that `const { t } = useConsole()` can sit at the top level.
  const t = later('useConsole: the app', () => app);

  const suite: ConsoleSuite<A> = {
    t,
    get browser() {
      return chromium.browser;
    },
    get consoleUrl() {
      return consoleUrl;
    },
    url: (route = '') => new URL(route, consoleUrl).toString(),
    async open(options = {}) {
      const language = options.language ?? 'it';
      const context = await newConsoleContext(chromium.browser, {
        ...(language === 'en' ? { locale: 'en-GB' } : {}),
        ...(options.viewport ? { viewport: options.viewport } : {}),
        ...(options.mobile ? { isMobile: true, hasTouch: true } : {}),
        ...options.context,
      });
      if (language === 'en') await context.addInitScript(() => localStorage.setItem('RaStore.locale', JSON.stringify('en')));
      const session = new ConsoleSession(context, await context.newPage(), consoleUrl, language);
      sessions.push(session);
      return session;
    },
    async openAs(who, options = {}) {
      let user: Credentials;
      if (typeof who === 'string') {
        const signUp = (app as unknown as Partial<HttpTestApp>).signUp;
        if (!signUp) throw new Error('openAs(role) needs an app started by startHttpApp; pass a user instead');
        const tenantId = typeof options.tenant === 'string' ? options.tenant : options.tenant?.id;
        if (who !== 'ADMIN' && !tenantId) throw new Error(`openAs('${who}') needs a tenant`);
        user = await signUp(who, who === 'ADMIN' ? null : tenantId);
      } else {
        user = who;
      }
      const session = await suite.open(options);
      await session.signIn(user);
      return { session, page: session.page, user };
    },
  };
  return suite;
}

/** What most screens' tests start from: the reference ids, a tenant of the file's own, and an editor of it who signs in. */
export interface TenantSeed {
  ref: ReferenceIds;
  tenant: Awaited<ReturnType<typeof newTenant>>;
  editor: Credentials;
}

/** useConsole with a tenant of the file's own and its editor, made once before the file's tests; `more` seeds what else the file needs. */
export function useTenantConsole(more?: (app: HttpTestApp, seeded: TenantSeed) => Promise<void>): ConsoleSuite<HttpTestApp> & TenantSeed {
  let seeded: TenantSeed | undefined;
  const suite = useConsole({
    seed: async (app) => {
      const ref = await referenceIds(app);
      const tenant = await newTenant(app);
      seeded = { ref, tenant, editor: await app.signUp('EDITOR', tenant.id) };
      await more?.(app, seeded);
    },
  });
  return Object.assign(suite, {
    ref: later('useTenantConsole: the reference ids', () => seeded?.ref),
    tenant: later('useTenantConsole: the tenant', () => seeded?.tenant),
    editor: later('useTenantConsole: the editor', () => seeded?.editor),
  });
}
