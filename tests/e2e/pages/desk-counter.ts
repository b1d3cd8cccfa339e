// Page object of the RADD counter: what is on each step and what a clerk does there, from the
// keyboard (a scanner types and presses Enter; the clerk uses Tab, Enter, Esc and Alt+letter).
import { expect, type Locator, type Page } from '@playwright/test';
import { scanKeys } from './scanner.js';

export interface DocumentData {
  type?: string;
  number: string;
  issuer: string;
  issueDate: string;
  expiryDate: string;
}

export const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export class DeskCounterPage {
  readonly scanField: Locator;
  readonly error: Locator;
  readonly readKind: Locator;
  readonly notifications: Locator;
  readonly startButton: Locator;
  readonly state: Locator;
  readonly ticks: Locator;
  readonly completeButton: Locator;
  readonly printButton: Locator;
  readonly bundleReady: Locator;

  constructor(readonly page: Page) {
    this.scanField = page.getByTestId('desk-scan');
    this.error = page.getByTestId('desk-error');
    this.readKind = page.getByTestId('desk-read-kind');
    this.notifications = page.getByTestId('desk-notification');
    this.startButton = page.getByTestId('desk-start-operation');
    this.state = page.getByTestId('desk-operation-state');
    this.ticks = page.getByTestId('desk-tick');
    this.completeButton = page.getByTestId('desk-complete');
    this.printButton = page.getByTestId('desk-print');
    this.bundleReady = page.getByTestId('desk-bundle-ready');
  }

  async open(hostUrl: string): Promise<void> {
    await this.page.goto(`${hostUrl}#/desk`);
    await this.scanField.waitFor();
  }

  /** What a scanner does: types the code and presses Enter. */
  async scan(text: string): Promise<void> {
    await this.scanField.fill('');
    await this.scanField.pressSequentially(text, { delay: 0 });
    await this.page.keyboard.press('Enter');
  }

  /**
   * What a scanner does wherever the focus is: types the code 5 ms a key and presses Enter at once
   * (the field it types into is the one focused, not necessarily the scan field).
   */
  async scanAnywhere(text: string): Promise<void> {
    // Keys 5 ms apart as the scanner stamps them, the Enter right after (pages/scanner.ts).
    await scanKeys(this.page, text);
  }

  /** What a person does: types one key every 90 ms (far slower than a scanner), no Enter. */
  async typeLikeAPerson(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 90 });
  }

  async fillDocument(prefix: 'rdoc' | 'ddoc', d: DocumentData): Promise<void> {
    if (d.type) await this.page.getByTestId(`${prefix}-type`).selectOption(d.type);
    await this.page.getByTestId(`${prefix}-number`).fill(d.number);
    await this.page.getByTestId(`${prefix}-issuer`).fill(d.issuer);
    await this.page.getByTestId(`${prefix}-issueDate`).fill(d.issueDate);
    await this.page.getByTestId(`${prefix}-expiryDate`).fill(d.expiryDate);
  }

  /** Attaches a scan from a file (the file chooser is the one step that is not the keyboard's). */
  async attachScan(slot: string, name = `${slot}.png`, bytes: Buffer = PNG_1X1): Promise<void> {
    await this.page.getByTestId(`scan-${slot}-file`).setInputFiles({ name, mimeType: name.endsWith('.pdf') ? 'application/pdf' : 'image/png', buffer: bytes });
    await this.page.getByTestId(`scan-${slot}-ok`).waitFor();
  }

  async recipient(taxId: string, doc: DocumentData): Promise<void> {
    await this.page.getByTestId('desk-recipient-taxid').fill(taxId);
    await this.fillDocument('rdoc', doc);
  }

  /** A person delegate unless `delegateType` says a company (PG) represented by the person whose `doc` it is. */
  async delegate(taxId: string, name: string, doc: DocumentData, delegateType?: 'PF' | 'PG'): Promise<void> {
    await this.page.getByTestId('desk-collector-DELEGATE').check();
    if (delegateType) await this.page.getByTestId(`desk-delegate-type-${delegateType}`).check();
    await this.page.getByTestId('desk-delegate-taxid').fill(taxId);
    await this.page.getByTestId('desk-delegate-name').fill(name);
    await this.fillDocument('ddoc', doc);
  }

  /** Enter in a field of the form submits it. */
  async confirmIdentification(): Promise<void> {
    await this.page.getByTestId('desk-recipient-taxid').press('Enter');
  }

  /**
   * Alt+S, and the PDF tab the browser opens through `documents.print` (browser mode): its URL is
   * returned, the tab closed again (the test reads the file itself).
   */
  async printBundle(): Promise<string> {
    // The screen puts the focus on "print" once the operation is loaded.
    await this.printButton.waitFor();
    await this.page.waitForFunction(() => document.activeElement?.id === 'desk-print');
    const opened = this.page.context().waitForEvent('page', { timeout: 15_000 });
    await this.page.keyboard.press('Alt+s');
    await this.bundleReady.waitFor();
    const tab = await opened;
    const url = tab.url();
    await tab.close().catch(() => undefined);
    return url;
  }

  /** "Open the bundle" (browser mode), from the keyboard: the PDF tab it opens; its URL is returned, the tab closed again. */
  async openBundle(): Promise<string> {
    const opened = this.page.context().waitForEvent('page', { timeout: 15_000 });
    await this.bundleReady.getByTestId('desk-open-bundle').press('Enter');
    const tab = await opened;
    const url = tab.url();
    await tab.close().catch(() => undefined);
    return url;
  }

  /**
   * "Scarica" on the first document of `kind`: its title on screen and the name the browser saves
   * the file under (the host's, with the file) are returned; the row then says "Scaricato".
   */
  async download(kind: string): Promise<{ title: string; fileName: string }> {
    const row = this.page.locator(`[data-testid="desk-document"][data-kind="${kind}"]`).first();
    const title = (await row.locator('td').nth(1).innerText()).trim();
    const started = this.page.waitForEvent('download', { timeout: 15_000 });
    await row.getByRole('button', { name: `Scarica ${title}` }).click();
    const download = await started;
    await expect(row).toContainText('Scaricato');
    return { title, fileName: download.suggestedFilename() };
  }

  /**
   * Ticks every document with Space, following the focus the screen gives: after each tick the
   * host confirms it ("Sì") and the focus moves to the next document, then to "complete".
   */
  async tickAllFromKeyboard(): Promise<void> {
    const count = await this.ticks.count();
    for (let i = 0; i < count; i++) {
      await this.page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.dataset.testid === 'desk-tick' && !(document.activeElement as HTMLInputElement).checked);
      await this.page.keyboard.press('Space');
      await this.page.waitForFunction((n) => document.querySelectorAll('[data-testid="desk-tick"]:checked').length >= n && !(document.activeElement as HTMLInputElement | null)?.checked, i + 1);
    }
  }

  /** Alt+A and the reason typed straight away: the dialog opens with the focus on the reason. */
  async abort(reason: string): Promise<void> {
    await this.page.keyboard.press('Alt+a');
    const field = this.page.getByTestId('desk-abort-reason');
    await field.waitFor();
    // Once the opening transition is over (PrimeVue moves the focus at its end), the focus is on the reason.
    await this.page.waitForFunction(() => !document.querySelector('.p-dialog-enter-active'));
    await expect(field).toBeFocused();
    await this.page.keyboard.type(reason);
    await expect(field).toHaveValue(reason);
    await this.page.keyboard.press('Enter');
    await this.page.getByTestId('desk-abort-dialog').waitFor({ state: 'hidden' });
  }
}
