import { readFileSync } from 'node:fs';
import { Locator } from 'playwright-core';
import { eventually } from '../helpers/browser';
import { BROWSER_TEST_TIMEOUT, count, useConsole, visible, WIDE } from './support/console';
import { Tenant, tenantWithAllocations } from './support/registry';

/** The analysis workspace: grouped totals with their totals row, the CSV export, the shareable link, and the filters it applies shown as chips. */

let tenant: Tenant;
/** A row's cells as shown, untrimmed. */
const cells = (row: Locator) => row.getByRole('cell').allInnerTexts();

const reti = useConsole({ seed: async (app) => void ({ tenant } = await tenantWithAllocations(app)) });

test('an analyst builds a grouped analysis, reads its totals row, exports it and shares it as a link', async () => {
  const { session, page } = await reti.openAs('ANALYST', { tenant, context: { acceptDownloads: true } });
  await session.shot('analyst-workspace', async () => {
    await page.getByRole('menuitem', { name: 'Area di analisi' }).click();
    await session.settled();

    // The first look: committed allocations by measure, with the totals row.
    const table = page.getByTestId('workspace-table');
    await count(table.locator('tbody tr'), 1);
    expect(await cells(table.locator('tbody tr').first())).toEqual([expect.stringMatching(/Fase II/), '4', '€ 3.250,50']);
    expect(await table.locator('tfoot tr').innerText()).toMatch(/^Totale\s+4\s+€ 3\.250,50$/);

    // A second dimension, the year: two groups, largest first; the totals row is their exact sum.
    await page.getByRole('button', { name: /Anno$/ }).click();
    await count(table.locator('tbody tr'), 2);
    expect(await cells(table.locator('tbody tr').nth(0))).toEqual([expect.stringMatching(/Fase II/), '2021', '3', '€ 3.000,00']);
    expect(await cells(table.locator('tbody tr').nth(1))).toEqual([expect.stringMatching(/Fase II/), '2022', '1', '€ 250,50']);
    expect(await table.locator('tfoot tr').innerText()).toMatch(/^Totale\s+4\s+€ 3\.250,50$/);

    // HAVING: only the groups of at least € 1.000,00.
    await page.getByLabel('Totale almeno (€)').fill('1.000');
    await count(table.locator('tbody tr'), 1);
    expect(await table.locator('tfoot tr').innerText()).toMatch(/^Totale\s+3\s+€ 3\.000,00$/);

    // The export: what an Italian spreadsheet opens as columns.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Misura;Anno;Assegnazioni;Totale (€)');
    // An amount holds a comma, so it is quoted (a spreadsheet splitting on commas keeps it whole).
    expect(lines[1]).toMatch(/Fase II.*;2021;3;"3000,00"$/);
    expect(lines[2]).toBe('Totale;;3;"3000,00"');

    // The link carries the whole analysis: opened afresh, it shows the same table.
    const shared = page.url();
    expect(new URL(shared).searchParams.get('by')).toBe('MEASURE,YEAR');
    const other = await session.context.newPage();
    await other.goto(shared);
    const sharedTable = other.getByTestId('workspace-table');
    await count(sharedTable.locator('tbody tr'), 1);
    expect(await sharedTable.locator('tfoot tr').innerText()).toMatch(/^Totale\s+3\s+€ 3\.000,00$/);
    expect(await other.getByLabel('Totale almeno (€)').inputValue()).toBe('1.000,00');
  });
}, BROWSER_TEST_TIMEOUT);

test('the workspace says what it applies, as removable chips, and its dates read gg/mm/aaaa', async () => {
  const { session, page } = await reti.openAs('ANALYST', { tenant, viewport: WIDE });
  await session.shot('finish-workspace', async () => {
    await session.goto('workspace');
    await session.settled();
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
