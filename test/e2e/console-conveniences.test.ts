import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { newTenant } from '../helpers/app';
import { ensureConsoleBuilt, eventually, launchChromium, newConsoleContext, seriousViolations, settled as atRest, signIn, withScreenshotOnFailure } from '../helpers/browser';
import { addMember, countRows, createNetwork, createPartner, referenceIds, ReferenceIds, uniqueCode } from '../helpers/factories';
import { HttpTestApp, startHttpApp } from '../helpers/http';

/**
 * Issue 23, what users of Directus, Retool and react-admin's demo also expect: undo instead of a
 * confirmation where a delete can wait, saved searches per list, empty lists that say what to do,
 * a dark theme, and the main actions by keyboard.
 */

let t: HttpTestApp;
let ref: ReferenceIds;
let browser: Browser;
let consoleUrl: string;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let editor: { email: string; password: string };
let context: BrowserContext;
let page: Page;
const BROWSER_TEST_TIMEOUT = 400_000;

beforeAll(async () => {
  ensureConsoleBuilt();
  t = await startHttpApp();
  ref = await referenceIds(t);
  consoleUrl = new URL('/admin/', t.url).toString();
  tenant = await newTenant(t);
  editor = await t.signUp('EDITOR', tenant.id);
  browser = await launchChromium();
}, BROWSER_TEST_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

beforeEach(async () => {
  context = await newConsoleContext(browser, { viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

afterEach(() => context?.close());

const url = (route: string) => new URL(route, consoleUrl).toString();
const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });
const hidden = (locator: Locator) => locator.waitFor({ state: 'hidden' });

/** A page has settled when its title is in the app bar and nothing is loading. */
async function settled(): Promise<void> {
  await visible(page.locator('h1#react-admin-title'));
  await eventually(async () => expect(await page.locator('.MuiLinearProgress-indeterminate, .MuiCircularProgress-indeterminate, .MuiSkeleton-root').count()).toBe(0));
  await atRest(page);
}

const notice = () => page.locator('.MuiSnackbar-root');

test('removing a member goes at once with Annulla in a notice naming it; Annulla brings it back, and without it the membership is deleted', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const partner = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Da togliere ${uniqueCode('U')}` });
  const member = await addMember(t, tenant.editor, network.id, partner.id);
  const row = () => page.getByTestId('roster').getByRole('row').filter({ hasText: partner.legalName });

  await withScreenshotOnFailure(page, 'conveniences-undo-member', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url(`networks/${network.id}/show/roster`));
    await visible(row());
    await row().getByRole('button', { name: 'Rimuovi' }).click();
    // No question first: the row goes, and the notice says which and offers to undo.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await visible(notice().getByText(`«${partner.legalName}» tolto dalla rete`));
    await hidden(row());
    await notice().getByRole('button', { name: 'Annulla' }).click();
    await visible(row());
    await hidden(notice());
    // Back from the server too: the membership was never deleted.
    await page.reload();
    await visible(row());
    expect(await countRows(t, 'network_members', 'id = $1', [member.id])).toBe(1);

    // Left alone, the notice closes and the delete reaches the server.
    await row().getByRole('button', { name: 'Rimuovi' }).click();
    await visible(notice().getByText(`«${partner.legalName}» tolto dalla rete`));
    await hidden(notice());
    await eventually(async () => expect(await countRows(t, 'network_members', 'id = $1', [member.id])).toBe(0));
  });
}, BROWSER_TEST_TIMEOUT);

test('a partner in no network is deleted with Annulla, which brings it back to the list; one in a network is still asked about', async () => {
  const suffix = uniqueCode('P');
  const loose = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Senza reti ${suffix}` });
  const linked = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `In una rete ${suffix}` });
  await addMember(t, tenant.editor, (await createNetwork(t, tenant.editor, ref)).id, linked.id);

  await withScreenshotOnFailure(page, 'conveniences-undo-partner', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url(`partners/${linked.id}`));
    await settled();
    await page.getByRole('button', { name: 'Elimina' }).click();
    await visible(page.getByRole('dialog'));
    await page.getByRole('dialog').getByRole('button', { name: 'Annulla' }).click();

    await page.goto(url(`partners/${loose.id}`));
    await settled();
    await page.getByRole('button', { name: 'Elimina' }).click();
    await page.waitForURL(/\/partners$/);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await visible(notice().getByText(`«${loose.legalName}» eliminato`));
    await notice().getByRole('button', { name: 'Annulla' }).click();
    await page.getByPlaceholder('Cerca').fill(suffix);
    await visible(page.getByRole('row').filter({ hasText: loose.legalName }));
    await hidden(notice());
    expect(await countRows(t, 'partners', 'id = $1', [loose.id])).toBe(1);
  });
}, BROWSER_TEST_TIMEOUT);

