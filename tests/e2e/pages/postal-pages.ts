// Page objects of the postal screens: what is on them and what a postal clerk does there.
import type { Locator, Page } from '@playwright/test';

async function openAt(page: Page, hostUrl: string, path: string): Promise<void> {
  const url = new URL(hostUrl);
  url.hash = `#${path}`;
  await page.goto(url.toString());
}

/** The day and time of a receipt (`YYYY-MM-DDTHH:MM`, romeLocal) into the outcome form's date and time fields. */
async function fillReceiptDate(page: Page, local: string): Promise<void> {
  await page.getByTestId('postal-at').fill(local.slice(0, 10));
  await page.getByTestId('postal-at-time').fill(local.slice(11, 16));
}

/** Types a code into a scanner field and presses Enter, as the barcode scanner does. */
async function scanInto(field: Locator, code: string): Promise<void> {
  await field.fill('');
  await field.pressSequentially(code, { delay: 1 });
  await field.press('Enter');
}

export class PostalItemPage {
  readonly scanField: Locator;
  readonly error: Locator;
  readonly item: Locator;
  readonly itemState: Locator;
  readonly events: Locator;
  readonly choice: Locator;
  readonly date: Locator;
  readonly cause: Locator;
  readonly scanInput: Locator;
  readonly scans: Locator;
  readonly scanError: Locator;
  readonly formError: Locator;
  readonly preview: Locator;
  readonly result: Locator;
  readonly resultSteps: Locator;

  constructor(private readonly page: Page) {
    this.scanField = page.getByTestId('postal-scan');
    this.error = page.getByTestId('postal-error');
    this.item = page.getByTestId('postal-item');
    this.itemState = page.getByTestId('postal-item-state');
    this.events = page.getByTestId('postal-item-events');
    this.choice = page.getByTestId('postal-outcome-choice');
    this.date = page.getByTestId('postal-at');
    this.cause = page.getByTestId('postal-cause');
    this.scanInput = page.getByTestId('postal-scan-input');
    this.scans = page.getByTestId('postal-scans');
    this.scanError = page.getByTestId('postal-scan-error');
    this.formError = page.getByTestId('postal-form-error');
    this.preview = page.getByTestId('postal-preview');
    this.result = page.getByTestId('postal-result');
    this.resultSteps = page.getByTestId('postal-result-steps');
  }

  async open(hostUrl: string, code?: string): Promise<void> {
    await openAt(this.page, hostUrl, code ? `/postal?code=${encodeURIComponent(code)}` : '/postal');
    await this.scanField.waitFor();
  }

  async scan(code: string): Promise<void> {
    await scanInto(this.scanField, code);
  }

  /** The meaning's radio button and the codes shown beside it. */
  kind(kind: string): Locator {
    return this.page.getByTestId(`postal-kind-${kind}`);
  }

  codesOf(kind: string): Locator {
    return this.choice.locator('.option', { has: this.kind(kind) }).getByTestId('postal-kind-codes');
  }

  async choose(kind: string): Promise<void> {
    await this.kind(kind).check();
  }

  async fillDate(local: string): Promise<void> {
    await fillReceiptDate(this.page, local);
  }

  async attach(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    await this.scanInput.setInputFiles({ name, mimeType, buffer });
  }

  async nextStep(kind: 'SECOND_ATTEMPT' | 'NO_SECOND_ADDRESS' | 'ADDRESS_INVESTIGATION'): Promise<void> {
    await this.page.getByTestId(`postal-next-${kind}`).check();
  }

  async fillAddress(prefix: string, a: { address: string; zip: string; municipality: string; province?: string }): Promise<void> {
    await this.page.locator(`#${prefix}-street`).fill(a.address);
    await this.page.locator(`#${prefix}-zip`).fill(a.zip);
    await this.page.locator(`#${prefix}-municipality`).fill(a.municipality);
    if (a.province) await this.page.locator(`#${prefix}-province`).fill(a.province);
  }

  async previewIt(): Promise<void> {
    await this.page.getByTestId('postal-preview-button').click();
  }

  /** Records with the keyboard shortcut shown on the button. */
  async record(): Promise<void> {
    await this.page.keyboard.press('Alt+r');
  }

  async sendSecondAttempt(at: string): Promise<void> {
    await this.page.getByTestId('postal-second-at').fill(at);
    await this.page.getByTestId('postal-second-send').click();
  }
}

export class PostalBatchPage {
  readonly scanField: Locator;
  readonly scanError: Locator;
  readonly list: Locator;
  readonly date: Locator;
  readonly previewOk: Locator;
  readonly confirmButton: Locator;
  readonly recorded: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.scanField = page.getByTestId('postal-batch-scan');
    this.scanError = page.getByTestId('postal-batch-scan-error');
    this.list = page.getByTestId('postal-batch-list');
    this.date = page.getByTestId('postal-at');
    this.previewOk = page.getByTestId('postal-batch-preview-ok');
    this.confirmButton = page.getByTestId('postal-batch-confirm');
    this.recorded = page.getByTestId('postal-batch-recorded');
    this.error = page.getByTestId('postal-batch-error');
  }

  async open(hostUrl: string): Promise<void> {
    await openAt(this.page, hostUrl, '/postal/batch');
    await this.scanField.waitFor();
  }

  async scan(code: string): Promise<void> {
    await scanInto(this.scanField, code);
  }

  async choose(kind: string): Promise<void> {
    await this.page.getByTestId(`postal-kind-${kind}`).check();
  }

  async fillDate(local: string): Promise<void> {
    await fillReceiptDate(this.page, local);
  }

  async check(): Promise<void> {
    await this.page.keyboard.press('Alt+v');
  }

  async confirm(): Promise<void> {
    await this.page.keyboard.press('Alt+c');
  }
}

export class PostalImportPage {
  readonly file: Locator;
  readonly start: Locator;
  readonly error: Locator;
  readonly progress: Locator;
  readonly summary: Locator;
  readonly report: Locator;

  constructor(private readonly page: Page) {
    this.file = page.getByTestId('postal-import-file');
    this.start = page.getByTestId('postal-import-start');
    this.error = page.getByTestId('postal-import-error');
    this.progress = page.getByTestId('postal-import-progress');
    this.summary = page.getByTestId('postal-import-summary');
    this.report = page.getByTestId('postal-import-report');
  }

  async open(hostUrl: string): Promise<void> {
    await openAt(this.page, hostUrl, '/postal/import');
    await this.file.waitFor();
  }

  async importFile(name: string, buffer: Buffer): Promise<void> {
    await this.file.setInputFiles({ name, mimeType: 'text/csv', buffer });
    await this.start.click();
  }

  line(n: number): Locator {
    return this.report.locator(`tr[data-line="${n}"]`);
  }
}

export class PostalGiacenzaPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId('postal-giacenza');
  }

  async open(hostUrl: string): Promise<void> {
    await openAt(this.page, hostUrl, '/postal/giacenza');
    await this.table.waitFor();
  }

  row(code: string): Locator {
    return this.table.locator(`tr[data-code="${code}"]`);
  }
}
