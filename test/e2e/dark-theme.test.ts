import { newTenant } from '../helpers/app';
import { eventually, seriousViolations } from '../helpers/browser';
import { createNetwork, referenceIds } from '../helpers/factories';
import { BROWSER_TEST_TIMEOUT, useConsole, visible, WIDE } from './support/console';

/** The dark theme: chosen in the app bar (react-admin's ToggleThemeButton), kept, and as readable as the light one. */

const reti = useConsole();
const { t } = reti;

test('the dark theme, chosen in the app bar, stays after a reload and has no serious axe finding on the dashboard, a list and a form', async () => {
  const tenant = await newTenant(t);
  const network = await createNetwork(t, tenant.editor, await referenceIds(t));
  const { session, page } = await reti.openAs('EDITOR', { tenant, viewport: WIDE });
  const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');

  await session.shot('dark-theme', async () => {
    await session.settled();
    const light = await background();
    await page.getByRole('button', { name: 'Tema chiaro/scuro' }).click();
    await eventually(async () => expect(await background()).not.toBe(light));
    await page.reload();
    await session.settled();
    const dark = await background();
    expect(dark).not.toBe(light);
    // Dark: every channel of the page's background well below the middle.
    expect(dark.match(/\d+/g)!.slice(0, 3).every((channel: string) => Number(channel) < 100)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await session.goto('networks');
    await session.settled();
    expect(await background()).toBe(dark);
    expect(await seriousViolations(page)).toEqual([]);

    await session.goto(`networks/${network.id}`);
    await session.settled();
    await visible(page.locator('input[name=title]'));
    expect(await seriousViolations(page)).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);
