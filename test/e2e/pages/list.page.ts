import { Locator } from 'playwright-core';
import { ConsoleSession } from '../support/console';
import { Screen } from './screen';

/** Any resource's list: filters in the address, rows, selection, the column chooser and the bulk actions. */
export class ListPage extends Screen {
  constructor(
    session: ConsoleSession,
    readonly resource: string,
  ) {
    super(session);
  }

  /** Opens the list, filtered when given (e.g. `{ q: 'Rho' }`). */
  async open(filter?: Record<string, unknown>): Promise<this> {
    await this.session.goto(filter ? `${this.resource}?filter=${encodeURIComponent(JSON.stringify(filter))}` : this.resource);
    return this;
  }

  /** Types in the list's search box. */
  search(term: string): Promise<void> {
    return this.page.getByPlaceholder('Cerca').fill(term);
  }

  get rows(): Locator {
    return this.page.locator('tbody tr');
  }

  get header(): Locator {
    return this.page.locator('thead');
  }

  /** The total row of money columns, computed by the server over everything the filters select. */
  get totals(): Locator {
    return this.page.getByTestId('list-totals');
  }

  /** Selects every row of the page. */
  selectAll(): Promise<void> {
    return this.header.getByRole('checkbox').check();
  }

  /** Hides or shows a column through the column chooser. */
  async toggleColumn(label: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Colonne' }).click();
    await this.page.locator('.MuiPopover-paper').getByText(label).click();
    await this.page.keyboard.press('Escape');
  }

  /** Deletes the selected rows, confirming. */
  async deleteSelected(): Promise<void> {
    await this.page.getByRole('button', { name: 'Elimina' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
  }
}
