// Findings of the usability audit, end to end (the sync ones in ux-sync.spec.ts): the skip link of
// a hash-routed app, visible focus and 3:1 borders of form fields,
// focus kept on a download button, a file over the limit named before it is sent, due dates
// written as every other date, date filters that say a date is not valid instead of dropping it
// (WCAG 2.1 AA 1.4.11, 2.4.1, 2.4.3, 2.4.7, 3.3.1).
import { readFileSync } from 'node:fs';
import { formatInstant } from '../../core/index.js';
import { expect, snapshot, test } from './fixtures.js';
import type { Page } from '@playwright/test';
import { importCases, standardCases } from '../integration/sender-cases.js';
import { SenderDetailPage, SenderListPage, SenderNewPage } from './pages/sender-pages.js';
import { DeskHistoryPage } from './pages/desk-history.js';

const cases = standardCases(formatInstant(Date.now()));
const withPayment = cases.find((c) => c.notification.recipients.some((r) => r.payments?.length));

/** WCAG relative luminance contrast of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

test.use({
  seed: async ({}, use) => { await use(async (store) => { await importCases(store, cases); }); },
  hostEnv: { RADD_DEMO_OPERATORS: '1', RADD_SYNC: '0' },
});

const focusedInMain = (page: Page) => page.evaluate(() => Boolean(document.activeElement && document.querySelector('main')?.contains(document.activeElement)));

test.describe('skip link and form fields', () => {
  test('"Vai al contenuto" moves the focus into the screen and leaves the route and the typed text alone', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/lookup`);
    const field = page.locator('main input').first();
    await expect(field).toBeFocused();
    await field.fill('ABCD-EFGH');
    // The skip link is the page's first Tab stop (shown when focused).
    const skip = page.getByRole('link', { name: 'Vai al contenuto' });
    expect(await page.evaluate(() => document.querySelector('body a[href], body button, body input')?.className)).toBe('skip-link');
    await skip.focus();
    await expect(skip).toBeInViewport();
    await accessible(page, 'lookup (skip link shown)');
    await snapshot(page, 'ux-skip-link');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/lookup$/);
    await expect(page.locator('main h1')).toBeVisible();
    await expect(field).toHaveValue('ABCD-EFGH');
    expect(await focusedInMain(page)).toBe(true);
    // The next Tab goes on inside the screen, not back to the top bar.
    await page.keyboard.press('Tab');
    expect(await focusedInMain(page)).toBe(true);
  });

  test('text fields have a 3:1 border and a 2 px focus outline in the focus colour', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/sender/notifications`);
    const field = page.getByTestId('f-cf');
    await field.waitFor();
    const look = () => field.evaluate((el) => {
      const s = getComputedStyle(el);
      return { border: s.borderTopColor, outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor };
    });
    const rest = await look();
    expect(contrast(rest.border, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    expect(contrast(rest.border, 'rgb(245, 247, 251)')).toBeGreaterThanOrEqual(3);
    await field.focus();
    await expect.poll(async () => (await look()).outlineWidth).toBe('2px');
    const focused = await look();
    expect(focused.outlineStyle).toBe('solid');
    expect(contrast(focused.outlineColor, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
    await accessible(page, 'sender list (field focused)');
    await snapshot(page, 'ux-field-focus');
  });
});

test.describe('sender office files', () => {
  test('downloads keep the focus on their button; a due date reads dd/mm/yyyy', async ({ page, host, accessible }) => {
    expect(withPayment, 'a standard case with a payment notice').toBeTruthy();
    const detail = new SenderDetailPage(page);
    await detail.open(host.url, withPayment!.notification.iun);
    const due = withPayment!.notification.recipients.flatMap((r) => r.payments ?? [])[0]!.dueDate!;
    const [y, m, d] = due.split('-');
    await expect(page.getByTestId('recipient-card').first()).toContainText(`scadenza ${d}/${m}/${y}`);
    await expect(page.locator('main')).not.toContainText(`scadenza ${due}`);

    const fact = page.getByTestId('fact-download').first();
    await fact.focus();
    const downloading = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const file = await downloading;
    expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await expect(fact).not.toHaveAttribute('aria-busy', 'true');
    await expect(fact).toBeFocused();
    await accessible(page, 'sender detail (after download)');
    await snapshot(page, 'ux-detail-after-download');

    const list = new SenderListPage(page);
    await list.open(host.url);
    const exportButton = page.getByTestId('export-start');
    await exportButton.focus();
    const exporting = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    await exporting;
    await expect(page.getByTestId('export-status')).toContainText('Esportazione completata');
    await expect(exportButton).toBeFocused();
    await accessible(page, 'sender list (after export)');
  });

  test('a PDF over 30 MB is refused before sending, naming the file and the limit', async ({ page, host, accessible }) => {
    const form = new SenderNewPage(page);
    await form.open(host.url);
    const sent: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/sender.uploadDocument')) sent.push(r.url()); });
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(31 * 1024 * 1024 + 100_000, 0x20)]);
    await page.getByTestId('n-files').setInputFiles({ name: 'atto-grande.pdf', mimeType: 'application/pdf', buffer: big });
    await expect(page.locator('main')).toContainText('File troppo grande: «atto-grande.pdf» (31,1 MB). Il massimo è 30 MB');
    await expect(page.locator('main')).not.toContainText('Richiesta troppo grande');
    expect(sent).toEqual([]);
    await accessible(page, 'new notification (file too large)');
    await snapshot(page, 'ux-upload-too-large');
  });
});

/** Types a day into a native date field key by key (dd mm yyyy, Italian order), as a clerk does. */
async function typeDate(page: Page, testId: string, digits: string): Promise<void> {
  // Focused afresh, a date field starts at its first part (the day).
  await page.getByTestId(testId).blur();
  await page.getByTestId(testId).focus();
  await page.keyboard.type(digits);
}

