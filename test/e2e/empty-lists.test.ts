import { newTenant } from '../helpers/app';
import { seriousViolations } from '../helpers/browser';
import { BROWSER_TEST_TIMEOUT, useConsole, visible } from './support/console';

/** An empty list says what its records are and what to do next, by role. */

const reti = useConsole();
const { t } = reti;

test('an empty list says what its records are and offers Crea to an editor; a reader is told who can add them, without the button', async () => {
  const empty = await newTenant(t);

  const editor = await reti.openAs('EDITOR', { tenant: empty });
  await editor.session.shot('empty-list-editor', async () => {
    await editor.session.goto('networks');
    const box = editor.page.getByTestId('list-empty');
    await visible(box.getByText('Una rete riunisce i partner che attuano una misura'));
    await visible(box.getByText('Per iniziare, premi «Crea» qui sotto.'));
    await box.getByRole('link', { name: 'Crea' }).click();
    await editor.page.waitForURL(/\/networks\/create$/);
    expect(await seriousViolations(editor.page)).toEqual([]);
  });

  const reader = await reti.openAs('ANALYST', { tenant: empty });
  await reader.session.shot('empty-list-reader', async () => {
    await reader.session.goto('partners');
    const box = reader.page.getByTestId('list-empty');
    await visible(box.getByText('I partner sono i soggetti che possono entrare nelle reti'));
    await visible(box.getByText('Il tuo ruolo permette di consultare questo elenco ma non di aggiungere elementi'));
    expect(await box.getByRole('link', { name: 'Crea' }).count()).toBe(0);
    expect(await seriousViolations(reader.page)).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);
