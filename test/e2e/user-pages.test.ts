import { newTenant } from '../helpers/app';
import { eventually } from '../helpers/browser';
import { uniqueCode } from '../helpers/factories';
import { UserPage } from './pages/user.page';
import { BROWSER_TEST_TIMEOUT, useConsole, visible, WIDE } from './support/console';

/** The administration's user pages: found from the list, opened and edited, with no request refused on the way. */

let tenant: Awaited<ReturnType<typeof newTenant>>;
const reti = useConsole({ seed: async (app) => void (tenant = await newTenant(app)) });
const { t } = reti;

test('an administrator opens a user from the list, without a refused request', async () => {
  const someone = await t.signUp('EDITOR', tenant.id);
  const { session, page } = await reti.openAs('ADMIN', { viewport: WIDE });
  await session.shot('finish-user-pages', async () => {
    const users = await new UserPage(session).search(someone.email);
    await users.row(someone.email).click();
    await page.waitForURL(/\/users\/[0-9a-f-]+\/show$/);
    await session.settled();
    await visible(page.getByText(someone.email));
    expect(session.failures).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);

test('an administrator edits a user on its edit page, which stays open with the user in the form', async () => {
  const someone = await t.signUp('EDITOR', tenant.id);
  const id = (await t.owner.query('SELECT id FROM users WHERE email = $1', [someone.email]))[0].id;
  const newName = `Nome modificato ${uniqueCode('U')}`;
  const { session, page } = await reti.openAs('ADMIN', { viewport: WIDE });
  await session.shot('finish-user-edit', async () => {
    const user = await new UserPage(session).edit(id);
    await session.settled();
    const displayName = user.field('displayName');
    await visible(displayName);
    expect(page.url()).toMatch(new RegExp(`/users/${id}$`));
    expect(await user.field('email').inputValue()).toBe(someone.email);
    await displayName.fill(newName);
    await user.save();
    await page.waitForURL(new RegExp(`/users/${id}/show$`));
    await eventually(async () => expect((await t.owner.query('SELECT display_name FROM users WHERE id = $1', [id]))[0].display_name).toBe(newName));
    expect(session.failures).toEqual([]);
  });
}, BROWSER_TEST_TIMEOUT);
