import { Locator } from 'playwright-core';
import { Screen } from './screen';

/** A co-design call's page: its lifecycle with the next step, the commission, the ranking and the award. */
export class CodesignCallPage extends Screen {
  async open(id: string): Promise<this> {
    await this.session.goto(`codesignCalls/${id}/show`);
    return this;
  }

  /** What comes next, and the button or link that does it. */
  get nextStep(): Locator {
    return this.page.getByTestId('call-next-step');
  }

  /** Why closing is not yet possible. */
  get lockedClose(): Locator {
    return this.page.getByTestId('locked-close');
  }

  get lifecycleSteps(): Locator {
    return this.page.getByTestId('call-lifecycle').locator('[data-testid^="step-"]');
  }

  get ranking(): Locator {
    return this.page.getByTestId('ranking');
  }

  /** Selects the winner in the ranking and registers the award act, which starts the project as a network. */
  async award(winner: string, act: string, networkCode: string): Promise<void> {
    await this.page.getByLabel(`Seleziona ${winner}`).check();
    await this.page.getByLabel('Numero dell’atto').fill(act);
    await this.page.getByLabel('Codice della rete').fill(networkCode);
    await this.page.getByRole('button', { name: 'Aggiudica' }).click();
  }
}
