import { eventually, seriousViolations, settled } from '../helpers/browser';
import { createNetwork, referenceIds, uniqueCode } from '../helpers/factories';
import { NetworkPage } from './pages/network.page';
import { BROWSER_TEST_TIMEOUT, count, PHONE, useConsole, visible } from './support/console';
import { Tenant, tenantWithAllocations } from './support/registry';

/** The console on a 390 px phone: no horizontal scrolling, lists as links, the network page's title, tabs and buttons on screen. */

let tenant: Tenant;
let networkIds: string[];
const reti = useConsole({ seed: async (app) => void ({ tenant, networkIds } = await tenantWithAllocations(app)) });
const { t } = reti;
const phone = { viewport: PHONE, mobile: true } as const;

test('on a 390 px phone the network list, the network page with its roster and the dashboard need no horizontal scrolling', async () => {
  const { session, page } = await reti.openAs('EDITOR', { tenant, ...phone });
  // The page's width, and when it is too wide the innermost elements that stick out, to say why.
  const fits = async () => {
    const { scrollWidth, culprits } = await page.evaluate<{ scrollWidth: number; culprits: string[] }>(`(() => {
      const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${PHONE.width + 1});
      const innermost = wide.filter((e) => !wide.some((other) => other !== e && e.contains(other)));
      return { scrollWidth: document.documentElement.scrollWidth, culprits: innermost.slice(0, 5).map((e) => e.tagName.toLowerCase() + '.' + String(e.className).split(' ').slice(0, 2).join('.')) };
    })()`);
    expect(scrollWidth <= PHONE.width ? 'fits' : { scrollWidth, culprits }).toBe('fits');
  };

  await session.shot('phone', async () => {
    await session.settled();
    await fits();

    await session.goto('networks');
    await session.settled();
    // A simple list of links rather than a table, and still a way to create and export.
    await count(page.locator('table'), 0);
    await visible(page.getByRole('link', { name: /RETE-/ }).first());
    await visible(page.getByRole('button', { name: 'Esporta' }));
    await visible(page.getByRole('link', { name: 'Crea' }));
    await fits();

    const networkPage = await new NetworkPage(session).open(networkIds[0], 'roster');
    await session.settled();
    await count(networkPage.roster.locator('tbody tr'), 3);
    await fits();
    await networkPage.tab('Verifica regole');
    await visible(networkPage.complianceSummary);
    await fits();
  });
}, BROWSER_TEST_TIMEOUT);

test('at 390 px the network page scrolls its tabs, wraps its title and keeps the restore buttons on screen; the access-denied page passes axe', async () => {
  const title = 'Rete per la ricollocazione dei lavoratori di un’azienda in crisi del territorio';
  const network = await createNetwork(t, tenant.editor, await referenceIds(t), { code: uniqueCode('RETE-PHONE').replace(/_/g, '-'), title });
  const { session, page } = await reti.openAs('EDITOR', { tenant, ...phone });
  await session.shot('finish-phone-network', async () => {
    await new NetworkPage(session).open(network.id);
    await session.settled();
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

    await session.goto('users');
    await visible(page.getByText('Accesso negato'));
    await settled(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);
