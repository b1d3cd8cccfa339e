// The scanner at the counter (audit H2, M1, H4): a code scanned right after another is the one the
// counter goes on with and types nothing into the form; a scan made while the focus is on a button
// is a new scan, never a press of that button; what the clerk typed for a citizen survives a wrong
// code and a detour to "Deleghe". People typing, 90 ms a key, are not taken for a scanner.
import type { Page } from '@playwright/test';
import { makeTaxId } from '../../core/index.js';
import { expect, snapshot, test } from './fixtures.js';
import { deskCases, PEOPLE, seedDeskCases, type DeskCase, type DeskCaseName } from './data/desk-cases.js';
import { DeskCounterPage } from './pages/desk-counter.js';
import { DeskMandatesPage } from './pages/desk-mandates.js';

const NOW = Date.now();
const DAY = 86_400_000;
test.use({
  seed: async ({}, use) => { await use(async (store) => { await seedDeskCases(store, NOW); }); },
  hostEnv: { RADD_DEMO_OPERATORS: '1' },
});

const DOC = { number: 'CA12345AB', issuer: 'Comune di Roma', issueDate: '2021-06-30', expiryDate: '2031-06-30' };
const PASSPORT = { type: 'PASSAPORTO', number: 'YC1122334', issuer: 'Questura di Torino', issueDate: '2022-03-01', expiryDate: '2032-03-01' };
/** A well-formed IUN (right check character) of no notification: one digit of a real one mistyped. */
const UNKNOWN_IUN = 'KWKU-JHXN-HJXM-202304-U-1';
/** A delegate with no delegation until the clerk registers one, during the identification. */
const LATE_DELEGATE = { taxId: makeTaxId({ surname: 'Fontana', name: 'Davide', birthDate: '1986-01-23', female: false, cadastralCode: 'L219' }), denomination: 'Davide Fontana' };
const romeDay = (ms: number) => new Date(ms).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

let cases: DeskCase[];
test.beforeAll(async () => { cases = await deskCases(NOW); });
const iunOf = (name: DeskCaseName) => cases.find((c) => c.name === name)!.notification.iun;

/** The recipient of the QR pickup identified: the results, with the focus on "Avvia operazione". */
async function atResults(page: Page, hostUrl: string): Promise<DeskCounterPage> {
  const counter = new DeskCounterPage(page);
  await counter.open(hostUrl);
  await counter.scan(iunOf('qrPickup'));
  await counter.recipient(PEOPLE.recipient.taxId, DOC);
  await counter.attachScan('recipientId');
  await counter.confirmIdentification();
  await expect(counter.startButton).toBeFocused();
  return counter;
}

