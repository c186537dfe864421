import { newTenant } from '../helpers/app';
import { eventually } from '../helpers/browser';
import { createNetwork, must, referenceIds } from '../helpers/factories';
import { BROWSER_TEST_TIMEOUT, useConsole, visible } from './support/console';

/** A record's history, on its page: each change told in the console's words, and any version brought back. */

const reti = useConsole();
const { t } = reti;

test('the history reads as labels, names, € and dates, with its author; Ripristina questa versione brings the values back through the update', async () => {
  const ref = await referenceIds(t);
  const tenant = await newTenant(t);
  const editor = await t.signUp('EDITOR', tenant.id);
  const network = await createNetwork(t, tenant.editor, ref, { title: 'Titolo originale' });
  const allocation = await must(t, tenant.editor, `mutation($input: CreateAllocationInput!) { createAllocation(input: $input) { id version } }`, {
    input: { networkId: network.id, fundSourceId: ref.fundSource('AZIONI_RETE'), amount: '69999.5', allocatedOn: '2021-03-15', kind: 'PROCESS' },
  });
  await t.post(`mutation($id: ID!, $v: Int!) { updateAllocation(id: $id, version: $v, input: { amount: "1200", kind: RESULT }) { id } }`, { id: allocation.id, v: allocation.version }, { token: editor.token });

  // A browser whose own locale is English, as this test has always run: the history is still Italian.
  const { session, page } = await reti.openAs(editor, { context: { locale: 'en-US' } });
  await session.shot('history-restore', async () => {
    await session.goto(`allocations/${allocation.id}/show`);
    const history = page.getByRole('row').filter({ hasText: 'Modifica · Assegnazione' });
    await visible(history);
    const text = await history.innerText();
    expect(text).toContain('di EDITOR di prova');
    for (const shown of ['€ 69.999,50', '€ 1.200,00', 'Servizi a processo', 'Servizi a risultato']) expect(text).toContain(shown);
    for (const raw of ['PROCESS', '69999.5', 'RESULT']) expect(text).not.toContain(raw);

    const created = page.getByRole('row').filter({ hasText: 'Inserimento · Assegnazione' });
    await created.getByRole('button', { name: 'Ripristina questa versione' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
    await visible(page.getByText('Versione ripristinata'));
    await eventually(async () => {
      const [row] = await t.owner.query('SELECT amount::text, kind, version FROM allocations WHERE id = $1', [allocation.id]);
      expect(row).toEqual({ amount: '69999.50', kind: 'PROCESS', version: allocation.version + 2 });
    });
  });
}, BROWSER_TEST_TIMEOUT);
