import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from 'playwright-core';
import { consoleStaleness } from '../../server/src/console-build';

const ROOT = path.resolve(__dirname, '../..');
const SCREENSHOTS = path.join(ROOT, 'test-results');

/**
 * The Chromium that `npm ci` brings (@sparticuz/chromium unpacks its build into the temporary
 * folder on first use), or the one CHROMIUM_PATH names. The package is an ES module, so a child
 * process asks it for the path rather than jest's CommonJS loader.
 */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const script = "import('@sparticuz/chromium').then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))";
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
}

/** Headless, as root in a container: no sandbox, no GPU, nothing phoning home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/**
 * Every transition and animation finishes at once. Not every component honours reduced motion, and
 * MUI sets its transitions inline, hence `!important`. An element caught fading in has, for a
 * moment, a contrast that fails: the accessibility check must see the page as it settles.
 */
const SETTLED_STYLE = `*, *::before, *::after {
  transition-duration: 0s !important; transition-delay: 0s !important;
  animation-duration: 0s !important; animation-delay: 0s !important;
}`;
const INSTALL_SETTLED_STYLE = `(() => {
  const install = () => {
    if (document.getElementById('reti-test-settled')) return;
    const style = document.createElement('style');
    style.id = 'reti-test-settled';
    style.textContent = ${JSON.stringify(SETTLED_STYLE)};
    (document.head ?? document.documentElement).appendChild(style);
  };
  if (document.documentElement) install(); else document.addEventListener('DOMContentLoaded', install);
})()`;

/** A browser context for the console: Italian at 1400 × 1000 unless told otherwise, with motion off. */
export async function newConsoleContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'it-IT', viewport: { width: 1400, height: 1000 }, reducedMotion: 'reduce', ...options });
  await context.addInitScript(INSTALL_SETTLED_STYLE);
  return context;
}

/**
 * Brings the page to rest: the motion-off style is in place (also on a page opened without
 * newConsoleContext), whatever was already moving is finished, and two frames have been painted
 * since, so notices and dialogs have finished appearing. Endless animations (spinners) are left alone.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(INSTALL_SETTLED_STYLE);
  await page.evaluate(`document.getAnimations().forEach((a) => { if (a.effect?.getComputedTiming().iterations !== Infinity) a.finish(); })`);
  await page.evaluate(`new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))`);
}

/**
 * The console is served from admin/dist; `npm ci` builds it, and so does this when it is missing or
 * older than its sources. Test files in other workers may ask at the same time: flock lets one build
 * while the others wait, and then find it current.
 */
export function ensureConsoleBuilt(): void {
  if (consoleStaleness(ROOT)) {
    const lock = path.join(tmpdir(), 'reti-admin-build.lock');
    execFileSync('flock', [lock, 'sh', '-c', 'npm run --silent build && npm run --silent build:console'], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** Runs a browser scenario; when it fails, a screenshot of the page is left in test-results/. */
export async function withScreenshotOnFailure(page: Page, name: string, scenario: () => Promise<void>): Promise<void> {
  try {
    await scenario();
  } catch (error) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw Object.assign(error as Error, { message: `${(error as Error).message}\nScreenshot: ${file}` });
  }
}

/** Signs in through the console's login page and waits for the dashboard. */
export async function signIn(page: Page, consoleUrl: string, email: string, password: string): Promise<void> {
  await page.goto(consoleUrl);
  await page.locator('input[name=username]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByText('Benvenuto').waitFor();
}

/** Picks an option of a react-admin autocomplete: types part of its text and clicks it. */
export async function pickOption(page: Page, label: string, search: string, option: string | RegExp = search): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** Retries an assertion until it holds or `timeoutMs` passes, like Playwright Test's web-first assertions. */
export async function eventually(assertion: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's critical and serious violations on the page once it has settled; evaluated, so the page's CSP does not apply. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await settled(page);
  // Once per document: a page navigated client-side keeps it.
  if (!(await page.evaluate(`typeof axe !== 'undefined'`))) await page.evaluate(AXE);
  const violations = await page.evaluate<AxeViolation[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`);
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}
