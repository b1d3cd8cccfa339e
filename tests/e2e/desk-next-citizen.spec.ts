// The counter with a queue (second audit): a refusal or a dropped answer never leaves the clerk's
// keyboard on the page with the focus lost; the next citizen's scan never brings back the one
// before; an IUN typed for the wrong person is not called a QR; what can no longer be printed says
// since when.
import type { Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, snapshot, test } from './fixtures.js';
import { deskCases, PEOPLE, seedDeskCases, type DeskCase, type DeskCaseName } from './data/desk-cases.js';
import { DeskCounterPage, PNG_1X1 } from './pages/desk-counter.js';

const NOW = Date.now();
test.use({
  seed: async ({}, use) => { await use(async (store) => { await seedDeskCases(store, NOW); }); },
  hostEnv: { RADD_DEMO_OPERATORS: '1' },
});

const DOC = { number: 'CA12345AB', issuer: 'Comune di Roma', issueDate: '2021-06-30', expiryDate: '2031-06-30' };

let cases: DeskCase[];
test.beforeAll(async () => { cases = await deskCases(NOW); });
const caseOf = (name: DeskCaseName) => cases.find((c) => c.name === name)!;

/** Where the keyboard is: the focused element's id or test id ('BODY' when the focus was lost). */
const focused = (page: Page) => page.evaluate(() => {
  const el = document.activeElement;
  return !el || el === document.body ? 'BODY' : el.id || (el as HTMLElement).dataset.testid || el.tagName;
});

/** The identification of a citizen whose AAR was just scanned: nothing typed, nothing attached, the focus on the tax code. */
async function expectEmptyIdentificationForQr(page: Page): Promise<void> {
  await expect(page.getByTestId('desk-read-kind')).toHaveText("QR dell'avviso");
  await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue('');
  await expect(page.getByTestId('rdoc-number')).toHaveValue('');
  await expect(page.getByTestId('scan-recipientId-ok')).toHaveCount(0);
  await expect(page.getByTestId('desk-draft-kept')).toHaveCount(0);
  await expect(page.getByTestId('desk-recipient-taxid')).toBeFocused();
}

/** Scans `code` and identifies `taxId` in person, with a scan from a file. */
async function identifyInPerson(counter: DeskCounterPage, code: string, taxId: string): Promise<void> {
  await counter.scan(code);
  await counter.recipient(taxId, DOC);
  await counter.attachScan('recipientId');
}

/** identifyInPerson, then Enter pressed on "Cerca notifiche". */
async function identifyOnTheButton(counter: DeskCounterPage, code: string, taxId: string): Promise<void> {
  await identifyInPerson(counter, code, taxId);
  await counter.page.getByTestId('desk-identify-submit').focus();
  await counter.page.keyboard.press('Enter');
}