/** The API calls of `op` made from now on. */
function callsOf(page: Page, op: string): string[] {
  const sent: string[] = [];
  page.on('request', (r) => { if (r.url().endsWith(`/api/${op}`)) sent.push(r.postData() ?? ''); });
  return sent;
}

test.describe('date filters', () => {
  test('a year of five digits or one still being typed is named on its field, and nothing is applied', async ({ page, host, accessible }) => {
    const list = new SenderListPage(page);
    await list.open(host.url);
    const listed = callsOf(page, 'sender.list');
    // Chromium takes years of up to six digits: 12/03/20266 is a date to the browser.
    await typeDate(page, 'f-from', '120320266');
    await page.getByTestId('f-from').press('Enter');
    await expect(page.getByTestId('f-from-error')).toHaveText('Data non valida: usare il formato gg/mm/aaaa');
    await expect(page.getByTestId('f-from')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('f-from')).toBeFocused();
    await expect(page).not.toHaveURL(/from=/);
    await accessible(page, 'sender list (date not valid)');
    await snapshot(page, 'ux-date-filter-invalid');
    // Emptied by Esc, then the first digit of a year: the browser's 0002 is not searched either.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('f-from-error')).toHaveText('');
    await typeDate(page, 'f-from', '120320');
    await page.getByTestId('f-from').press('Enter');
    await expect(page.getByTestId('f-from-error')).toHaveText('Data non valida: usare il formato gg/mm/aaaa');
    await expect(page).not.toHaveURL(/from=/);
    // The year typed again in full (the field keeps its focus on the year), the date is applied and its error goes.
    await page.keyboard.type('2026');
    await page.getByTestId('f-from').press('Enter');
    await expect(page).toHaveURL(/from=2026-03-12/);
    await expect(page.getByTestId('f-from-error')).toHaveText('');
    expect(listed.every((body) => !body.includes('0002') && !body.includes('20266'))).toBe(true);

    // Pratiche: the search is not sent at all.
    const history = new DeskHistoryPage(page);
    await history.open(host.url);
    await expect(history.rows.first().or(page.getByText('Nessuna operazione trovata'))).toBeVisible();
    const searched = callsOf(page, 'desk.searchHistory');
    await typeDate(page, 'hist-to', '010420266');
    await page.getByTestId('hist-to').press('Enter');
    await expect(page.getByTestId('hist-to-error')).toHaveText('Data non valida: usare il formato gg/mm/aaaa');
    await expect(page.getByTestId('hist-to')).toBeFocused();
    await accessible(page, 'desk history (date not valid)');
    await snapshot(page, 'ux-date-filter-history');
    expect(searched).toEqual([]);
    // A whole day in the future is the host's to refuse: the refusal is marked on "Al" too.
    await typeDate(page, 'hist-to', '01012999');
    await page.getByTestId('hist-to').press('Enter');
    await expect(page.getByTestId('hist-to-error')).toHaveText('Non si possono cercare date future');
    await expect(page.getByTestId('hist-to')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('hist-from')).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByTestId('hist-to')).toBeFocused();
    await snapshot(page, 'ux-history-date-refused');

    // The dashboard's own period, and the day summary (which showed today's instead).
    await page.goto(`${host.url}#/sender/dashboard`);
    await page.getByTestId('sender-period').getByText('Personalizzato').click();
    await typeDate(page, 'dash-from', '010120266');
    await typeDate(page, 'dash-to', '31122026');
    await page.getByTestId('dash-to').press('Enter');
    await expect(page.getByTestId('dash-from-error')).toHaveText('Data iniziale del periodo non valida: usare il formato gg/mm/aaaa');
    await expect(page.getByTestId('dash-from')).toBeFocused();
    await accessible(page, 'sender dashboard (date not valid)');
    await snapshot(page, 'ux-date-filter-dashboard');
    await page.goto(`${host.url}#/desk/summary`);
    await expect(page.getByTestId('desk-summary')).toBeVisible();
    const summed = callsOf(page, 'desk.dailySummary');
    await typeDate(page, 'summary-day', '010320266');
    await page.getByTestId('summary-day').press('Enter');
    await expect(page.getByTestId('summary-day-error')).toHaveText('Data non valida: usare il formato gg/mm/aaaa');
    expect(summed).toEqual([]);
    await accessible(page, 'desk summary (date not valid)');
    await snapshot(page, 'ux-date-filter-summary');
  });
});

