import { Locator } from 'playwright-core';
import { Screen } from './screen';

/** A partner's create and edit form. */
export class PartnerPage extends Screen {
  /** Opens an empty form for a new partner. */
  async create(): Promise<this> {
    await this.session.goto('partners/create');
    return this;
  }

  /** Opens a partner's edit form. */
  async edit(id: string): Promise<this> {
    await this.session.goto(`partners/${id}`);
    return this;
  }

  get name(): Locator {
    return this.page.getByLabel('Denominazione');
  }

  get taxCode(): Locator {
    return this.page.getByLabel('Codice fiscale / Partita IVA');
  }

  save(): Promise<void> {
    return this.page.getByRole('button', { name: 'Salva', exact: true }).click();
  }
}
