import { Locator } from 'playwright-core';
import { pickOption } from '../../helpers/browser';
import { visible } from '../support/console';
import { Screen } from './screen';

/** The network page's tabs, by their route segment. */
export type NetworkTab = 'roster' | 'companies' | 'allocations' | 'compliance' | 'history' | 'plans';

/** What the dialog that plans or records a service asks for. */
export interface ServiceValues {
  service: RegExp;
  partner: string;
  date: string;
  hours: string;
  amount: string;
}

/** A network: its show page with the tabs, the roster, the rule check and the personal plans. */
export class NetworkPage extends Screen {
  /** Opens the network's page, on a tab when given. */
  async open(id: string, tab?: NetworkTab): Promise<this> {
    await this.session.goto(`networks/${id}/show${tab ? `/${tab}` : ''}`);
    return this;
  }

  /** Opens the network's edit form. */
  async edit(id: string): Promise<this> {
    await this.session.goto(`networks/${id}`);
    return this;
  }

  /** Why "Attiva" is off: the rules the network breaks. */
  get activationBlocked(): Locator {
    return this.page.getByTestId('activation-blocked');
  }

  get complianceSummary(): Locator {
    return this.page.getByTestId('compliance-summary');
  }

  get roster(): Locator {
    return this.page.getByTestId('roster');
  }

  /** The roster's row of a member. */
  member(name: string): Locator {
    return this.roster.getByRole('row').filter({ hasText: name });
  }

  /** Adds a partner to the roster with the form on the Partenariato tab. */
  async addMember(search: string, role: 'Capofila' | 'Partner'): Promise<void> {
    await pickOption(this.page, 'Partner', search);
    await this.page.getByRole('combobox', { name: 'Ruolo' }).click();
    await this.page.getByRole('option', { name: role, exact: true }).click();
    await this.page.getByRole('button', { name: 'Aggiungi al partenariato' }).click();
    await visible(this.page.getByText('Partner aggiunto alla rete'));
  }

  /** Activates the network and confirms. */
  async activate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Attiva' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Conferma' }).click();
    await visible(this.page.getByText('Stato della rete aggiornato'));
  }

  /** The personal plans' list (the plans tab). */
  get plans(): Locator {
    return this.page.getByTestId('plans');
  }

  /** The plans' row of a recipient, by its pseudonymous reference. */
  planRow(reference: string): Locator {
    return this.plans.getByRole('row').filter({ hasText: reference });
  }

  /** The opened plan of a recipient. */
  plan(reference: string): Locator {
    return this.page.getByTestId(`plan-${reference}`);
  }

  /** A line of a plan, by its service's name. */
  planLine(plan: Locator, service: string): Locator {
    return plan.getByTestId('plan-lines').getByRole('row').filter({ hasText: service });
  }

  /** Fills and saves the dialog behind `button` (Pianifica un servizio, Registra un servizio erogato); answers the dialog. */
  async service(button: string, values: ServiceValues): Promise<Locator> {
    await this.page.getByRole('button', { name: button }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Servizio', exact: true }).click();
    await this.page.getByRole('option', { name: values.service }).click();
    await dialog.getByRole('combobox', { name: 'Soggetto erogatore', exact: true }).click();
    await this.page.getByRole('option', { name: values.partner }).click();
    await dialog.getByRole('textbox', { name: /^Data/ }).fill(values.date);
    await dialog.getByRole('textbox', { name: /^Ore/ }).fill(values.hours);
    await dialog.getByRole('textbox', { name: /^Importo/ }).fill(values.amount);
    await dialog.getByRole('button', { name: 'Salva' }).click();
    return dialog;
  }

  /** A line of the plan of accounts, by its service type. */
  accountLine(serviceTypeId: string): Locator {
    return this.page.getByTestId(`plan-line-${serviceTypeId}`);
  }

  /** Types an amount on a line of the plan of accounts and saves it. */
  async planAmount(serviceTypeId: string, amount: string): Promise<void> {
    const line = this.accountLine(serviceTypeId);
    await line.getByRole('textbox').fill(amount);
    await line.getByRole('button', { name: /Salva/ }).click();
  }
}
