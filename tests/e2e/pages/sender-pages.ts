// Page objects of the sender office: what is on the dashboard, list, detail and new-notification
// screens, and what a sender's clerk does there.
import type { Locator, Page } from '@playwright/test';

export class SenderListPage {
  readonly rows: Locator;
  readonly total: Locator;
  readonly statuses: Locator;

  constructor(readonly page: Page) {
    this.rows = page.getByTestId('sender-table').locator('tbody tr');
    this.total = page.getByTestId('list-total');
    this.statuses = page.getByTestId('row-status');
  }

  async open(url: string, query = ''): Promise<void> {
    await this.page.goto(`${url}#/sender/notifications${query}`);
    await this.total.filter({ hasText: /\d/ }).waitFor();
  }

  /** Picks statuses by their label in the multi-select, from the keyboard. */
  async chooseStatuses(labels: string[]): Promise<void> {
    await this.page.getByTestId('f-status').click();
    for (const label of labels) await this.page.getByRole('option', { name: label, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  async dates(from: string, to: string): Promise<void> {
    await this.page.getByTestId('f-from').fill(from);
    await this.page.getByTestId('f-to').fill(to);
  }

  async search(): Promise<void> {
    await this.page.getByTestId('f-search').click();
  }
}

export class SenderDetailPage {
  readonly status: Locator;
  readonly timeline: Locator;

  constructor(readonly page: Page) {
    this.status = page.getByTestId('detail-status');
    this.timeline = page.getByTestId('timeline-item');
  }

  async open(url: string, iun: string): Promise<void> {
    await this.page.goto(`${url}#/sender/notifications/${iun}`);
    await this.page.getByTestId('detail-iun').waitFor();
  }
}

export class SenderNewPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}#/sender/new`);
    await this.page.getByTestId('n-protocol').waitFor();
  }

  async fill(f: { protocol: string; subject: string; taxonomy: string; taxId: string; name: string; address: string; zip: string; city: string; notice?: string; amount?: string }): Promise<void> {
    const p = this.page;
    await p.getByTestId('n-protocol').fill(f.protocol);
    await p.getByTestId('n-taxonomy').fill(f.taxonomy);
    await p.getByTestId('n-subject').fill(f.subject);
    await p.getByTestId('r0-taxId').fill(f.taxId);
    await p.getByTestId('r0-denomination').fill(f.name);
    await p.getByTestId('r0-address').fill(f.address);
    await p.getByTestId('r0-zip').fill(f.zip);
    await p.getByTestId('r0-municipality').fill(f.city);
    if (f.notice) {
      await p.getByTestId('r0-add-payment').click();
      await p.getByTestId('r0-notice-0').fill(f.notice);
      if (f.amount !== undefined) await this.typeAmount(0, f.amount);
    }
  }

  amount(payment: number): Locator {
    return this.page.getByTestId(`r0-amount-${payment}`);
  }

  /** Types an amount key by key, as the clerk does, and leaves the field (Tab). */
  async typeAmount(payment: number, text: string): Promise<void> {
    await this.amount(payment).fill('');
    await this.amount(payment).pressSequentially(text);
    await this.amount(payment).press('Tab');
  }

  /** The error summary's entries (each a link to its field). */
  get errorLinks(): Locator {
    return this.page.getByTestId('new-error-list').getByRole('link');
  }

  async upload(name: string, bytes: Buffer): Promise<void> {
    await this.page.getByTestId('n-files').setInputFiles({ name, mimeType: 'application/pdf', buffer: bytes });
    await this.page.getByTestId('n-documents').locator('li').first().waitFor();
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('n-submit').click();
  }
}
