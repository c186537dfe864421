import { eventually } from '../helpers/browser';
import { createNetwork } from '../helpers/factories';
import { ListPage } from './pages/list.page';
import { BROWSER_TEST_TIMEOUT, useTenantConsole, visible, WIDE } from './support/console';

/** The main lists keep saved searches (react-admin's saved queries) beside them, in the browser's storage. */

const reti = useTenantConsole();
const { t, ref, tenant, editor } = reti;

test('a search saved on the networks list is there when the page loads anew and applies its filter again with one click', async () => {
  const networks = [await createNetwork(t, tenant.editor, ref), await createNetwork(t, tenant.editor, ref)];
  const code = networks[0].code as string;
  const { session, page } = await reti.openAs(editor, { viewport: WIDE });
  const list = new ListPage(session, 'networks');
  const saved = page.getByTestId('saved-queries');

  await session.shot('saved-search', async () => {
    await list.open();
    await session.settled();
    await visible(saved.getByText('Ricerche salvate'));
    await list.search(code);
    await eventually(async () => expect(await list.rows.count()).toBe(1));
    await saved.getByRole('button', { name: 'Salva la ricerca attuale...' }).click();
    await page.getByRole('dialog').getByLabel('Nome della ricerca').fill('La mia rete');
    await page.getByRole('dialog').getByRole('button', { name: 'Salva' }).click();
    await visible(saved.getByText('La mia rete'));

    // Loaded anew, unfiltered, the list still offers the saved search, which filters again.
    await list.open({});
    await session.settled();
    await eventually(async () => expect(await list.rows.count()).toBeGreaterThanOrEqual(2));
    expect(await page.getByPlaceholder('Cerca').inputValue()).toBe('');
    await saved.getByText('La mia rete').click();
    await eventually(async () => expect(await page.getByPlaceholder('Cerca').inputValue()).toBe(code));
    await eventually(async () => expect(await list.rows.count()).toBe(1));
    await visible(list.rows.filter({ hasText: code }));
  });
}, BROWSER_TEST_TIMEOUT);