test.describe('Pratiche', () => {
  test('the operation-id field says ids are found from their first 8 characters, in both languages', async ({ page, host, accessible }) => {
    await new DeskHistoryPage(page).open(host.url);
    const field = page.getByTestId('hist-op');
    await expect(page.getByTestId('hist-op-hint')).toHaveText('Il codice intero, o almeno i primi 8 caratteri (es. 9e4d2ce8)');
    await expect(field).toHaveAccessibleDescription('Il codice intero, o almeno i primi 8 caratteri (es. 9e4d2ce8)');
    await accessible(page, 'desk history (operation id hint)');
    await snapshot(page, 'ux-history-operation-id-hint');
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page.getByTestId('hist-op-hint')).toHaveText('The whole id, or at least its first 8 characters (e.g. 9e4d2ce8)');
  });
});

test.describe('screen titles and the focus after a menu choice', () => {
  test('the window title names the screen, and a menu choice puts the focus on its heading', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/sender/dashboard`);
    await page.locator('main h1').first().waitFor();
    await expect(page).toHaveTitle(/^.+ – RADD Desk$/);
    const link = page.locator('#app-menu').getByRole('link', { name: 'Registro giacenze' });
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/postal\/giacenza/);
    await expect(page).toHaveTitle('Registro giacenze – RADD Desk');
    await expect(page.locator('main h1').first()).toBeFocused();
    await accessible(page, 'giacenza register (after the menu)');
    // The title follows the language.
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(page).not.toHaveTitle('Registro giacenze – RADD Desk');
    await expect(page).toHaveTitle(/ – RADD Desk$/);
  });
});

test.describe('sign-in', () => {
  test.use({ signedIn: false });

  test('empty fields are named as required on the fields, not as a wrong password', async ({ page, host, accessible }) => {
    await page.goto(host.url);
    await page.getByTestId('login-submit').click();
    const user = page.getByTestId('login-username');
    await expect(user).toHaveAttribute('aria-invalid', 'true');
    await expect(user).toHaveAttribute('aria-describedby', 'login-username-error');
    await expect(page.getByTestId('login-username-error')).toHaveText('Inserire il nome utente');
    await expect(page.getByTestId('login-password-error')).toHaveText('Inserire la password');
    await expect(user).toBeFocused();
    await expect(page.getByTestId('login-error')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText('non corretti');
    await accessible(page, 'sign-in (empty fields)');
    await snapshot(page, 'ux-login-required');
  });
});