test.describe('the scanner at the counter', () => {
  test('a second scan right after the first is the one the counter goes on with, and types nothing into the form', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    const first = iunOf('qrPickup');
    const second = iunOf('delegatePickup');
    // From "at once" to "the form is already on screen": the second code lands at every stage.
    for (const pause of [0, 40, 120, 250, 600]) {
      await counter.open(host.url);
      await expect(counter.scanField).toBeFocused();
      await counter.scanAnywhere(first);
      await page.waitForTimeout(pause);
      await counter.scanAnywhere(second);
      await expect(page.getByTestId('desk-read-kind'), `second scan ${pause} ms after the first`).toBeVisible();
      await page.waitForTimeout(300);
      await expect(page.getByTestId('desk-recipient-taxid'), `${pause} ms`).toHaveValue('');
      await expect(page.getByTestId('desk-recipient-taxid'), `${pause} ms`).toHaveAttribute('aria-invalid', 'false');
      await expect(counter.error, `${pause} ms`).toHaveCount(0);
      await expect(page.locator('.err:not(:empty)'), `${pause} ms`).toHaveCount(0);
      await expect(page.getByTestId('desk-read'), `${pause} ms`).not.toContainText(first);
      await expect(page.getByTestId('desk-read-code'), `${pause} ms`).toHaveValue(second);
    }
    await expect(page.getByTestId('desk-recipient-taxid')).toBeFocused();
    await accessible(page, 'desk identify (second scan)');
  });

  test('a scan on the results is a new scan, not "Avvia operazione" for the citizen before', async ({ page, host, accessible }) => {
    const counter = await atResults(page, host.url);

    await counter.scanAnywhere(iunOf('delegatePickup'));
    await expect(page).toHaveURL(/#\/desk\/identify$/);
    await expect(page.getByTestId('desk-read-code')).toHaveValue(iunOf('delegatePickup'));
    await page.goto(`${host.url}#/desk`);
    await counter.scanField.waitFor();
    await expect(page.getByTestId('desk-open-operations')).toHaveCount(0);
    await accessible(page, 'desk start (after a scan on the results)');
  });

  test('a scan on a closed operation opens the next citizen instead of pressing "Nuova operazione"', async ({ page, host, accessible }) => {
    const counter = await atResults(page, host.url);
    await page.keyboard.press('Enter');
    await expect(counter.state).toHaveAttribute('data-state', 'STARTED');
    await counter.abort('Il cittadino non ha tempo');
    await expect(counter.state).toHaveAttribute('data-state', 'ABORTED');
    await expect(page.getByTestId('desk-new')).toBeFocused();

    await counter.scanAnywhere(iunOf('restart'));
    await expect(page).toHaveURL(/#\/desk\/identify$/);
    await expect(page.getByTestId('desk-read-code')).toHaveValue(iunOf('restart'));
    // The citizen before is gone with the operation: nothing of theirs is on the next one's form.
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue('');
    await expect(page.getByTestId('rdoc-number')).toHaveValue('');
    await expect(page.getByTestId('desk-draft-kept')).toHaveCount(0);
    await accessible(page, 'desk identify (scan on a closed operation)');
  });

  test('people typing 90 ms a key are not a scanner: the start field, the form and its Enter work as typed', async ({ page, host }) => {
    test.setTimeout(90_000);
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await counter.typeLikeAPerson(iunOf('qrPickup'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('desk-recipient-taxid')).toBeFocused();
    await counter.typeLikeAPerson(PEOPLE.recipient.taxId);
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue(PEOPLE.recipient.taxId);
    await page.getByTestId('rdoc-number').focus();
    await counter.typeLikeAPerson(DOC.number);
    await page.getByTestId('rdoc-issuer').fill(DOC.issuer);
    await page.getByTestId('rdoc-issueDate').fill(DOC.issueDate);
    await page.getByTestId('rdoc-expiryDate').fill(DOC.expiryDate);
    await counter.attachScan('recipientId');
    await page.getByTestId('rdoc-number').focus();
    await page.keyboard.press('Enter');
    await expect(counter.startButton).toBeFocused();
    // And a tax code a scanner reads into "Codice fiscale" (the health card's barcode) stays there.
    await page.keyboard.press('Escape');
    await page.getByTestId('desk-recipient-taxid').fill('');
    await page.getByTestId('desk-recipient-taxid').focus();
    await counter.scanAnywhere(PEOPLE.recipient.taxId);
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue(PEOPLE.recipient.taxId);
    await expect(page).toHaveURL(/#\/desk\/identify$/);
    await expect(page.getByTestId('desk-read-code')).toHaveValue(iunOf('qrPickup'));
  });

  test('a wrong IUN is corrected on the identification, and a new scan keeps what was typed', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await counter.scan(UNKNOWN_IUN);
    await counter.recipient(PEOPLE.restart.taxId, DOC);
    await counter.attachScan('recipientId', 'documento-costa.png');
    await counter.confirmIdentification();
    await expect(counter.error).toHaveAttribute('data-code', 'NOTIFICATION_NOT_FOUND');
    // The code is there to correct, with the focus: nothing else is lost.
    const code = page.getByTestId('desk-read-code');
    await expect(code).toBeFocused();
    await accessible(page, 'desk identify (not found)');
    await snapshot(page, 'desk-identify-not-found');

    // Esc, the right code (her own notification) scanned at the start: the form comes back as it was.
    await page.keyboard.press('Escape');
    await expect(counter.scanField).toBeFocused();
    await counter.scanAnywhere(iunOf('restart'));
    await expect(code).toHaveValue(iunOf('restart'));
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue(PEOPLE.restart.taxId);
    await expect(page.getByTestId('rdoc-number')).toHaveValue(DOC.number);
    await expect(page.getByTestId('rdoc-expiryDate')).toHaveValue(DOC.expiryDate);
    await expect(page.getByTestId('scan-recipientId-ok')).toContainText('documento-costa.png');
    await expect(page.getByTestId('desk-draft-kept')).toBeVisible();
    await accessible(page, 'desk identify (kept)');
    await snapshot(page, 'desk-identify-kept');

    // Corrected in place, typed: the rest stays, and the inquiry goes on with it.
    await code.fill('');
    await code.focus();
    await counter.typeLikeAPerson(iunOf('restart'));
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('desk-identify-submit')).toBeFocused();
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue(PEOPLE.restart.taxId);
    await expect(page.getByTestId('scan-recipientId-ok')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(counter.notifications.first()).toContainText(iunOf('restart'));

    // "Svuota" empties the form for the next citizen.
    await page.keyboard.press('Escape');
    await page.getByTestId('desk-clear').click();
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue('');
    await expect(page.getByTestId('rdoc-number')).toHaveValue('');
    await expect(page.getByTestId('scan-recipientId-ok')).toHaveCount(0);
    await expect(page.getByTestId('desk-recipient-taxid')).toBeFocused();
  });

  test('the identification of a delegate survives registering the missing delegation', async ({ page, host, accessible }) => {
    const counter = new DeskCounterPage(page);
    await counter.open(host.url);
    await counter.scan(iunOf('delegatePickup'));
    await counter.recipient(PEOPLE.delegator.taxId, DOC);
    await counter.delegate(LATE_DELEGATE.taxId, LATE_DELEGATE.denomination, PASSPORT);
    for (const slot of ['recipientId', 'delegateId', 'delegationForm']) await counter.attachScan(slot);
    await counter.confirmIdentification();
    await expect(counter.error).toHaveAttribute('data-code', 'DELEGATION_MISSING');

    await page.getByRole('link', { name: 'Deleghe', exact: true }).click();
    const mandates = new DeskMandatesPage(page);
    await mandates.searchField.waitFor();
    await mandates.fill({ delegatorTaxId: PEOPLE.delegator.taxId, delegateTaxId: LATE_DELEGATE.taxId, delegateName: LATE_DELEGATE.denomination, validFrom: romeDay(NOW), validTo: romeDay(NOW + 30 * DAY) });
    await mandates.register();
    await expect(mandates.notice).toHaveAttribute('data-kind', 'created');

    // Back at the counter, the same code scanned again, as the audit did.
    await page.getByRole('link', { name: 'Sportello RADD', exact: true }).click();
    await expect(counter.scanField).toBeFocused();
    await counter.scanAnywhere(iunOf('delegatePickup'));
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue(PEOPLE.delegator.taxId);
    // Or from the link the start screen shows while an identification is under way.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('desk-resume-identification')).toContainText(iunOf('delegatePickup'));
    await accessible(page, 'desk start (identification under way)');
    await snapshot(page, 'desk-start-identification-kept');
    await page.getByTestId('desk-resume-identification').click();
    await expect(page.getByTestId('desk-recipient-taxid')).toHaveValue(PEOPLE.delegator.taxId);
    await expect(page.getByTestId('desk-delegate-taxid')).toHaveValue(LATE_DELEGATE.taxId);
    await expect(page.getByTestId('desk-delegate-name')).toHaveValue(LATE_DELEGATE.denomination);
    await expect(page.getByTestId('ddoc-number')).toHaveValue(PASSPORT.number);
    for (const slot of ['recipientId', 'delegateId', 'delegationForm']) await expect(page.getByTestId(`scan-${slot}-ok`)).toBeVisible();
    await counter.confirmIdentification();
    await expect(page.getByTestId('desk-who-delegate')).toContainText(LATE_DELEGATE.taxId);
  });
});
