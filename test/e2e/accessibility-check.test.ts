import { newConsoleContext, seriousViolations } from '../helpers/browser';
import { useBrowser } from './support/console';

/**
 * The shared accessibility check judges the page a user is left with, not a frame caught mid-fade:
 * a notice that fades from the background colour to readable text is fine once it has appeared.
 */
const chromium = useBrowser();

const FADING_NOTICE = `<!doctype html><html lang="it"><head><title>Avviso</title><style>
  body { background: #fff; }
  .notice { color: #fff; transition: color 30s linear; }
  .notice.shown { color: #1a1a1a; }
  .late { opacity: 0; animation: appear 30s linear forwards; color: #1a1a1a; }
  @keyframes appear { from { opacity: 0.05; color: #f4f4f4; } to { opacity: 1; color: #1a1a1a; } }
</style></head><body><main><h1>Rete</h1>
  <p class="notice" id="notice">Elemento aggiornato</p>
  <p class="late">Servizio erogato registrato</p>
</main><script>requestAnimationFrame(() => requestAnimationFrame(() => document.getElementById('notice').classList.add('shown')));</script></body></html>`;

test('a notice still fading in is measured as it will settle, in a console context and in any other page', async () => {
  const context = await newConsoleContext(chromium.browser);
  const page = await context.newPage();
  await page.goto(`data:text/html,${encodeURIComponent(FADING_NOTICE)}`);
  expect(await seriousViolations(page)).toEqual([]);
  await context.close();

  // A page opened without the console context: the check itself turns motion off before measuring.
  const plain = await chromium.browser.newPage();
  await plain.setContent(FADING_NOTICE);
  expect(await seriousViolations(plain)).toEqual([]);
  await plain.close();
}, 120_000);

test('a page that stays low-contrast once settled is still reported', async () => {
  const page = await chromium.browser.newPage();
  await page.setContent(`<!doctype html><html lang="it"><head><title>Scuro</title></head><body><main><h1>Rete</h1><p style="color:#ddd;background:#fff">Testo chiaro</p></main></body></html>`);
  expect(await seriousViolations(page)).toEqual([expect.stringContaining('color-contrast')]);
  await page.close();
}, 120_000);
