import { Page } from 'playwright-core';
import { newTenant } from '../helpers/app';
import { eventually, seriousViolations, settled as atRest } from '../helpers/browser';
import { createNetwork, createPartner, referenceIds, uniqueCode } from '../helpers/factories';
import { NetworkPage } from './pages/network.page';
import { BROWSER_TEST_TIMEOUT, useConsole, visible, WIDE } from './support/console';

/** The main actions by keyboard: a skip link, a visible focus ring, Enter on links, buttons and forms, the menu and the network page's tabs. */

const reti = useConsole();
const { t } = reti;

/** The focused element's text as written (not as styled), and whether it is in the page's content rather than the app bar or the menu. */
interface Focused {
  text: string;
  inMain: boolean;
}

const focused = (page: Page) =>
  page.evaluate<Focused>(`(() => {
    const element = document.activeElement;
    return { text: element?.textContent?.trim() ?? '', inMain: !!element?.closest('#main-content') };
  })()`);

/** Presses Tab until the focused element matches. */
async function tabTo(page: Page, matches: (element: Focused) => boolean, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error('Tab never reached the element');
}

/** The width of the focused element's outline, in px: 0 when it draws none. */
async function focusRing(page: Page): Promise<number> {
  await atRest(page);
  return page.evaluate<number>(`(() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  })()`);
}

test('Tab first reaches a readable "Vai al contenuto", then the list\'s Crea with a focus ring; Enter opens it; the menu, a form and the network tabs work by keyboard', async () => {
  const tenant = await newTenant(t);
  const ref = await referenceIds(t);
  const network = await createNetwork(t, tenant.editor, ref);
  const partner = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Da tastiera ${uniqueCode('K')}` });
  const { session, page } = await reti.openAs('EDITOR', { tenant, viewport: WIDE });

  await session.shot('keyboard', async () => {
    await session.goto('networks');
    await session.settled();

    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Vai al contenuto');
    expect((await page.locator(':focus').boundingBox())!.y).toBeGreaterThanOrEqual(0);
    expect(await focusRing(page)).toBeGreaterThanOrEqual(2);
    // Readable while it shows: react-admin's drew white on the light page.
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');

    // The next stop is in the page's content, not back in the app bar or the menu.
    await page.keyboard.press('Tab');
    expect((await focused(page)).inMain).toBe(true);
    await tabTo(page, (element) => element.inMain && element.text === 'Crea');
    expect(await focusRing(page)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/networks\/create$/);

    // The menu: Tab to "Partner", Enter.
    await tabTo(page, (element) => !element.inMain && element.text === 'Partner');
    expect(await focusRing(page)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/partners$/);

    // A form saves with Enter.
    await session.goto(`partners/${partner.id}`);
    await session.settled();
    const name = page.locator('input[name=legalName]');
    await name.fill(`${partner.legalName} rinominato`);
    await name.press('Enter');
    await page.waitForURL(new RegExp(`/partners/${partner.id}/show$`));
    await eventually(async () => expect((await t.owner.query('SELECT legal_name FROM partners WHERE id = $1', [partner.id]))[0].legal_name).toBe(`${partner.legalName} rinominato`));

    // The network page's tabs: Tab reaches the selected one, the arrow moves along, Enter opens.
    await new NetworkPage(session).open(network.id);
    await session.settled();
    await tabTo(page, (element) => element.inMain && element.text === 'Scheda');
    expect(await focusRing(page)).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('ArrowRight');
    expect((await focused(page)).text).toBe('Partenariato');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/show\/roster$/);
    await visible(page.getByRole('tab', { name: 'Partenariato', selected: true }));
  });
}, BROWSER_TEST_TIMEOUT);
