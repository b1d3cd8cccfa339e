// The postal desk end to end (DOMAIN.md 7.3, 7.4): one item at a time, giacenza, second attempt,
// unreachable, a batch of 20, a CSV import with bad lines, the giacenza register. Every refused
// input is shown with the host's message; every screen state is checked with axe.
import { expect, holdFirstRequest, snapshot, test } from './fixtures.js';
import { buildPostalCases, romeLocal, seedPostalCases, UNKNOWN_IUN } from './data/postal-cases.js';
import { PostalBatchPage, PostalGiacenzaPage, PostalImportPage, PostalItemPage } from './pages/postal-pages.js';

const NOW = Date.now();
const HOUR = 3_600_000;
const cases = buildPostalCases(NOW);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

test.use({
  // A fixture returning the seed function (a bare function would be read as a fixture itself).
  seed: async ({}, use) => { await use(async (store) => { await seedPostalCases(store, cases); }); },
  // A seeded store is not empty at start, so the host would not add the demo operators by itself.
  hostEnv: { RADD_DEMO_OPERATORS: '1' },
});

test.describe.configure({ mode: 'serial' });

test.describe('postal desk', () => {
  test('the giacenza register lists held items, most urgent first, and opens one', async ({ page, host, accessible }) => {
    const register = new PostalGiacenzaPage(page);
    await register.open(host.url);
    // The focus starts on the screen (its heading), not on the menu link that opened it.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await expect(register.row(cases.arGiacenzaOld.itemCode)).toBeVisible();
    await expect(register.row(cases.arInGiacenza.itemCode)).toBeVisible();
    await expect(register.row(cases.n890InGiacenza.itemCode)).toBeVisible();
    const days = await register.table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.days)));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    await expect(register.row(cases.arGiacenzaOld.itemCode)).toContainText('scaduta da');
    // The 10-day term is a calendar day (no 00:00 shown); a 890's compiuta giacenza can be recorded
    // from the day after it (DOMAIN.md 7.3: more than 10 calendar days after the notice).
    const n890 = register.row(cases.n890InGiacenza.itemCode);
    const term = ((await n890.getByTestId('postal-giacenza-term').textContent()) ?? '').trim();
    expect(term).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    const [d, m, y] = term.split('/').map(Number) as [number, number, number];
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    const two = (n: number) => String(n).padStart(2, '0');
    await expect(n890.getByTestId('postal-giacenza-expires')).toHaveText(`${two(next.getUTCDate())}/${two(next.getUTCMonth() + 1)}/${next.getUTCFullYear()}`);
    await accessible(page, 'giacenza register');
    await snapshot(page, 'postal-giacenza');
    // At 200 % zoom (683 CSS px) the table scrolls inside its box: what the postman acts on (days
    // left, from when compiuta giacenza can be recorded) is in view without scrolling it.
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 683, height: 384 });
    for (const id of ['postal-giacenza-days', 'postal-giacenza-expires']) {
      const box = (await n890.getByTestId(id).boundingBox())!;
      expect(box.x + box.width, `${id} at 683px`).toBeLessThanOrEqual(683);
    }
    await accessible(page, 'giacenza register at 683px');
    await snapshot(page, 'postal-giacenza-683');
    await page.setViewportSize(size);
    await register.row(cases.arInGiacenza.itemCode).getByRole('link').click();
    const item = new PostalItemPage(page);
    await expect(item.item).toHaveAttribute('data-code', cases.arInGiacenza.itemCode);
    await expect(page.getByTestId('postal-item-held')).toBeVisible();
  });

  test('an item scanned while the previous one is looked up is the one shown', async ({ page, host, accessible }) => {
    const item = new PostalItemPage(page);
    await item.open(host.url);
    const lookups = await holdFirstRequest(page, 'postal.findItem');
    await item.scan(cases.arInGiacenza.itemCode);
    await item.scan(cases.n890InGiacenza.itemCode);
    lookups.release();
    await expect(item.item).toHaveAttribute('data-code', cases.n890InGiacenza.itemCode);
    expect(lookups.count()).toBe(2);
    await expect(item.scanField).toHaveValue(cases.n890InGiacenza.itemCode);
    await accessible(page, 'postal item (second scan)');
    await page.unrouteAll();
  });

  test('Esc with an outcome half typed asks before throwing it away; with nothing typed it clears at once', async ({ page, host, accessible }) => {
    const item = new PostalItemPage(page);
    await item.open(host.url);
    await item.scan(cases.arInGiacenza.itemCode);
    await item.choose('COLLECTED_FROM_GIACENZA');
    await item.fillDate(romeLocal(NOW - HOUR));
    await item.date.press('Escape');
    const dialog = page.getByTestId('postal-clear-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('postal-clear-reject')).toBeFocused();
    await accessible(page, 'postal item (clear asked)');
    // Esc in the dialog keeps everything, as "No, mantieni i dati" does.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(item.item).toHaveAttribute('data-code', cases.arInGiacenza.itemCode);
    await expect(item.date).toHaveValue(romeLocal(NOW - HOUR).slice(0, 10));
    await item.date.press('Escape');
    await page.getByTestId('postal-clear-accept').click();
    await expect(item.item).toHaveCount(0);
    await expect(item.scanField).toHaveValue('');
    await item.scan(cases.arInGiacenza.itemCode);
    await item.choose('COLLECTED_FROM_GIACENZA');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(item.item).toHaveCount(0);
  });

  test('delivers an 890 first attempt with its scan; refused inputs show their message', async ({ page, host, accessible }) => {
    const item = new PostalItemPage(page);
    await item.open(host.url);
    await expect(item.scanField).toBeFocused();
    await accessible(page, 'postal item (empty)');
    await item.scan(UNKNOWN_IUN);
    await expect(item.error).toHaveAttribute('data-code', 'POSTAL_ITEM_NOT_FOUND');
    await expect(item.error).toContainText(`Nessun invio cartaceo per ${UNKNOWN_IUN}`);
    await accessible(page, 'postal item (unknown)');
    await item.scan(`PREPARE_ANALOG_DOMICILE.IUN_${cases.sent890.iun}.RECINDEX_0.ATTEMPT_0`);
    await expect(item.item).toHaveAttribute('data-code', cases.sent890.itemCode);
    await expect(item.scanField).toBeFocused();
    await expect(page.getByTestId('postal-item-product')).toContainText('890');
    await expect(item.codesOf('DELIVERED_TO_RECIPIENT')).toHaveText('RECAG001A → RECAG001C');
    await item.choose('DELIVERED_TO_RECIPIENT');
    await item.attach('cartolina.txt', 'image/png', Buffer.from('not an image'));
    await expect(item.scanError).toHaveAttribute('data-code', 'POSTAL_SCAN_UNREADABLE');
    await expect(item.scanError).toContainText('cartolina.txt');
    // Over the 10 MB limit: said at once by the screen (FILE_TOO_LARGE), before anything is sent.
    await item.attach('cartolina-grande.pdf', 'application/pdf', Buffer.alloc(10 * 1024 * 1024 + 1));
    await expect(item.scanError).toHaveAttribute('data-code', 'FILE_TOO_LARGE');
    await expect(item.scanError).toContainText('«cartolina-grande.pdf» (10,1 MB). Il massimo è 10 MB');
    await item.attach('cartolina-890.png', 'image/png', PNG);
    await expect(item.scans).toContainText('cartolina-890.png');
    // The file button speaks the screen's language (not the browser's) and names the scans held; the
    // item's state and the notification's each say whose they are, in the words read with them.
    await expect(page.getByTestId('postal-scan-input-button')).toHaveText('Scegli file…');
    await expect(page.getByTestId('postal-scan-input-chosen')).toHaveText('cartolina-890.png');
    await expect(page.getByTestId('postal-item-state-badge')).toHaveText(/^Invio: \S/);
    await expect(page.getByTestId('postal-item-status-badge')).toHaveText(/^Notifica: \S/);
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('postal-scan-input-button')).toHaveText('Choose files…');
    await expect(page.getByTestId('postal-scan-input')).toHaveAccessibleDescription(/cartolina-890\.png$/);
    await expect(page.getByTestId('postal-item-state-badge')).toHaveText('Item: Being delivered');
    await expect(page.getByTestId('postal-item-status-badge')).toHaveText('Notification: Delivering');
    await accessible(page, 'postal item (EN, scan attached)');
    await snapshot(page, 'postal-item-form-en');
    await page.getByTestId('locale-switch').getByText('IT', { exact: true }).click();
    await expect(page.getByTestId('postal-scan-input-button')).toHaveText('Scegli file…');
    await item.fillDate(romeLocal(NOW + 3 * 24 * HOUR));
    await item.record();
    await expect(item.error).toHaveAttribute('data-code', 'OUTCOME_DATE_IN_FUTURE');
    // The date refused is marked on its field, named in the summary, and takes the focus.
    await expect(item.date).toHaveAttribute('aria-invalid', 'true');
    await expect(item.date).toBeFocused();
    await expect(item.error.getByRole('link', { name: 'Data sulla ricevuta' })).toBeVisible();
    await accessible(page, 'postal item (date in the future)');
    await item.fillDate(romeLocal(NOW - 2 * HOUR));
    await item.previewIt();
    await expect(page.getByTestId('postal-preview-steps')).toContainText('RECAG001B');
    await accessible(page, 'postal item (preview)');
    await snapshot(page, 'postal-item-form');
    // At 1024×768 the confirmation is in view (under the scan field, which has the focus for the next receipt).
    await page.setViewportSize({ width: 1024, height: 768 });
    await item.record();
    await expect(item.result).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Esito registrato.' })).toBeInViewport();
    await expect(item.scanField).toBeFocused();
    await snapshot(page, 'postal-record-890-1024');
    await page.setViewportSize({ width: 1366, height: 860 });
    await expect(item.resultSteps.locator('tr[data-role="OK"]')).toHaveAttribute('data-code', 'RECAG001C');
    await expect(page.getByTestId('postal-result-status')).toHaveAttribute('data-status', 'DELIVERED');
    await expect(page.getByTestId('postal-result-facts')).toContainText('Ricevuta/scansione della raccomandata');
    await expect(item.itemState).toHaveAttribute('data-state', 'CLOSED');
    await expect(item.scanField).toBeFocused();
    await accessible(page, 'postal item (recorded)');
    await snapshot(page, 'postal-record-890');
    // The same receipt scanned again by its IUN: the closed item is shown, with nothing to record.
    await item.scan(cases.sent890.iun);
    await expect(item.item).toHaveAttribute('data-code', cases.sent890.itemCode);
    await expect(item.itemState).toHaveAttribute('data-state', 'CLOSED');
    await expect(page.getByTestId('postal-no-options')).toBeVisible();
  });

  test('an AR left in giacenza, then collected', async ({ page, host, accessible }) => {
    const item = new PostalItemPage(page);
    await item.open(host.url);
    await item.scan(cases.sentAr.iun);
    await expect(item.codesOf('IN_GIACENZA')).toHaveText('RECRN010 → RECRN011');
    await item.choose('IN_GIACENZA');
    // Recorded with no date: the field is marked, says why under it, is listed (a link) and focused.
    await page.getByTestId('postal-record-button').click();
    await expect(item.formError).toContainText('Da correggere: 1 campo');
    await expect(item.formError.getByRole('link', { name: 'Data sulla ricevuta' })).toBeVisible();
    await expect(item.date).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#postal-at-error')).toHaveText('Campo obbligatorio');
    await expect(item.date).toBeFocused();
    await accessible(page, 'postal item (date missing)');
    await snapshot(page, 'postal-item-missing');
    await item.fillDate(romeLocal(NOW - 5 * HOUR));
    await page.getByTestId('postal-office').fill('Ufficio postale Milano 12');
    await item.record();
    await expect(item.result).toBeVisible();
    await expect(page.getByTestId('postal-item-held')).toBeVisible();
    // The focus is back in the scan field for the next receipt: a screen reader hears what was recorded.
    const announce = page.getByTestId('postal-announce');
    await expect(item.scanField).toBeFocused();
    await expect(announce).toHaveAttribute('role', 'status');
    await expect(announce).toHaveText(`Esito registrato per ${cases.sentAr.itemCode}: In giacenza (avviso lasciato). Stato della notifica: Invio in corso.`);
    // Why a meaning cannot be recorded yet, as one sentence: lowercase after the colon.
    await expect(item.choice.locator('.why').first()).toHaveText(/^Non registrabile ora: \p{Ll}/u);
    await expect(item.kind('DELIVERED_TO_RECIPIENT')).toHaveCount(0);
    await item.choose('COLLECTED_FROM_GIACENZA');
    await item.fillDate(romeLocal(NOW - 3 * HOUR));
    await item.record();
    await expect(item.resultSteps.locator('tr[data-role="OK"]')).toHaveAttribute('data-code', 'RECRN003C');
    await expect(announce).toContainText('Esito registrato per');
    await expect(announce).toContainText('Ritirato in giacenza');
    await expect(page.getByTestId('postal-item-held')).toHaveCount(0);
    await accessible(page, 'postal item (collected)');
    await snapshot(page, 'postal-giacenza-collected');
  });

  test('a giacenza expired closes the attempt; a first-attempt KO leads to a second attempt', async ({ page, host, accessible }) => {
    const item = new PostalItemPage(page);
    await item.open(host.url);
    await item.scan(cases.arGiacenzaOld.itemCode);
    await item.choose('GIACENZA_EXPIRED');
    await item.fillDate(romeLocal(NOW - 2 * HOUR));
    await item.record();
    await expect(item.resultSteps).toContainText('PNRN012');
    await expect(page.getByTestId('postal-item-sublabel')).toHaveText('compiuta giacenza');
    await expect(item.kind('UNDELIVERED')).toHaveCount(0);

    await item.scan(cases.arForSecondAttempt.itemCode);
    await item.choose('UNDELIVERED');
    await item.fillDate(romeLocal(NOW - 6 * HOUR));
    await item.cause.selectOption('M04');
    await item.fillAddress('postal-discovered', { address: 'Via Garibaldi 7', zip: '10122', municipality: 'Torino', province: 'TO' });
    await item.record();
    await expect(item.formError).toContainText('Passo successivo');
    await expect(page.getByTestId('postal-next-SECOND_ATTEMPT')).toBeFocused();
    await item.nextStep('SECOND_ATTEMPT');
    await expect(page.locator('#postal-next-address-municipality')).toHaveValue('Torino');
    await accessible(page, 'postal item (next step)');
    await item.record();
    await expect(item.resultSteps.locator('tr[data-code="PREPARE_ANALOG_DOMICILE"]')).toBeVisible();

    await item.scan(`${cases.arForSecondAttempt.iun}/0/1`);
    await expect(item.itemState).toHaveAttribute('data-state', 'PREPARED');
    await expect(page.getByTestId('postal-item-address')).toContainText('Torino');
    await item.sendSecondAttempt(romeLocal(NOW - 5 * HOUR));
    await expect(item.itemState).toHaveAttribute('data-state', 'OPEN');
    // The form that was used is gone: the focus goes back to the scan field and the screen says what happened.
    await expect(item.scanField).toBeFocused();
    await expect(page.getByTestId('postal-announce')).toHaveText('Secondo tentativo spedito: ora se ne possono registrare gli esiti.');
    await item.choose('DELIVERED_TO_RECIPIENT');
    await item.fillDate(romeLocal(NOW - 1 * HOUR));
    await item.record();
    await expect(page.getByTestId('postal-result-status')).toHaveAttribute('data-status', 'DELIVERED');
    await accessible(page, 'postal item (second attempt delivered)');
    await snapshot(page, 'postal-second-attempt');
  });

  test('undelivered with no new address: the recipient is unreachable', async ({ page, host, accessible }) => {
    const item = new PostalItemPage(page);
    await item.open(host.url);
    await item.scan(cases.arForNoAddress.itemCode);
    await item.choose('UNDELIVERED');
    await item.fillDate(romeLocal(NOW - 4 * HOUR));
    await item.record();
    await expect(item.formError).toContainText('Motivo');
    await expect(item.cause).toHaveAttribute('aria-invalid', 'true');
    await expect(item.cause).toBeFocused();
    await item.cause.selectOption('M07');
    // A second attempt without its address: the host's field errors mark the address fields.
    await item.nextStep('SECOND_ATTEMPT');
    await item.record();
    await expect(item.error).toHaveAttribute('data-code', 'VALIDATION_FAILED');
    const street = page.locator('#postal-next-address-street');
    await expect(street).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#postal-next-address-municipality')).toHaveAttribute('aria-invalid', 'true');
    await expect(street).toBeFocused();
    // Each field says what is wrong in the clerk's language (the host's message, not zod's English).
    await expect(page.locator('#postal-next-address-street-error')).toHaveText('Campo obbligatorio');
    await accessible(page, 'postal item (address refused)');
    await snapshot(page, 'postal-address-refused');
    await item.nextStep('NO_SECOND_ADDRESS');
    await page.getByTestId('postal-next-cause').selectOption('D00');
    await item.record();
    await expect(item.resultSteps.locator('tr[data-code="COMPLETELY_UNREACHABLE"]')).toBeVisible();
    await expect(page.getByTestId('postal-result-facts')).toContainText('irreperibilità');
    await expect(page.getByTestId('postal-item-recipient')).toBeVisible();
    await accessible(page, 'postal item (unreachable)');
    await snapshot(page, 'postal-unreachable');
  });

  test('a refused scan never eats the next code the scanner is already typing', async ({ page, host, accessible }) => {
    const batch = new PostalBatchPage(page);
    await batch.open(host.url);
    const refused = 'ABCD-EFGH-IJKL-202611-X-1';
    const next = cases.batch[0]!.itemCode;
    // The refused code's lookup is held while the scanner types the start of the next code.
    const lookups = await holdFirstRequest(page, 'postal.findItem');
    await batch.scan(refused);
    await batch.scanField.pressSequentially(next.slice(0, 5), { delay: 1 });
    lookups.release();
    await expect(batch.scanError).toContainText(refused);
    await batch.scanField.pressSequentially(next.slice(5), { delay: 1 });
    await expect(batch.scanField).toHaveValue(next);
    await batch.scanField.press('Enter');
    await expect(batch.list.locator('tbody tr')).toHaveCount(1);
    await expect(batch.list).toContainText(next);
    await page.unrouteAll();
    await batch.scan(cases.batch[1]!.itemCode);
    await expect(batch.list.locator('tbody tr')).toHaveCount(2);
    await batch.choose('DELIVERED_TO_RECIPIENT');
    await batch.fillDate(romeLocal(NOW - 2 * HOUR));
    await batch.check();
    await expect(batch.previewOk).toHaveText('Tutte e due le righe sono registrabili.');
    // "Verifica" is disabled while it runs: the focus goes on to "Conferma", never to the page.
    await expect(page.getByTestId('postal-batch-confirm')).toBeFocused();
    await accessible(page, 'postal batch (two lines checked)');
    await page.getByRole('button', { name: 'Svuota lista' }).click();
    await expect(batch.list.locator('tbody tr')).toHaveCount(0);
  });

  test('a batch refuses at the scan an item whose delivery is closed, saying so', async ({ page, host, accessible }) => {
    const batch = new PostalBatchPage(page);
    await batch.open(host.url);
    await batch.scan(cases.sent890.iun);
    await expect(batch.scanError).toHaveAttribute('data-code', 'POSTAL_BATCH_NOTHING_TO_RECORD');
    await expect(batch.scanError).toHaveText(`${cases.sent890.itemCode} non è stato aggiunto alla lista: nessun esito da registrare ora (Recapito concluso).`);
    await expect(batch.list).toHaveCount(0);
    await accessible(page, 'postal batch (closed item refused)');
  });

  test('a batch of 20 items: scanned with the keyboard, checked, recorded as one', async ({ page, host, accessible }) => {
    const batch = new PostalBatchPage(page);
    await batch.open(host.url);
    await expect(batch.scanField).toBeFocused();
    // The first lookup is held (a slow host) while the second code is scanned: the field takes the
    // second Enter at once (it empties) and its lookup follows the first one's answer.
    const lookups = await holdFirstRequest(page, 'postal.findItem');
    await batch.scan(cases.batch[0]!.itemCode);
    await batch.scan(cases.batch[1]!.itemCode);
    await expect(batch.scanField).toHaveValue('');
    lookups.release();
    await expect(batch.list.locator('tbody tr')).toHaveCount(2);
    expect(lookups.count()).toBe(2);
    await page.unrouteAll();
    for (const c of cases.batch.slice(2)) await batch.scan(c.itemCode);
    await expect(batch.list.locator('tbody tr')).toHaveCount(20);
    // Each scan that joins the list is said to screen readers (the field is already empty for the next one).
    await expect(page.getByTestId('postal-batch-announce')).toHaveAttribute('role', 'status');
    await expect(page.getByTestId('postal-batch-announce')).toHaveText(`${cases.batch[19]!.itemCode} aggiunto alla lista (20 invii).`);
    await batch.scan(cases.batch[3]!.itemCode);
    await expect(batch.scanError).toContainText('è già nella lista');
    await batch.scan(`${UNKNOWN_IUN}/0/0`);
    await expect(batch.scanError).toHaveAttribute('data-code', 'POSTAL_ITEM_NOT_FOUND');
    await expect(batch.list.locator('tbody tr')).toHaveCount(20);
    await expect(batch.scanField).toBeFocused();
    await accessible(page, 'postal batch (list)');
    await batch.choose('DELIVERED_TO_RECIPIENT');
    await batch.fillDate(romeLocal(NOW - 2 * HOUR));
    await batch.check();
    await expect(batch.previewOk).toContainText('20');
    await accessible(page, 'postal batch (checked)');
    await snapshot(page, 'postal-batch');
    // Away and back: the list, its check, the outcome and the date are all still there, so
    // "confirm" (enabled) records them.
    await page.evaluate(() => { window.location.hash = '#/postal'; });
    await expect(page.getByTestId('postal-scan')).toBeVisible();
    await page.evaluate(() => { window.location.hash = '#/postal/batch'; });
    await expect(batch.list.locator('tbody tr')).toHaveCount(20);
    await expect(page.getByTestId('postal-kind-DELIVERED_TO_RECIPIENT')).toBeChecked();
    await expect(batch.date).toHaveValue(romeLocal(NOW - 2 * HOUR).slice(0, 10));
    await expect(batch.confirmButton).toBeEnabled();
    await batch.confirm();
    await expect(batch.recorded).toContainText('20 esiti registrati');
    await expect(batch.list).toHaveCount(0);
    await accessible(page, 'postal batch (recorded)');
  });

  test('a CSV import: a wrong file is refused whole, a file with 2 bad lines and a repeated one is reported line by line', async ({ page, host, accessible }) => {
    const imp = new PostalImportPage(page);
    await imp.open(host.url);
    await expect(imp.file).toBeFocused();
    await expect(page.getByTestId('postal-import-file-button')).toHaveText('Scegli file…');
    await expect(page.getByTestId('postal-import-file-chosen')).toHaveText('Nessun file scelto');
    await accessible(page, 'postal import (empty)');
    await imp.importFile('colonne.csv', Buffer.from('invio;quando\nX;Y\n'));
    await expect(imp.error).toHaveAttribute('data-code', 'POSTAL_CSV_WRONG_COLUMNS');
    await expect(imp.error).toContainText('mancanti: outcome, date');
    await imp.importFile('latin1.csv', Buffer.concat([Buffer.from('item;outcome;date\nX;Y;Citt'), Buffer.from([0xe0, 0x0a])]));
    await expect(imp.error).toHaveAttribute('data-code', 'POSTAL_CSV_ENCODING_INVALID');
    await expect(imp.error).toContainText('UTF-8');
    await accessible(page, 'postal import (refused file)');
    const at = romeLocal(NOW - 2 * HOUR);
    const good = cases.csv.map((c) => `${c.itemCode};DELIVERED_TO_RECIPIENT;${at}`);
    const lines = ['item;outcome;date;cause', ...good.slice(0, 3).map((l) => `${l};`), `${UNKNOWN_IUN}/0/0;DELIVERED_TO_RECIPIENT;${at};`,
      ...good.slice(3).map((l) => `${l};`), `${cases.csv[0]!.itemCode};DELIVERED_TO_RECIPIENT;${at};`, `${cases.n890InGiacenza.itemCode};COLLECTED_FROM_GIACENZA;32/13/2026 10:00;`];
    await imp.importFile('esiti.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'))]));
    await expect(imp.summary).toContainText('Righe del file: 10; accettate 7, rifiutate 2, già registrate in precedenza 1 (non registrate di nuovo)');
    await expect(imp.progress).toHaveAttribute('data-percent', '100');
    await expect(imp.line(5)).toHaveAttribute('data-code', 'POSTAL_ITEM_NOT_FOUND');
    await expect(imp.line(5)).toContainText('Nessun invio cartaceo');
    // Line 10 repeats line 2: already recorded, not an error.
    await expect(imp.line(10)).toHaveAttribute('data-status', 'skipped');
    await expect(imp.line(10)).toContainText('Già registrata');
    await expect(imp.line(11)).toHaveAttribute('data-code', 'POSTAL_DATE_INVALID');
    await expect(imp.line(2)).toHaveAttribute('data-status', 'accepted');
    await accessible(page, 'postal import (report)');
    await snapshot(page, 'postal-import');
    // At 1024 px the reason of a refused line is in view, no sideways scroll, and the rows stay low.
    await page.setViewportSize({ width: 1024, height: 768 });
    const reason = imp.line(5).getByTestId('postal-import-reason');
    const box = (await reason.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1024);
    expect(await imp.report.evaluate((t) => t.scrollWidth <= (t.parentElement as HTMLElement).clientWidth)).toBe(true);
    expect((await imp.line(2).boundingBox())!.height).toBeLessThan(80);
    await snapshot(page, 'postal-import-1024');
    await page.setViewportSize({ width: 1366, height: 860 });
    // The file field in the screen's language, naming the file imported.
    await expect(page.getByTestId('postal-import-file-chosen')).toHaveText('esiti.csv');
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('postal-import-file-button')).toHaveText('Choose file…');
    await expect(page.getByTestId('postal-import-file-chosen')).toHaveText('esiti.csv');
    await accessible(page, 'postal import (EN, report)');
    await snapshot(page, 'postal-import-en');
  });

  test('a CSV import whose answer is lost on the way stops as interrupted and resumes without importing a line twice', async ({ page, host, accessible }) => {
    const imp = new PostalImportPage(page);
    await imp.open(host.url);
    const at = romeLocal(NOW - 2 * HOUR);
    const lines = ['item;outcome;date', ...Array.from({ length: 30 }, () => `${UNKNOWN_IUN}/0/0;DELIVERED_TO_RECIPIENT;${at}`)];
    // The second step reaches the host and is done there, but its answer never comes back.
    let steps = 0;
    await page.route('**/api/postal.importCsvStep', async (route) => {
      if (++steps !== 2) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await imp.importFile('esiti.csv', Buffer.from(lines.join('\r\n')));
    const interrupted = page.getByTestId('postal-import-interrupted');
    await expect(interrupted).toContainText('Importazione interrotta dopo 25 righe su 30');
    await expect(imp.summary).toHaveCount(0);
    await expect(imp.start).toBeDisabled();
    const resume = page.getByTestId('postal-import-resume');
    await expect(resume).toBeFocused();
    await accessible(page, 'postal import (interrupted)');
    await page.keyboard.press('Enter');
    await expect(imp.summary).toContainText('Righe del file: 30; accettate 0, rifiutate 30');
    const reported = await imp.report.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number((r as HTMLElement).dataset.line)));
    expect(reported).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
    expect(steps).toBe(2);
    await page.unrouteAll();
  });
});
