// Page object of the desk log (pratiche) and of the day summary.
import type { Locator, Page } from '@playwright/test';

export class DeskHistoryPage {
  readonly rows: Locator;
  readonly error: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('desk-history-row');
    this.error = page.getByTestId('desk-error');
    this.summary = page.getByTestId('desk-summary');
  }

  async open(hostUrl: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/desk/history`);
    await this.page.getByTestId('hist-iun').waitFor();
  }

  async searchByIun(iun: string): Promise<void> {
    await this.page.getByTestId('hist-iun').fill(iun);
    await this.page.getByTestId('hist-iun').press('Enter');
  }

  async searchByTaxId(taxId: string, filters: { from?: string; state?: string; type?: string } = {}): Promise<void> {
    await this.page.getByTestId('hist-iun').fill('');
    await this.page.getByTestId('hist-tax').fill(taxId);
    if (filters.from) await this.page.getByTestId('hist-from').fill(filters.from);
    if (filters.state) await this.page.getByTestId('hist-state').selectOption(filters.state);
    if (filters.type) await this.page.getByTestId('hist-type').selectOption(filters.type);
    await this.page.getByTestId('hist-tax').press('Enter');
  }

  async openSummary(hostUrl: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/desk/summary`);
    await this.summary.waitFor();
  }
}