test('a search saved on the networks list is there after a reload and applies its filter again with one click', async () => {
  const networks = [await createNetwork(t, tenant.editor, ref), await createNetwork(t, tenant.editor, ref)];
  const code = networks[0].code as string;
  const rows = () => page.locator('tbody').getByRole('row');

  await withScreenshotOnFailure(page, 'conveniences-saved-query', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url('networks'));
    await settled();
    const saved = page.getByTestId('saved-queries');
    await visible(saved.getByText('Ricerche salvate'));
    await page.getByPlaceholder('Cerca').fill(code);
    await eventually(async () => expect(await rows().count()).toBe(1));
    await saved.getByRole('button', { name: 'Salva la ricerca attuale...' }).click();
    await page.getByRole('dialog').getByLabel('Nome della ricerca').fill('La mia rete');
    await page.getByRole('dialog').getByRole('button', { name: 'Salva' }).click();
    await visible(saved.getByText('La mia rete'));

    // After loading the page anew, on the unfiltered list, the saved search is still offered and filters again.
    await page.goto(url(`networks?filter=${encodeURIComponent('{}')}`));
    await settled();
    await eventually(async () => expect(await rows().count()).toBeGreaterThanOrEqual(2));
    expect(await page.getByPlaceholder('Cerca').inputValue()).toBe('');
    await page.getByTestId('saved-queries').getByText('La mia rete').click();
    await eventually(async () => expect(await page.getByPlaceholder('Cerca').inputValue()).toBe(code));
    await eventually(async () => expect(await rows().count()).toBe(1));
    await visible(rows().filter({ hasText: code }));
  });
}, BROWSER_TEST_TIMEOUT);