test.describe('the counter with a queue', () => {
  test('a refusal on "Cerca notifiche" keeps the focus on it; an IUN of someone else names the notification, not a QR', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await identifyOnTheButton(counter, caseOf('cancelled').notification.iun, PEOPLE.other.taxId);
    await expect(counter.error).toHaveAttribute('data-code', 'NOTIFICATION_CANCELLED');
    expect(await focused(page)).toBe('desk-identify-submit');

    await page.keyboard.press('Escape');
    await expect(counter.scanField).toBeFocused();
    const iun = caseOf('qrPickup').notification.iun;
    await identifyOnTheButton(counter, iun, PEOPLE.other.taxId);
    await expect(counter.error).toHaveAttribute('data-code', 'IUN_NOT_OF_TAX_ID');
    await expect(counter.error).toContainText(iun);
    await expect(counter.error).not.toContainText('QR');
    expect(await focused(page)).toBe('desk-identify-submit');
    await accessible(page, 'desk identify (IUN of someone else)');
  });

  test('an empty identification puts the focus on the tax code, the first field of the form', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await counter.scan(caseOf('qrPickup').notification.iun);
    await page.getByTestId('desk-identify-submit').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#desk-recipient-taxid-err')).not.toBeEmpty();
    await expect(page.locator('#rdoc-number-err')).not.toBeEmpty();
    expect(await focused(page)).toBe('desk-recipient-taxid');
    // The missing scan is told with the empty fields, not on the next search; a summary lists them all.
    await expect(page.getByTestId('scan-recipientId-file')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('scan-recipientId')).toContainText('scansione');
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveAttribute('aria-invalid', 'true');
    const problems = page.getByTestId('desk-identify-problems');
    await expect(problems).toContainText('Da correggere: 6 campi');
    await expect(problems.getByRole('link')).toHaveCount(6);
    await snapshot(page, 'desk-identify-problems');
    await problems.getByRole('link', { name: /Documento del destinatario$/ }).click();
    await expect(page.getByTestId('scan-recipientId-file')).toBeFocused();

    // A field filled since the refusal loses its message at once, and the summary its line.
    await page.getByTestId('desk-recipient-taxid').fill(PEOPLE.other.taxId);
    await expect(page.locator('#desk-recipient-taxid-err')).toBeEmpty();
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveAttribute('aria-invalid', 'false');
    await expect(problems).toContainText('Da correggere: 5 campi');
    await expect(problems.getByRole('link')).toHaveCount(5);
    await page.getByTestId('rdoc-number').fill(DOC.number);
    await expect(page.locator('#rdoc-number-err')).toHaveCount(0);
    await expect(problems.getByRole('link')).toHaveCount(4);
    // The file field speaks the screen's language, not the browser's, and follows the switch.
    await expect(page.getByTestId('scan-recipientId-file-button')).toHaveText('Scegli file…');
    await expect(page.getByTestId('scan-recipientId-file-chosen')).toHaveText('Nessun file scelto');
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('scan-recipientId-file-button')).toHaveText('Choose file…');
    await expect(page.getByTestId('scan-recipientId-file-chosen')).toHaveText('No file chosen');
    await expect(page.getByTestId('scan-recipientId-file')).toHaveAccessibleDescription(/No file chosen$/);
    await counter.attachScan('recipientId', 'carta-identita.png');
    await expect(page.getByTestId('scan-recipientId-file-chosen')).toHaveText('carta-identita.png');
    await expect(problems).toContainText('3 fields to correct');
    await accessible(page, 'desk identify (EN, fields corrected)');
  });

  test('"Avvia operazione" whose answer is lost keeps the focus; Enter starts the same operation once', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await identifyInPerson(counter, caseOf('elsewhere').notification.iun, PEOPLE.elsewhere.taxId);
    await counter.confirmIdentification();
    await expect(counter.startButton).toBeFocused();
    // A screen reader reads, with the focused button, what was found and for whom.
    await expect(counter.startButton).toHaveAccessibleDescription(/^Notifica da consegnare Destinatario: Marco Gallo GLLMRC72E17G273T/);
    // The host records the start, the answer never reaches the page (the connection drops).
    const sent: string[] = [];
    await page.route('**/api/desk.startTransaction', async (route) => {
      sent.push((route.request().postDataJSON() as { operationId: string }).operationId);
      if (sent.length > 1) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.keyboard.press('Enter');
    await expect(counter.error).toHaveAttribute('data-code', 'HOST_UNREACHABLE');
    await expect(counter.startButton).toBeFocused();
    await accessible(page, 'desk results (answer lost)');
    await page.keyboard.press('Enter');
    await expect(counter.state).toHaveAttribute('data-state', 'STARTED');
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    await expect(page).toHaveURL(new RegExp(`/desk/operation/${sent[0]}$`));
    await page.unroute('**/api/desk.startTransaction');

    // "Scarica" from the keyboard: its button, disabled while the file is made, gets the focus back.
    const row = page.locator('[data-testid="desk-document"][data-kind="ACT"]').first();
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: /^Scarica / }).focus();
    await page.keyboard.press('Enter');
    await download;
    await expect(row).toContainText('Scaricato');
    await expect(row.getByRole('button', { name: /^Scarica / })).toBeFocused();
    await counter.abort('Prova di rete');
  });

  test('the scanner folder from the keyboard: Enter lists it and puts the focus on its first file, Enter takes it', async ({ page, host, accessible }) => {
    mkdirSync(join(host.dataDir, 'scanner'), { recursive: true });
    writeFileSync(join(host.dataDir, 'scanner', 'documento-gallo.png'), PNG_1X1);
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await counter.scan(caseOf('elsewhere').notification.iun);
    await page.getByTestId('desk-recipient-taxid').waitFor();
    await page.locator('#scan-recipientId-inbox').focus();
    await page.keyboard.press('Enter');
    const file = page.getByRole('button', { name: /documento-gallo\.png/ });
    await expect(file).toBeFocused();
    await accessible(page, 'desk identify (scanner folder listed)');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('scan-recipientId-ok')).toContainText('documento-gallo.png');
    await expect(page.locator('#scan-recipientId-inbox')).toBeFocused();
  });

  test('the next citizen scanned while an operation is left open starts an empty identification', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await identifyInPerson(counter, caseOf('restart').notification.iun, PEOPLE.restart.taxId);
    await counter.confirmIdentification();
    await expect(counter.startButton).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(counter.state).toHaveAttribute('data-state', 'STARTED');

    // The operation stays open (listed at the start); the next citizen's QR is scanned here.
    await counter.scanAnywhere(caseOf('qrPickup').qrUrl);
    await expect(page).toHaveURL(/#\/desk\/identify$/);
    await expectEmptyIdentificationForQr(page);
    await accessible(page, 'desk identify (next citizen, operation left open)');
  });

  test('the next citizen after one refused at the counter: their AAR starts an empty identification', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    // Francesca Romano's notification was cancelled by its sender: she is refused and leaves.
    await identifyInPerson(counter, caseOf('cancelled').notification.iun, PEOPLE.other.taxId);
    await counter.confirmIdentification();
    await expect(counter.error).toHaveAttribute('data-code', 'NOTIFICATION_CANCELLED');
    await page.keyboard.press('Escape');
    await expect(counter.scanField).toBeFocused();

    // Giulia Verdi's AAR: nothing of Francesca Romano's identification is on her form.
    await counter.scanAnywhere(caseOf('qrPickup').qrUrl);
    await expectEmptyIdentificationForQr(page);
    await accessible(page, 'desk identify (next citizen after a refusal)');
  });

  test('documents no longer available say until when they were', async ({ page, host }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await identifyInPerson(counter, caseOf('expired').notification.iun, PEOPLE.other.taxId);
    await counter.confirmIdentification();
    const withheld = page.getByTestId('desk-withheld-documents');
    await expect(withheld).toContainText('era disponibile fino al');
    await expect(withheld).not.toContainText('— disponibile fino al');
  });
});

test.describe('a company (PG) at the counter', () => {
  test('a partita IVA typed as the recipient makes it a company, whose legal representative shows the document', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await counter.scan(caseOf('qrPickup').notification.iun);
    await expect(page.getByTestId('desk-type-PF')).toBeChecked();
    await page.getByTestId('desk-recipient-taxid').fill('04222000871');
    await expect(page.getByTestId('desk-type-PG')).toBeChecked();
    await expect(page.getByTestId('rdoc-fields').locator('legend')).toHaveText('Documento di identità del legale rappresentante del destinatario');
    await expect(page.getByText('Documento del legale rappresentante', { exact: true })).toBeVisible();
    await expect(page.getByText('Visura camerale', { exact: true })).toBeVisible();
    await accessible(page, 'desk identify (company recipient)');
  });
});
