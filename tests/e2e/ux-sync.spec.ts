// Sync findings of the usability audit: invalid adapter addresses are marked on their fields
// (WCAG 3.3.1), and a failing sync is called failing, with its last success, in the top bar and on
// the Sincronizzazione screen, in words without internal API operation names.
import { expect, snapshot, test } from './fixtures.js';

test.use({ hostEnv: { RADD_SYNC: '1' } });

test.describe('sync that fails', () => {
  test('invalid addresses are marked on their field; a failing sync says so with its last success, without operation names', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/sync`);
    await expect(page.getByTestId('sync-status')).toContainText('demo');
    await page.getByTestId('sync-run').click();
    await expect(page.getByTestId('sync-state')).toHaveText('Allineato con SEND');

    // SEND B2B with a wrong address: the field says what is wrong, and has the focus.
    await page.getByTestId('sync-adapter').click();
    await page.getByRole('option', { name: 'SEND B2B' }).click();
    const url = page.locator('#b2b-url');
    await url.fill('indirizzo sbagliato');
    await page.getByTestId('sync-save').click();
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(url).toHaveAttribute('aria-describedby', 'b2b-url-error');
    await expect(page.locator('#b2b-url-error')).not.toBeEmpty();
    await expect(url).toBeFocused();
    await accessible(page, 'sync settings (invalid SEND address)');
    await snapshot(page, 'ux-sync-invalid-url');

    // RADD: the same.
    await page.getByTestId('sync-adapter').click();
    await page.getByRole('option', { name: 'RADD' }).click();
    await page.locator('#radd-url').fill('non è un indirizzo');
    await page.getByTestId('sync-save').click();
    await expect(page.locator('#radd-url')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#radd-url')).toBeFocused();
    await expect(page.locator('#radd-url-error')).toBeVisible();

    // SEND B2B at an address that answers, but not as SEND: sync fails.
    await page.getByTestId('sync-adapter').click();
    await page.getByRole('option', { name: 'SEND B2B' }).click();
    await url.fill(`${host.origin}/`);
    await expect(url).not.toHaveAttribute('aria-invalid', 'true');
    await page.locator('#b2b-stream').fill('stream-1');
    await page.locator('#b2b-key').fill('key-1');
    await page.getByTestId('sync-save').click();
    await expect(page.getByTestId('sync-problem')).toHaveCount(0);
    await expect(url).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('sync-run').click();
    const indicator = page.getByTestId('sync-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'sync.failed', { timeout: 20_000 });
    await expect(indicator).toContainText('Sincronizzazione non riuscita');
    // Since when: the time of the last success of this adapter (none yet: it was just chosen).
    await expect(indicator).toContainText(/ultima riuscita: \d{2}\/\d{2}\/\d{4}|nessuna riuscita finora/);
    await expect(indicator).not.toContainText('In attesa');
    await expect(page.getByTestId('sync-state')).toHaveText('Sincronizzazione non riuscita');
    await expect(page.getByTestId('sync-error')).toBeVisible();
    await expect(page.getByTestId('sync-error')).not.toContainText(/\((consume|get|send|new)\w*V\d+|\w+V\d{2}\b/);
    await accessible(page, 'sync (failing)');
    await snapshot(page, 'ux-sync-failing');

    // Back to the demo adapter for the other tests of this host.
    await page.getByTestId('sync-adapter').click();
    await page.getByRole('option', { name: 'Demo' }).click();
    await page.getByTestId('sync-save').click();
    await page.getByTestId('sync-run').click();
    await expect(page.getByTestId('sync-state')).toHaveText('Allineato con SEND');
  });
});
