import { Locator } from 'playwright-core';
import { Screen } from './screen';

/** The administration's users: the list with its search, a user's page and edit form. */
export class UserPage extends Screen {
  /** Opens the list and searches it. */
  async search(term: string): Promise<this> {
    await this.session.goto('users');
    await this.page.getByPlaceholder('Cerca').fill(term);
    return this;
  }

  row(email: string): Locator {
    return this.page.getByRole('row').filter({ hasText: email });
  }

  async edit(id: string): Promise<this> {
    await this.session.goto(`users/${id}`);
    return this;
  }

  field(name: 'email' | 'displayName' | 'password'): Locator {
    return this.page.locator(`input[name=${name}]`);
  }

  save(): Promise<void> {
    return this.page.getByRole('button', { name: 'Salva' }).click();
  }
}
