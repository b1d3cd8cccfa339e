// The sender office end to end: the dashboard of the last month, the list filtered by status and
// date with the filter in the URL, a detail with its timeline and a legal fact download, the CSV
// export read back, a cancellation, and a new notification refused for a wrong codice fiscale then
// accepted (DOMAIN.md 2.2, 3, 5, 6, 13; B2B NewNotificationRequest).
import { readFileSync } from 'node:fs';
import { formatInstant } from '../../core/index.js';
import { expect, holdFirstRequest, snapshot, test } from './fixtures.js';
import type { Page } from '@playwright/test';
import { caseCutAfter, importCases, recentCase, standardCases } from '../integration/sender-cases.js';
import { SenderDetailPage, SenderListPage, SenderNewPage } from './pages/sender-pages.js';

const NOW = formatInstant(Date.now());
const cases = standardCases(NOW);
const giacenza = caseCutAfter('e2e-giacenza', 'GIACENZA_EXPIRED', 'ANALOG_SUCCESS_WORKFLOW');
const radd = recentCase('e2e-radd', 'VIEWED_AT_RADD', 10, { now: NOW });
const cancellable = recentCase('e2e-cancel', 'ANALOG_890_DELIVERED', 2, { now: NOW });
const cancelLost = recentCase('e2e-cancel-lost', 'ANALOG_890_DELIVERED', 2, { now: NOW });
const romeDay = (ms: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome' }).format(new Date(ms));

test.use({
  seed: async ({}, use) => { await use(async (store) => { await importCases(store, [...cases, giacenza, radd, cancellable, cancelLost]); }); },
  hostEnv: { RADD_DEMO_OPERATORS: '1', RADD_SYNC: '0' },
});

/** PrimeVue's default English aria labels (dialog close, paginator...): none may remain on an Italian screen. */
const PRIME_ENGLISH = /^(Close|First Page|Last Page|Next Page|Previous Page|Page \d+|Rows per page|Previous|Next|Navigation|Option List|All items (un)?selected|Jump to Page.*)$/;
const englishPrimeLabels = async (page: Page) => (await page.evaluate(() => [...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label') ?? ''))).filter((l) => PRIME_ENGLISH.test(l));
/** Category codes (SEND_ANALOG_DOMICILE...) and rule references (DOMAIN 4.2 ... -> ...) are not for the office. */
const CODES = /\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b|DOMAIN|->/;

test.describe('sender office', () => {
  test('the dashboard shows the last 30 days: statuses, charts, refinements due, outcomes to handle', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/sender/dashboard`);
    await expect(page.getByTestId('kpi-total')).not.toHaveText('0');
    await expect(page.getByTestId('sender-status-counts').locator('li').first()).toBeVisible();
    await expect(page.getByTestId('sender-daily-chart').locator('canvas')).toBeVisible();
    await expect(page.getByTestId('sender-period-range')).toContainText('30 giorni');
    // Refinements due from now (today included) to the end of the 7th day after today.
    await expect(page.getByTestId('sender-due-range')).toContainText('Da adesso (');
    await accessible(page, 'sender dashboard');
    await snapshot(page, 'sender-dashboard');
    await page.getByTestId('sender-period').getByText('12 mesi').click();
    await expect(page.getByTestId('sender-period-range')).toContainText(/36[56] giorni/);
    // In English at once, the failed PEC deliveries' causes too (the host sends both languages).
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('sender-period-range')).toContainText(/36[56] days/);
    await expect(page.getByTestId('sender-failures').locator('li').first()).toBeVisible();
    await expect(page.getByTestId('sender-failures')).not.toContainText(/casella|dominio inesistente/);
    await snapshot(page, 'sender-dashboard-en');
    await page.getByTestId('locale-switch').getByText('IT', { exact: true }).click();
    await expect(page.getByTestId('sender-period-range')).toContainText(/36[56] giorni/);
  });

  test('a custom period applied with a date still empty says which, on its field, instead of doing nothing', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/sender/dashboard`);
    await expect(page.getByTestId('sender-period-range')).toContainText('30 giorni');
    await page.getByTestId('sender-period').getByText('Personalizzato').click();
    await page.getByTestId('dash-from').fill('2026-11-01');
    await page.getByRole('button', { name: 'Applica' }).click();
    await expect(page.getByTestId('dash-to-error')).toHaveText('Indicare la data finale del periodo');
    await expect(page.getByTestId('dash-to')).toBeFocused();
    await expect(page.getByTestId('dash-to')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('dash-from-error')).toHaveText('');
    await accessible(page, 'sender dashboard (custom period without its end)');
    await page.getByTestId('dash-to').fill('2026-11-10');
    await page.getByRole('button', { name: 'Applica' }).click();
    await expect(page.getByTestId('sender-period-range')).toHaveText('Dal 01/11/2026 al 10/11/2026 (10 giorni)');
    await expect(page.getByTestId('dash-to-error')).toHaveText('');

    // A period without notifications: every box says so (no heading over nothing, no empty chart).
    await page.getByTestId('dash-from').fill('2020-01-01');
    await page.getByTestId('dash-to').fill('2020-01-31');
    await page.getByRole('button', { name: 'Applica' }).click();
    await expect(page.getByTestId('sender-period-range')).toHaveText('Dal 01/01/2020 al 31/01/2020 (31 giorni)');
    await expect(page.getByTestId('kpi-total')).toHaveText('0');
    await expect(page.getByTestId('sender-status-empty')).toHaveText('Nessuna notifica nel periodo.');
    await expect(page.getByTestId('sender-status-counts')).toHaveCount(0);
    await expect(page.getByTestId('sender-daily-empty')).toBeVisible();
    await expect(page.getByTestId('sender-daily-chart').locator('canvas')).toHaveCount(0);
    await expect(page.getByTestId('sender-channels-empty')).toHaveText('Nessun destinatario nel periodo.');
    await expect(page.getByTestId('sender-failures')).toContainText('Nessun invio PEC non riuscito nel periodo.');
    await expect(page.getByTestId('sender-needs-action-empty')).toHaveText('Nessun esito da gestire nel periodo.');
    await accessible(page, 'sender dashboard (period without notifications)');
    await snapshot(page, 'sender-dashboard-empty');
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('sender-status-empty')).toHaveText('No notifications in this period.');
    await expect(page.getByTestId('sender-channels-empty')).toHaveText('No recipients in this period.');
    await page.getByTestId('locale-switch').getByText('IT', { exact: true }).click();
  });

  test('filters by status and date, keeps the filter in the URL, exports the CSV and reads it back', async ({ page, host, accessible }) => {
    const list = new SenderListPage(page);
    await list.open(host.url);
    await list.chooseStatuses(['Perfezionata per decorrenza termini', 'Annullata']);
    const from = romeDay(Date.now() - 30 * 86_400_000);
    const to = romeDay(Date.now());
    await list.dates(from, to);
    // Enter on the closed "Stato" list runs the search (it does not reopen the list).
    await page.getByTestId('f-status').getByRole('combobox').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`status=EFFECTIVE_DATE%2CCANCELLED|status=EFFECTIVE_DATE,CANCELLED`));
    await expect(page.getByRole('listbox')).toHaveCount(0);
    await expect(page).toHaveURL(new RegExp(`from=${from}`));
    // The URL changes at once; the rows of the search replace the unfiltered ones when its answer
    // arrives (seen in CI: the rows read in between were the first load's).
    const shownStatuses = () => list.statuses.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    await expect.poll(async () => {
      const shown = await shownStatuses();
      return shown.length > 0 && shown.every((s) => s === 'EFFECTIVE_DATE' || s === 'CANCELLED');
    }).toBe(true);
    const totalText = await list.total.textContent();
    // The paginator speaks Italian.
    await expect(page.getByRole('button', { name: 'Pagina successiva' })).toBeAttached();
    expect(await englishPrimeLabels(page)).toEqual([]);
    await accessible(page, 'sender list (filtered)');
    await snapshot(page, 'sender-list');

    // The URL is the view: reloading it shows the same filter and the same result.
    await page.reload();
    await expect(list.total).toHaveText(totalText!);
    await expect(page.getByTestId('f-from')).toHaveValue(from);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-start').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^notifiche-\d{8}-\d{4}\.csv$/);
    // The host's ticketed URL, as given: a ticket for that job, neither the token nor the session.
    const downloadUrl = new URL(download.url());
    expect(downloadUrl.pathname).toMatch(/^\/export\/[A-Za-z0-9_-]{16,64}\.csv$/);
    expect([...downloadUrl.searchParams.keys()]).toEqual(['ticket']);
    expect(downloadUrl.searchParams.get('ticket')).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    const head = lines[0]!.split(';');
    expect(head[0]).toBe('IUN');
    const statusCol = head.indexOf('Codice stato');
    const rows = lines.slice(1).map((l) => l.split(';'));
    expect(rows).toHaveLength(Number(/\d+/.exec(totalText!)![0]));
    expect(rows.every((r) => r[statusCol] === 'EFFECTIVE_DATE' || r[statusCol] === 'CANCELLED')).toBe(true);
    await expect(page.getByTestId('export-status')).toContainText('Esportazione completata');
    await accessible(page, 'sender list (exported)');
  });

  test('a wrong codice fiscale in the filter is refused with the core message, on that field', async ({ page, host, accessible }) => {
    const list = new SenderListPage(page);
    await list.open(host.url);
    // Keyboard only: type, Enter to search, Esc to clear.
    await page.getByTestId('f-cf').focus();
    await page.keyboard.type('RSSMRA85T10A562X');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('f-cf-error')).toContainText(/carattere di controllo errato/i);
    await accessible(page, 'sender list (invalid filter)');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('f-cf')).toHaveValue('');
    await expect(page).not.toHaveURL(/cf=/);
  });

  test('a detail shows the timeline in order with legal facts; one downloads as PDF', async ({ page, host, accessible }) => {
    const list = new SenderListPage(page);
    await list.open(host.url, `?iun=${radd.notification.iun}`);
    await page.getByTestId('row-iun').first().click();
    const detail = new SenderDetailPage(page);
    await expect(page.getByTestId('detail-iun')).toHaveText(radd.notification.iun);
    await expect(page.getByTestId('detail-iun')).toBeFocused();
    await expect(page.getByTestId('radd-banner')).toContainText('sportello RADD');
    const categories = await detail.timeline.evaluateAll((els) => els.map((e) => e.getAttribute('data-category')));
    // The order of the business times (DOMAIN.md 4.1 step 2), as the case wrote them.
    const earliest = [...radd.elements].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0]!;
    expect(categories[0]).toBe(earliest.category);
    expect(categories).toHaveLength(radd.elements.length);
    await expect(detail.timeline.filter({ hasText: 'Notifica accettata' })).toHaveCount(1);
    await page.getByTestId('why-status-toggle').click();
    await expect(page.getByTestId('why-status')).toBeVisible();
    await page.getByTestId('why-refinement-0-toggle').click();
    await expect(page.getByTestId('why-refinement-0')).toContainText('Data di perfezionamento');
    // Plain Italian: events by their timeline label, no category codes, no rule references.
    await expect(page.getByTestId('why-status')).toContainText('«Notifica accettata (presa in carico)»');
    expect(await page.getByTestId('why-status').innerText()).not.toMatch(CODES);
    expect(await page.getByTestId('why-refinement-0').innerText()).not.toMatch(CODES);
    await accessible(page, 'sender detail');
    await snapshot(page, 'sender-detail');
    // Two receipts of one kind (the PEC's acceptance and delivery) read the same title: their
    // buttons are told apart by the element's time, for a screen reader's list of buttons too.
    const facts = await page.getByTestId('fact-download').evaluateAll((els) => els.map((e) => [e.textContent?.trim() ?? '', e.getAttribute('aria-label') ?? '']));
    expect(new Set(facts.map(([title]) => title)).size, 'two attestations with one title').toBeLessThan(facts.length);
    expect(new Set(facts.map(([, name]) => name)).size).toBe(facts.length);
    for (const [title, name] of facts) expect(name).toContain(title);

    const downloading = page.waitForEvent('download');
    await page.locator('[data-testid="fact-download"][data-fact-type="SENDER_ACK"]').click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    // The documents' last column has its name too (the download, or "not on this computer").
    await expect(page.getByTestId('detail-documents').locator('th').nth(2)).toHaveText('File');

    // An unknown IUN: a page of its own, with a heading, what to check and where to look.
    await page.goto(`${host.url}#/sender/notifications/KWKU-JHXN-HJXM-202304-U-1`);
    await expect(page.getByTestId('detail-not-found')).toHaveText('Notifica non trovata');
    await expect(page.getByTestId('detail-not-found')).toBeFocused();
    await expect(page.getByTestId('detail-not-found-help')).toContainText('Nessuna notifica inviata con IUN KWKU-JHXN-HJXM-202304-U-1.');
    await expect(page.getByTestId('detail-not-found-help')).toContainText('Controllare lo IUN');
    await expect(page.getByTestId('detail-not-found-help')).toContainText('sincronizzazione');
    await expect(page.getByTestId('detail-not-found-lookup')).toHaveText('Cercarla per IUN in «Ricerca notifica»');
    await accessible(page, 'sender detail (not found)');
    await snapshot(page, 'sender-detail-not-found');
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('detail-not-found')).toHaveText('Notification not found');
    await expect(page.getByTestId('detail-not-found-help')).toContainText('No sent notification with IUN KWKU-JHXN-HJXM-202304-U-1.');
    await snapshot(page, 'sender-detail-not-found-en');
    await page.getByTestId('detail-not-found-lookup').click();
    await expect(page).toHaveURL(/#\/lookup$/);
  });

  test('a notification SEND refused says why and what to do, and that it will never be delivered or refined', async ({ page, host, accessible }) => {
    const refused = cases.find((c) => c.path === 'REFUSED')!;
    const detail = new SenderDetailPage(page);
    await detail.open(host.url, refused.notification.iun);
    await expect(detail.status).toHaveText('Rifiutata');
    const banner = page.getByTestId('detail-refusal');
    await expect(banner).toContainText('SEND ha rifiutato la notifica il ');
    await expect(banner).toContainText(/codice [A-Z_]+/);
    await expect(banner).toContainText('La notifica non sarà consegnata ai destinatari');
    await expect(page.getByTestId('recipient-refinement')).toHaveText('Non si perfeziona: notifica rifiutata da SEND');
    await expect(page.getByTestId('recipient-acts')).toHaveText('Mai disponibili: notifica rifiutata da SEND');
    await expect(page.getByTestId('recipient-aar')).toHaveText('Mai disponibili: notifica rifiutata da SEND');
    await accessible(page, 'sender detail (refused)');
    await page.getByTestId('detail-refusal-new').click();
    await expect(page).toHaveURL(/#\/sender\/new$/);
  });

  test('a paper item held at the post office shows its DELIVERED sub-label', async ({ page, host, accessible }) => {
    const detail = new SenderDetailPage(page);
    await detail.open(host.url, giacenza.notification.iun);
    await expect(detail.status).toHaveText('Consegnata');
    await expect(page.getByTestId('detail-sublabel')).toHaveText(/giacenza/);
    await accessible(page, 'sender detail (giacenza)');
    await snapshot(page, 'sender-detail-giacenza');
  });

  test('a refinement by lapse of time still to come is said to be expected, not reached', async ({ page, host, accessible }) => {
    // Delivered by PEC three days ago: refined 7 days after the delivery, unless viewed before.
    const pec = cases[1]!;
    expect(pec.path).toBe('PEC_FIRST_TRY');
    const detail = new SenderDetailPage(page);
    await detail.open(host.url, pec.notification.iun);
    await expect(detail.status).toHaveText('Consegnata');
    await expect(page.getByTestId('recipient-refinement').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} \(prevista per decorrenza termini, se non visualizzata prima\)$/);
    await accessible(page, 'sender detail (refinement expected)');
  });

  test('cancelling asks for confirmation, then the timeline gains the cancellation', async ({ page, host, accessible }) => {
    const detail = new SenderDetailPage(page);
    await detail.open(host.url, cancellable.notification.iun);
    await expect(page.getByTestId('detail-iun')).toBeFocused();
    await page.getByTestId('cancel-open').click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('sarà annullata su SEND; questa scelta è definitiva');
    await expect(dialog).not.toContainText('non si può annullare');
    await expect(page.getByTestId('cancel-reject')).toBeFocused();
    // A sentence-wide dialog, not stretched across the window; its close button in Italian.
    const box = (await dialog.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(32 * 16 + 1);
    await expect(dialog.getByRole('button', { name: 'Chiudi' })).toBeAttached();
    expect(await englishPrimeLabels(page)).toEqual([]);
    await accessible(page, 'sender cancel dialog');
    await snapshot(page, 'sender-cancel-dialog');
    await page.getByTestId('cancel-accept').click();
    await expect(detail.status).toHaveText('Annullata');
    await expect(detail.timeline.last()).toHaveAttribute('data-category', 'NOTIFICATION_CANCELLED');
    await expect(page.getByTestId('cancel-open')).toHaveCount(0);
    // The button that had the focus is gone: the focus is back on the heading, not lost.
    await expect(page.getByTestId('detail-iun')).toBeFocused();
    // ...and a screen reader hears what happened, not only the IUN.
    await expect(page.getByTestId('detail-status-news')).toHaveText('Stato aggiornato: Annullata');
    // Not refined before the cancellation, so never: no "not refined yet", no acts at a desk.
    const card = page.getByTestId('recipient-card').first();
    await expect(card.getByTestId('recipient-refinement')).toHaveText('Non si perfeziona: notifica annullata dal mittente');
    await expect(card.getByTestId('recipient-acts')).toHaveText('Non consegnati allo sportello: notifica annullata');
    await expect(page.getByTestId('why-refinement-0-toggle')).toHaveCount(0);
    await accessible(page, 'sender detail (cancelled)');
  });

  test('a cancellation whose answer is lost shows the notification as it now is, not the cancel button again', async ({ page, host, accessible }) => {
    const detail = new SenderDetailPage(page);
    await detail.open(host.url, cancelLost.notification.iun);
    await expect(page.getByTestId('cancel-open')).toBeVisible();
    // The host cancels it, but its answer never reaches the screen.
    await page.route('**/api/sender.cancel', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByTestId('cancel-open').click();
    await page.getByTestId('cancel-accept').click();
    await expect(page.getByTestId('sender-error')).toBeVisible();
    await expect(detail.status).toHaveText('Annullata');
    await expect(page.getByTestId('cancel-open')).toHaveCount(0);
    await expect(page.getByTestId('detail-status-news')).toHaveText('Stato aggiornato: Annullata');
    await accessible(page, 'sender detail (cancel answer lost)');
  });

  test('a new notification with a wrong codice fiscale is refused with the message, then saved with a valid one', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    await expect(page.getByTestId('n-sender-tax')).toHaveValue('01199250158');
    await form.fill({ protocol: 'PG/2026/0777001', subject: 'Verbale di contravvenzione n. 777/2026', taxonomy: '010202N', taxId: 'RSSMRA85T10A562X', name: 'Mario Rossi', address: 'Via Roma 1', zip: '20121', city: 'Milano', notice: '302000100000019421' });
    await form.upload('verbale-777.pdf', Buffer.from('%PDF-1.4\n% verbale\n%%EOF\n'));
    // Costs charged by delivery mode need the sender's fee: said under the field, with the others.
    await page.getByLabel('Secondo il percorso di notifica').check();
    await form.submit();
    await expect(page.getByTestId('n-pafee-err')).toHaveText('Costo ente (centesimi): campo obbligatorio');
    await expect(page.getByTestId('r0-taxId-error')).toContainText(/carattere di controllo errato/i);
    await expect(page.getByTestId('new-error')).toHaveAttribute('data-code', 'VALIDATION_FAILED');
    await accessible(page, 'sender new (invalid)');
    await snapshot(page, 'sender-new-invalid');

    await page.getByLabel('Forfettari').check();
    await page.getByTestId('r0-taxId').fill('RSSMRA85T10A562S');
    await page.getByTestId('r0-province').fill('mi');
    await form.submit();
    await expect(page.getByTestId('detail-created')).toBeVisible();
    await expect(page.getByTestId('detail-status')).toHaveText('In validazione');
    await expect(page.getByTestId('detail-awaiting')).toHaveText('in attesa di invio');
    // The province typed in lower case reads as its sigla.
    await expect(page.getByTestId('recipient-card').first()).toContainText('(MI)');
    await expect(page.getByTestId('recipient-card').first()).not.toContainText('(mi)');
    await expect(page.getByTestId('recipient-card').first().locator('h3')).toContainText('· Persona fisica');
    await accessible(page, 'sender new (created)');
    await snapshot(page, 'sender-new-created');
  });
});