test('an empty list says what its records are and offers Crea to an editor; a reader is told who can add them, without the button', async () => {
  const empty = await newTenant(t);
  const emptyEditor = await t.signUp('EDITOR', empty.id);
  const emptyAnalyst = await t.signUp('ANALYST', empty.id);

  await withScreenshotOnFailure(page, 'conveniences-empty-editor', async () => {
    await signIn(page, consoleUrl, emptyEditor.email, emptyEditor.password);
    await page.goto(url('networks'));
    const box = page.getByTestId('list-empty');
    await visible(box.getByText('Una rete riunisce i partner che attuano una misura'));
    await visible(box.getByText('Per iniziare, premi «Crea» qui sotto.'));
    await box.getByRole('link', { name: 'Crea' }).click();
    await page.waitForURL(/\/networks\/create$/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  await context.close();
  context = await newConsoleContext(browser, { viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await withScreenshotOnFailure(page, 'conveniences-empty-reader', async () => {
    await signIn(page, consoleUrl, emptyAnalyst.email, emptyAnalyst.password);
    await page.goto(url('partners'));
    const box = page.getByTestId('list-empty');
    await visible(box.getByText('I partner sono i soggetti che possono entrare nelle reti'));
    await visible(box.getByText('Il tuo ruolo permette di consultare questo elenco ma non di aggiungere elementi'));
    expect(await box.getByRole('link', { name: 'Crea' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);

test('the dark theme, chosen in the app bar, stays after a reload and has no serious axe finding on the dashboard, a list and a form', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');

  await withScreenshotOnFailure(page, 'conveniences-dark-theme', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await settled();
    const light = await background();
    await page.getByRole('button', { name: 'Tema chiaro/scuro' }).click();
    await eventually(async () => expect(await background()).not.toBe(light));
    await page.reload();
    await settled();
    const dark = await background();
    expect(dark).not.toBe(light);
    // Dark: every channel of the page's background well below the middle.
    expect(dark.match(/\d+/g)!.slice(0, 3).every((channel: string) => Number(channel) < 100)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(url('networks'));
    await settled();
    expect(await background()).toBe(dark);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(url(`networks/${network.id}`));
    await settled();
    await visible(page.locator('input[name=title]'));
    expect(await seriousViolations(page)).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);

/** The focused element's text, and whether it is in the page's content (not the app bar or the menu). */
interface Focused {
  text: string;
  inMain: boolean;
}

/** Presses Tab until the focused element matches (by its text as written, not as styled). */
async function tabTo(matches: (element: Focused) => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<Focused>(`(() => {
      const element = document.activeElement;
      return { text: element?.textContent?.trim() ?? '', inMain: !!element?.closest('#main-content') };
    })()`);
    if (matches(focused)) return;
  }
  throw new Error('Tab never reached the element');
}

/** The focused element draws a ring that can be seen: an outline at least 2 px wide. */
async function focusRing(): Promise<{ style: string; width: number }> {
  await atRest(page);
  return page.evaluate<{ style: string; width: number }>(`(() => {
    const style = getComputedStyle(document.activeElement);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  })()`);
}

test('by keyboard: Tab first reaches a readable "Vai al contenuto", then the list\'s Crea with a focus ring; Enter opens it; the menu and the network tabs work with Tab, arrows and Enter', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const partner = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Da tastiera ${uniqueCode('K')}` });

  await withScreenshotOnFailure(page, 'conveniences-keyboard', async () => {
    await signIn(page, consoleUrl, editor.email, editor.password);
    await page.goto(url('networks'));
    await settled();

    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    expect((await skip.textContent())?.trim()).toBe('Vai al contenuto');
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(await focusRing()).toMatchObject({ style: 'solid' });
    expect((await focusRing()).width).toBeGreaterThanOrEqual(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');

    // The next stop is in the page's content, not back in the app bar or the menu.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<boolean>(`!!document.activeElement?.closest('#main-content')`)).toBe(true);
    await tabTo((focused) => focused.inMain && focused.text === 'Crea');
    expect((await focusRing()).width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/networks\/create$/);

    // The menu: Tab to "Partner" and Enter.
    await tabTo((focused) => !focused.inMain && focused.text === 'Partner');
    expect((await focusRing()).width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/partners$/);

    // A form saves with Enter.
    await page.goto(url(`partners/${partner.id}`));
    await settled();
    const name = page.locator('input[name=legalName]');
    await name.fill(`${partner.legalName} rinominato`);
    await name.press('Enter');
    await page.waitForURL(new RegExp(`/partners/${partner.id}/show$`));
    await eventually(async () => expect((await t.owner.query('SELECT legal_name FROM partners WHERE id = $1', [partner.id]))[0].legal_name).toBe(`${partner.legalName} rinominato`));

    // The network page's tabs: Tab reaches the selected one, the arrow moves along, Enter opens.
    await page.goto(url(`networks/${network.id}/show`));
    await settled();
    await tabTo((focused) => focused.inMain && focused.text === 'Scheda');
    expect((await focusRing()).width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('ArrowRight');
    expect((await page.locator(':focus').textContent())?.trim()).toBe('Partenariato');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/show\/roster$/);
    await visible(page.getByRole('tab', { name: 'Partenariato', selected: true }));
  });
}, BROWSER_TEST_TIMEOUT);
