// Page object of the "Deleghe" screen: find the delegations of a tax code, register one from the
// signed form, revoke one (confirming in the dialog).
import { expect, type Locator, type Page } from '@playwright/test';

export interface MandateData {
  delegatorTaxId: string;
  delegateTaxId: string;
  delegateName: string;
  delegateType?: 'PF' | 'PG';
  validFrom?: string;
  validTo?: string;
}

export class DeskMandatesPage {
  readonly searchField: Locator;
  readonly rows: Locator;
  readonly notice: Locator;
  readonly error: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.searchField = page.getByTestId('mandate-search');
    this.rows = page.getByTestId('mandate-row');
    this.notice = page.getByTestId('mandate-notice');
    this.error = page.getByTestId('desk-error');
    this.dialog = page.getByRole('alertdialog');
  }

  async open(hostUrl: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/desk/mandates`);
    await this.searchField.waitFor();
  }

  /** Types the tax code and presses Enter. */
  async search(taxId: string): Promise<void> {
    await this.searchField.fill(taxId);
    await this.searchField.press('Enter');
    await this.page.getByTestId('mandate-list').waitFor();
  }

  row(mandateOrDelegate: string): Locator {
    return this.rows.filter({ hasText: mandateOrDelegate });
  }

  async fill(m: MandateData): Promise<void> {
    await this.page.getByTestId('mandate-delegator').fill(m.delegatorTaxId);
    // From the keyboard: the two types are one radio group, the arrow keys move the choice.
    const pf = this.page.getByTestId('mandate-type-PF');
    await pf.check();
    if (m.delegateType === 'PG') {
      await pf.focus();
      await this.page.keyboard.press('ArrowDown');
      await expect(this.page.getByTestId('mandate-type-PG')).toBeChecked();
    }
    await this.page.getByTestId('mandate-delegate').fill(m.delegateTaxId);
    await this.page.getByTestId('mandate-delegate-name').fill(m.delegateName);
    if (m.validFrom) await this.page.getByTestId('mandate-from').fill(m.validFrom);
    if (m.validTo !== undefined) await this.page.getByTestId('mandate-to').fill(m.validTo);
  }

  /** Alt+R, the shortcut shown on "Registra delega". */
  async register(): Promise<void> {
    await this.page.keyboard.press('Alt+r');
  }

  fieldError(field: 'delegator' | 'delegate' | 'delegate-name' | 'from' | 'to'): Locator {
    return this.page.locator(`#mandate-${field}-err`);
  }

  /** Opens the revoke dialog of the row naming `delegate` (the dialog starts on "do not revoke"). */
  async askRevoke(delegate: string): Promise<void> {
    await this.row(delegate).getByTestId('mandate-revoke').click();
    await this.dialog.waitFor();
  }

  async confirmRevoke(): Promise<void> {
    await this.page.getByTestId('mandate-revoke-accept').click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
