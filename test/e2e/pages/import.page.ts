import { Locator } from 'playwright-core';
import { Screen } from './screen';

/** The CSV import: a file is checked first (a dry run with its errors), then its valid rows are written. */
export class ImportPage extends Screen {
  async open(): Promise<this> {
    await this.session.goto('import');
    return this;
  }

  /** Chooses a CSV file: the dry run starts. */
  upload(name: string, csv: string): Promise<void> {
    return this.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  }

  /** The kind of rows the file holds (Partner, Aziende in crisi, …). */
  kind(label: string): Promise<void> {
    return this.page.getByRole('radio', { name: label }).check();
  }

  get total(): Locator {
    return this.page.getByTestId('import-total');
  }

  get valid(): Locator {
    return this.page.getByTestId('import-valid');
  }

  get invalid(): Locator {
    return this.page.getByTestId('import-invalid');
  }

  /** The rows of the error report: line, field, message. */
  get errorRows(): Locator {
    return this.page.getByTestId('import-errors').locator('tbody tr');
  }

  get outcome(): Locator {
    return this.page.getByTestId('import-outcome');
  }

  /** Writes the valid rows: the button says how many (Importa 2 righe valide). */
  importValid(label: string | RegExp): Promise<void> {
    return this.page.getByRole('button', { name: label }).click();
  }
}