test.describe('Nuova notifica', () => {
  const FORM = { protocol: 'PG/2026/0778001', subject: 'Avviso di accertamento TARI 2026', taxonomy: '010202N', taxId: 'RSSMRA85T10A562S', name: 'Mario Rossi', address: 'Via Roma 1', zip: '20121', city: 'Milano' };

  test('an amount typed with a dot is read as euro and cents; an ambiguous one is refused on its field, with every other problem in the same submit (a 3-digit CAP among them)', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    // A wrong codice fiscale, no taxonomy code, an Italian CAP of 3 digits, no document.
    await form.fill({ ...FORM, taxonomy: '', taxId: 'RSSMRA85T10A562X', zip: '123', notice: '302000100000019431' });
    // "12.50" was read as 1.250,00 € (amountCents 125000) without a word.
    for (const [typed, shown] of [['12.50', '12,50'], ['1234.56', '1.234,56'], ['0.5', '0,50'], ['1.234', '1.234,00'], ['1.234,5', '1.234,50'], ['€ 12,50', '12,50']] as const) {
      await form.typeAmount(0, typed);
      await expect(form.amount(0), typed).toHaveValue(shown);
    }
    await form.typeAmount(0, '12,505');
    await expect(form.amount(0)).toHaveValue('12,505');
    await expect(page.getByTestId('r0-amount-0-error')).toHaveText('Importo in euro (destinatario 1, avviso 1): importo non valido: al massimo due cifre dopo la virgola, es. 12,50');
    await expect(form.amount(0)).toHaveAttribute('aria-invalid', 'true');
    // Not sent with the amount left out, but every problem is listed at once (the amount was told
    // alone, the others only after it was fixed); the focus on the first field in error.
    let sent: Record<string, unknown> | undefined;
    page.on('request', (r) => { if (r.url().endsWith('/api/sender.create')) sent = r.postDataJSON() as Record<string, unknown>; });
    await form.submit();
    await expect(form.errorLinks).toHaveCount(5);
    await expect(form.errorLinks.nth(0)).toContainText('Codice tassonomico');
    await expect(form.errorLinks.nth(1)).toContainText('Codice fiscale (destinatario 1)');
    await expect(form.errorLinks.nth(2)).toHaveText('CAP (destinatario 1): il CAP di un indirizzo in Italia ha 5 cifre (es. 00187): «123» non è valido');
    await expect(form.errorLinks.nth(3)).toHaveText('Importo in euro (destinatario 1, avviso 1): importo non valido: al massimo due cifre dopo la virgola, es. 12,50');
    await expect(form.errorLinks.nth(4)).toHaveText('Documenti notificati: allegare almeno un documento PDF');
    await expect(page.getByTestId('n-taxonomy')).toBeFocused();
    // The CAP is marked on its own field.
    await expect(page.getByTestId('r0-zip')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('r0-zip')).toHaveAccessibleDescription(/ha 5 cifre/);
    expect(sent).toBeUndefined();
    await accessible(page, 'sender new (amount, CAP and the rest refused at once)');
    await snapshot(page, 'sender-new-amount');
    // In English at once.
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(form.errorLinks.nth(2)).toContainText('has 5 digits (e.g. 00187): "123" is not valid');
    await page.getByTestId('locale-switch').getByText('IT', { exact: true }).click();

    // Everything fixed: created, with the amount in cents.
    await page.getByTestId('n-taxonomy').fill(FORM.taxonomy);
    await page.getByTestId('r0-taxId').fill(FORM.taxId);
    await page.getByTestId('r0-zip').fill(FORM.zip);
    await form.upload('tari.pdf', Buffer.from('%PDF-1.4\n% tari\n%%EOF\n'));
    await form.typeAmount(0, '12.50');
    await expect(page.getByTestId('r0-amount-0-error')).toHaveText('Con la virgola per i decimali, es. 12,50');
    await form.submit();
    await expect(page.getByTestId('detail-created')).toBeVisible();
    const payment = ((sent!.recipients as Record<string, unknown>[])[0]!.payments as Record<string, unknown>[])[0]!;
    expect(payment.amountCents).toBe(1250);
    await expect(page.getByTestId('recipient-card').first()).toContainText('12,50');
  });

  test('an empty form: the focus on the first field in error, every error named and linked from the summary', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    await page.getByTestId('r0-taxId').fill('RSSMRA85T10A562X');
    await form.submit();
    await expect(page.getByTestId('new-error')).toHaveAttribute('data-code', 'VALIDATION_FAILED');
    // The first field in error, not the button at the bottom of the page.
    await expect(page.getByTestId('n-protocol')).toBeFocused();
    await expect(page.getByTestId('n-protocol')).toBeInViewport();
    await expect(page.getByTestId('n-protocol-err')).toHaveText('Protocollo: campo obbligatorio');
    // Which codice fiscale: the recipient's, named as such.
    await expect(page.getByTestId('r0-taxId-error')).toHaveText('Codice fiscale (destinatario 1): carattere di controllo errato, ricontrollare il codice');
    await expect(page.getByTestId('n-documents-err')).toHaveText('Documenti notificati: allegare almeno un documento PDF');
    const links = await form.errorLinks.allTextContents();
    expect(links[0]).toBe('Protocollo: campo obbligatorio');
    expect(links).toContain('Codice fiscale (destinatario 1): carattere di controllo errato, ricontrollare il codice');
    expect(links.at(-1)).toBe('Documenti notificati: allegare almeno un documento PDF');
    await expect(page.getByTestId('new-error')).toContainText(`correggere i ${links.length} campi indicati`);
    await accessible(page, 'sender new (empty submit)');
    await snapshot(page, 'sender-new-empty-submit');
    // A link of the summary takes the focus to its field.
    await form.errorLinks.filter({ hasText: 'Codice fiscale (destinatario 1)' }).click();
    await expect(page.getByTestId('r0-taxId')).toBeFocused();
    await expect(page).toHaveURL(/#\/sender\/new$/);
  });

  test('saved once when the answer is lost to a network drop and the clerk submits again', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    await form.fill({ ...FORM, protocol: 'PG/2026/0778009' });
    await form.upload('verbale-drop.pdf', Buffer.from('%PDF-1.4\n% verbale drop\n%%EOF\n'));
    // The host stores the notification, but its answer never reaches the screen.
    let drops = 1;
    await page.route('**/api/sender.create', async (route) => {
      if (drops-- > 0) {
        await route.fetch();
        await route.abort('connectionreset');
      } else await route.continue();
    });
    await form.submit();
    await expect(page.getByTestId('new-error')).toBeVisible();
    await accessible(page, 'sender new (answer lost)');
    await form.submit();
    await expect(page.getByTestId('detail-created')).toBeVisible();
    const iun = (await page.getByTestId('detail-iun').textContent())!.trim();
    // One notification with that protocol number, the one shown: not a second one for the citizen.
    const list = new SenderListPage(page);
    await list.open(host.url, '?protocol=PG%2F2026%2F0778009');
    await expect(list.total).toHaveText('1 notifica trovata');
    await expect(page.getByTestId('row-iun')).toHaveText([iun]);
  });

  test('a PDF over 30 MB is refused by name at once, the PDF chosen with it is added, and each is said', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    const big = Buffer.alloc(31 * 1024 * 1024, 0x20);
    Buffer.from('%PDF-1.4\n').copy(big);
    await page.getByTestId('n-files').setInputFiles([
      { name: 'enorme.pdf', mimeType: 'application/pdf', buffer: big },
      { name: 'verbale-piccolo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% piccolo\n%%EOF\n') },
    ]);
    await expect(page.getByTestId('new-error')).toHaveText('File troppo grande: «enorme.pdf» (31 MB). Il massimo è 30 MB');
    await expect(page.getByTestId('n-documents').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('n-documents').locator('input').first()).toHaveValue('verbale-piccolo');
    await expect(page.getByTestId('n-notice')).toHaveText('«verbale-piccolo.pdf» aggiunto ai documenti');
    await accessible(page, 'sender new (file too large)');
  });

  test('a company\'s partita IVA typed with the type left as "Persona fisica" says which choice to make', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    await form.fill({ ...FORM, protocol: 'PG/2026/0778010', taxId: '00488410010', name: 'Alfa S.r.l.' });
    await form.upload('verbale-alfa.pdf', Buffer.from('%PDF-1.4\n% alfa\n%%EOF\n'));
    await form.submit();
    await expect(page.getByTestId('r0-taxId-error')).toHaveText('Codice fiscale (destinatario 1): lunghezza errata (11 caratteri, attesi 16); per una società o un ente (partita IVA) scegliere Tipo «Persona giuridica»');
    await expect(page.getByTestId('r0-taxId')).toBeFocused();
    await accessible(page, 'sender new (partita IVA as a person)');
    await page.getByTestId('r0-type').selectOption('PG');
    await form.submit();
    await expect(page.getByTestId('detail-created')).toBeVisible();
  });

  test('the form is kept while the clerk looks at another screen, until "Svuota modulo"', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    await page.getByTestId('n-protocol').fill('PG/2026/0778002');
    await page.getByTestId('r0-taxId').fill('RSSMRA85T10A562S');
    await form.upload('atto.pdf', Buffer.from('%PDF-1.4\n% atto\n%%EOF\n'));
    await page.getByRole('link', { name: 'Cruscotto notifiche' }).click();
    await expect(page).toHaveURL(/#\/sender\/dashboard/);
    await page.getByRole('link', { name: 'Nuova notifica' }).click();
    await expect(page.getByTestId('n-protocol')).toHaveValue('PG/2026/0778002');
    await expect(page.getByTestId('r0-taxId')).toHaveValue('RSSMRA85T10A562S');
    await expect(page.getByTestId('n-documents').locator('li')).toHaveCount(1);
    await expect(page.getByTestId('n-restored')).toBeVisible();
    await expect(page.getByTestId('n-sender-tax')).toHaveValue('01199250158');
    await accessible(page, 'sender new (kept)');
    // Clearing asks first, the focus on "keep"; Esc keeps everything and gives the focus back.
    await page.getByTestId('n-reset').click();
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('Svuotare il modulo?');
    await expect(page.getByTestId('n-reset-reject')).toBeFocused();
    await accessible(page, 'sender new (clear form dialog)');
    await snapshot(page, 'sender-new-reset-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('n-reset')).toBeFocused();
    await expect(page.getByTestId('n-protocol')).toHaveValue('PG/2026/0778002');
    await expect(page.getByTestId('n-documents').locator('li')).toHaveCount(1);
    await page.getByTestId('n-reset').click();
    await page.getByTestId('n-reset-accept').click();
    await expect(page.getByTestId('n-protocol')).toHaveValue('');
    await expect(page.getByTestId('r0-taxId')).toHaveValue('');
    await expect(page.getByTestId('n-documents').locator('li')).toHaveCount(0);
    await expect(page.getByTestId('n-sender-tax')).toHaveValue('01199250158');
    await expect(page.getByTestId('n-notice')).toHaveText('Modulo svuotato');
    // The clerk starts again from the first field that can be typed in (the sender is fixed here).
    await expect(page.getByTestId('n-protocol')).toBeFocused();
    // An empty form has nothing to lose: cleared without asking.
    await page.getByTestId('n-reset').click();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });

  test('what is typed before a slow host answers stays, and the sender is filled in after', async ({ page, host, accessible }) => {
    const held = await holdFirstRequest(page, 'sender.filters');
    await page.goto(`${host.url}#/sender/new`);
    await page.getByTestId('n-protocol').fill('PG/2026/0778777');
    await page.getByTestId('r0-add-payment').click();
    await expect(page.getByTestId('r0-notice-0')).toBeFocused();
    held.release();
    await expect(page.getByTestId('n-sender-tax')).toHaveValue('01199250158');
    await expect(page.getByTestId('n-protocol')).toHaveValue('PG/2026/0778777');
    await expect(page.getByTestId('r0-notice-0')).toBeVisible();
    await accessible(page, 'sender new (after a slow host)');
  });

  test('a new notice row takes the focus, the same PDF is not added twice, each choice is one Tab stop', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    await page.getByTestId('r0-add-payment').click();
    await expect(page.getByTestId('r0-notice-0')).toBeFocused();
    const pdf = Buffer.from('%PDF-1.4\n% doppio\n%%EOF\n');
    await form.upload('verbale.pdf', pdf);
    await page.getByTestId('n-files').setInputFiles({ name: 'verbale-copia.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect(page.getByTestId('n-notice')).toHaveText('«verbale-copia.pdf» non è stato aggiunto: è lo stesso documento di «verbale», già nell\'elenco');
    await expect(page.getByTestId('n-documents').locator('li')).toHaveCount(1);
    // Radio groups: the arrow keys choose within the group, Tab leaves it.
    await page.getByTestId('n-890').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('n-ar')).toBeChecked();
    await expect(page.getByTestId('n-ar')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('n-flat')).toBeFocused();
    await accessible(page, 'sender new (notice row)');
  });
});

for (const width of [683, 320]) {
  test.describe(`Nuova notifica at ${width} CSS px`, () => {
    test.use({ viewport: { width, height: 640 } });

    test('a payment notice row wraps: the page does not scroll sideways (WCAG 1.4.10)', async ({ page, host, accessible }) => {
      const form = new SenderNewPage(page);
      await form.open(host.url);
      await page.getByTestId('r0-add-payment').click();
      await form.typeAmount(0, '1234.56');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `the page is ${overflow}px wider than the window`).toBeLessThanOrEqual(0);
      await accessible(page, `sender new with a notice at ${width}px`);
      await snapshot(page, `sender-new-payment-${width}`);
    });
  });
}
