import { expect, snapshot, test } from './fixtures.js';
import { LookupPage } from './pages/lookup-page.js';

test.describe('lookup by IUN (vertical slice)', () => {
  test('a clerk scans a valid IUN and sees the notification, its status and recipients', async ({ page, host, accessible }) => {
    const lookup = new LookupPage(page);
    await lookup.open(host.url);
    await expect(lookup.input).toBeFocused();
    await accessible(page, 'lookup (empty)');
    await lookup.scan('qdux-ghkp-jnam-202603-t-1');
    await expect(lookup.summary).toBeVisible();
    await expect(page.getByTestId('summary-iun')).toHaveText('QDUX-GHKP-JNAM-202603-T-1');
    await expect(lookup.status).toHaveText('Perfezionata per decorrenza termini');
    await expect(lookup.recipients).toContainText('Mario Rossi');
    await expect(lookup.recipients).toContainText('RSSMRA85T10A562S');
    await expect(lookup.input).toBeFocused();
    await accessible(page, 'lookup (result)');
    await snapshot(page, 'lookup-result');
  });

  test('a malformed IUN shows the validation message of the core', async ({ page, host, accessible }) => {
    const lookup = new LookupPage(page);
    await lookup.open(host.url);
    await lookup.scan('QDUX-GHKP-JNAM-202603-A-1');
    await expect(lookup.error).toBeVisible();
    await expect(lookup.error).toHaveAttribute('data-code', 'VALIDATION_FAILED');
    await expect(lookup.error).toContainText('carattere di controllo errato');
    await expect(lookup.summary).toHaveCount(0);
    await lookup.scan('QDUX-GHKP');
    await expect(lookup.error).toContainText(/formato IUN non valido/i);
    await accessible(page, 'lookup (validation error)');
    await snapshot(page, 'lookup-invalid');
    // The message on screen follows a language switch at once, with nothing scanned again.
    await lookup.switchLanguage('EN');
    await expect(lookup.error).toContainText('Invalid IUN format');
  });

  test('an unknown IUN says "not found", in the chosen language', async ({ page, host, accessible }) => {
    const lookup = new LookupPage(page);
    await lookup.open(host.url);
    await lookup.scan('KWKU-JHXN-HJXM-202304-U-1');
    await expect(lookup.error).toHaveAttribute('data-code', 'NOTIFICATION_NOT_FOUND');
    await expect(lookup.error).toContainText('Nessuna notifica con IUN KWKU-JHXN-HJXM-202304-U-1');
    // The next IUN being typed does not rename the one that was not found.
    await page.getByTestId('iun-input').fill('RKNA-PDXE');
    await expect(lookup.error).toContainText('Nessuna notifica con IUN KWKU-JHXN-HJXM-202304-U-1');
    await lookup.switchLanguage('EN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await lookup.scan('KWKU-JHXN-HJXM-202304-U-1');
    await expect(lookup.error).toContainText('No notification with IUN KWKU-JHXN-HJXM-202304-U-1');
    await lookup.scan('RKNA-PDXE-WQJL-202510-Y-1');
    await expect(lookup.summary).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Recipients' })).toBeVisible();
    await accessible(page, 'lookup (english)');
  });

  test('the API refuses a request without the browser-mode token', async ({ request, host }) => {
    const res = await request.post(`${host.origin}/api/notifications.getByIun`, { data: { iun: 'QDUX-GHKP-JNAM-202603-T-1' } });
    expect(res.status()).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHORIZED');
  });
});
