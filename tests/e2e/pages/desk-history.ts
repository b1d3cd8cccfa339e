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

  /** Resolves once the host has answered the search that carries `key` (not an earlier request). */
  private answered(key: string): Promise<unknown> {
    return this.page.waitForResponse((r) => r.url().endsWith('/api/desk.searchHistory') && (r.request().postData() ?? '').includes(key));
  }

  async searchByIun(iun: string): Promise<void> {
    await this.page.getByTestId('hist-iun').fill(iun);
    const answered = this.answered(iun);
    await this.page.getByTestId('hist-iun').press('Enter');
    await answered;
  }

  async searchByTaxId(taxId: string, filters: { from?: string; state?: string; type?: string } = {}): Promise<void> {
    await this.page.getByTestId('hist-iun').fill('');
    await this.page.getByTestId('hist-tax').fill(taxId);
    if (filters.from) await this.page.getByTestId('hist-from').fill(filters.from);
    if (filters.state) await this.page.getByTestId('hist-state').selectOption(filters.state);
    if (filters.type) await this.page.getByTestId('hist-type').selectOption(filters.type);
    const answered = this.answered(taxId);
    await this.page.getByTestId('hist-tax').press('Enter');
    await answered;
  }

  async openSummary(hostUrl: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/desk/summary`);
    await this.summary.waitFor();
  }
}
