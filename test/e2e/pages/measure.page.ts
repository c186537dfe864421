import { Locator } from 'playwright-core';
import { visible } from '../support/console';
import { Screen } from './screen';

/** A measure's edit form, where a parameter change goes through its dry run before it is saved. */
export class MeasurePage extends Screen {
  /** Opens the measure's edit form and waits for it. */
  async edit(id: string): Promise<this> {
    await this.session.goto(`measures/${id}`);
    await visible(this.minimum);
    return this;
  }

  get minimum(): Locator {
    return this.page.getByLabel('Soggetti minimi (capofila incluso)');
  }

  /** Sets the minimum number of partners and asks to save: the dry run answers. */
  async setMinimum(partners: number): Promise<void> {
    await this.minimum.fill(String(partners));
    await this.save();
  }

  /** The amount of an aid band for a result kind (RESULT_BAND_AMOUNTS), in Italian. */
  bandAmount(band: number, kind: 'inserimento lavorativo' | 'autoimprenditorialità'): Locator {
    return this.page.getByLabel(`Fascia ${band} – ${kind}`);
  }

  save(): Promise<void> {
    return this.page.getByRole('button', { name: 'Salva', exact: true }).click();
  }

  /** The ACTIVE networks the change would break. */
  get dryRunWarning(): Locator {
    return this.page.getByTestId('dry-run-warning');
  }

  /** The preview of a change that breaks nothing. */
  get dryRunClear(): Locator {
    return this.page.getByTestId('dry-run-clear');
  }
}
