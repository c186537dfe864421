import { newTenant } from '../helpers/app';
import { eventually } from '../helpers/browser';
import { publishedCall } from '../helpers/codesign';
import { seedNetworks, uniqueCode } from '../helpers/factories';
import { BROWSER_TEST_TIMEOUT, useConsole, visible, WIDE } from './support/console';

/** The dashboard and the menu each kind of user lands on: the funds' chart for the registry, open calls for a third-sector body. */

const reti = useConsole();
const { t } = reti;

test("the dashboard's fund chart names its sources as the table does, and a first visit logs no 401", async () => {
  const tenant = await newTenant(t);
  await seedNetworks(t, tenant.editor, 1);
  const editor = await t.signUp('EDITOR', tenant.id);
  const session = await reti.open({ viewport: WIDE });
  const page = session.page;
  await session.shot('finish-dashboard', async () => {
    await session.goto();
    await visible(page.locator('input[name=username]'));
    await session.signIn(editor);
    const table = page.getByTestId('fund-sources');
    await visible(table);
    const ticks = page.locator('.MuiCard-root').filter({ has: table }).locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await eventually(async () => expect(await ticks.count()).toBeGreaterThan(0));
    const axis = (await ticks.allTextContents()).join(' ');
    expect(axis).toContain('Programma GOL');
    expect(axis).not.toMatch(/GOL_PNRR_2022|AZIONI_RETE|FONDO_COMPETENZE/);
    expect(await table.innerText()).toContain('Programma GOL');
    expect(session.failures.filter((f) => f.startsWith('401'))).toEqual([]);
    expect(session.errors.filter((e) => /401/.test(e))).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);

test("a third-sector body's user sees co-design only: its menu, a dashboard of open calls and its proposals, no registry", async () => {
  const ambito = await newTenant(t, 'AMBITO');
  const callTitle = `Avviso aperto ${uniqueCode('A')}`;
  await publishedCall(t, ambito, { title: callTitle });
  const body = await newTenant(t, 'THIRD_SECTOR_BODY');

  const { session, page } = await reti.openAs('EDITOR', { tenant: body, viewport: WIDE });
  await session.shot('finish-third-sector-body', async () => {
    await session.settled();
    await visible(page.getByTestId('dashboard-calls').getByText(callTitle));
    await visible(page.getByTestId('dashboard-proposals').getByText('Non hai ancora proposte'));
    expect(await page.getByRole('menuitem').allInnerTexts()).toEqual(['Cruscotto', 'Istruttorie di coprogettazione', 'Proposte progettuali']);
    // Nothing of the funds or of other tenants' commitments.
    expect(await page.getByTestId('fund-sources').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toMatch(/€/);
    await session.goto('networks');
    await visible(page.getByText('Accesso negato'));
    await session.goto('codesignCalls');
    await session.settled();
    await visible(page.getByText(callTitle));
  });
}, BROWSER_TEST_TIMEOUT);
