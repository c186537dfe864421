import { Page } from 'playwright-core';
import { ConsoleSession } from '../support/console';

/** What every page object has: the session it drives, its page, and the tabs of a record's page. */
export abstract class Screen {
  constructor(readonly session: ConsoleSession) {}

  get page(): Page {
    return this.session.page;
  }

  /** Clicks the tab with this label. */
  tab(label: string): Promise<void> {
    return this.page.getByRole('tab', { name: label }).click();
  }
}
