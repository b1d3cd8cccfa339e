// Page object of the lookup screen: what is on it and what a clerk does there.
import type { Locator, Page } from '@playwright/test';

export class LookupPage {
  readonly input: Locator;
  readonly error: Locator;
  readonly summary: Locator;
  readonly status: Locator;
  readonly recipients: Locator;

  constructor(private readonly page: Page) {
    this.input = page.getByTestId('iun-input');
    this.error = page.getByTestId('lookup-error');
    this.summary = page.getByTestId('notification-summary');
    this.status = page.getByTestId('summary-status');
    this.recipients = page.getByTestId('summary-recipients');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.input.waitFor();
  }

  /** Types (or "scans") an IUN and confirms with Enter, as the barcode scanner does. */
  async scan(iun: string): Promise<void> {
    await this.input.fill('');
    await this.input.pressSequentially(iun, { delay: 2 });
    await this.input.press('Enter');
  }

  async switchLanguage(label: 'IT' | 'EN'): Promise<void> {
    await this.page.getByTestId('locale-switch').getByText(label, { exact: true }).click();
  }
}
