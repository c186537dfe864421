import { eventually } from '../helpers/browser';
import { addMember, countRows, createNetwork, createPartner, uniqueCode } from '../helpers/factories';
import { ListPage } from './pages/list.page';
import { NetworkPage } from './pages/network.page';
import { BROWSER_TEST_TIMEOUT, hidden, useTenantConsole, visible } from './support/console';

/** Deletes that can wait are undone from their notice, which names what went (react-admin's undoable mode); the others still ask first. */

const reti = useTenantConsole();
const { t, ref, tenant, editor } = reti;

test('removing a member goes at once with Annulla in a notice naming it; Annulla brings it back, and without it the membership is deleted', async () => {
  const network = await createNetwork(t, tenant.editor, ref);
  const partner = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Da togliere ${uniqueCode('U')}` });
  const member = await addMember(t, tenant.editor, network.id, partner.id);
  const { session, page } = await reti.openAs(editor);
  const notice = page.locator('.MuiSnackbar-root');
  const networkPage = new NetworkPage(session);
  const row = networkPage.member(partner.legalName);

  await session.shot('undo-member', async () => {
    await networkPage.open(network.id, 'roster');
    await visible(row);
    await row.getByRole('button', { name: 'Rimuovi' }).click();
    // No question first: the row goes, and the notice says which and offers to undo.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await visible(notice.getByText(`«${partner.legalName}» tolto dalla rete`));
    await hidden(row);
    await notice.getByRole('button', { name: 'Annulla' }).click();
    await visible(row);
    await hidden(notice);
    // Back from the server too: the membership was never deleted.
    await page.reload();
    await visible(row);
    expect(await countRows(t, 'network_members', 'id = $1', [member.id])).toBe(1);

    // Left alone, the notice closes and the delete reaches the server.
    await row.getByRole('button', { name: 'Rimuovi' }).click();
    await visible(notice.getByText(`«${partner.legalName}» tolto dalla rete`));
    await hidden(notice);
    await eventually(async () => expect(await countRows(t, 'network_members', 'id = $1', [member.id])).toBe(0));
  });
}, BROWSER_TEST_TIMEOUT);

test('a partner in no network is deleted with Annulla, which brings it back to the list; one in a network is still asked about', async () => {
  const suffix = uniqueCode('P');
  const loose = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `Senza reti ${suffix}` });
  const linked = await createPartner(t, tenant.editor, ref, 'LABOUR_OPERATOR', { legalName: `In una rete ${suffix}` });
  await addMember(t, tenant.editor, (await createNetwork(t, tenant.editor, ref)).id, linked.id);
  const { session, page } = await reti.openAs(editor);
  const notice = page.locator('.MuiSnackbar-root');

  await session.shot('undo-partner', async () => {
    await session.goto(`partners/${linked.id}`);
    await session.settled();
    await page.getByRole('button', { name: 'Elimina' }).click();
    await visible(page.getByRole('dialog'));
    await page.getByRole('dialog').getByRole('button', { name: 'Annulla' }).click();

    await session.goto(`partners/${loose.id}`);
    await session.settled();
    await page.getByRole('button', { name: 'Elimina' }).click();
    await page.waitForURL(/\/partners$/);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await visible(notice.getByText(`«${loose.legalName}» eliminato`));
    await notice.getByRole('button', { name: 'Annulla' }).click();
    const list = new ListPage(session, 'partners');
    await list.search(suffix);
    await visible(list.rows.filter({ hasText: loose.legalName }));
    await hidden(notice);
    expect(await countRows(t, 'partners', 'id = $1', [loose.id])).toBe(1);
  });
}, BROWSER_TEST_TIMEOUT);
