import { expect, snapshot, test } from './fixtures.js';

test.use({ hostEnv: { RADD_SYNC: '1' } });

test.describe('sync panel', () => {
  test('shows the demo adapter in step with SEND, syncs on demand, and names what a misconfigured adapter misses', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/sync`);
    await expect(page.getByTestId('sync-status')).toContainText('demo');
    await page.getByTestId('sync-run').click();
    await expect(page.getByTestId('sync-status')).not.toContainText('Ultima sincronizzazione riuscita—');
    await expect(page.getByTestId('sync-indicator')).toBeVisible();
    await accessible(page, 'sync');
    await snapshot(page, 'sync-panel');

    await page.getByTestId('sync-adapter').click();
    await page.getByRole('option', { name: 'SEND B2B' }).click();
    await page.locator('#b2b-url').fill('https://api.example.invalid/');
    await page.getByTestId('sync-save').click();
    await expect(page.getByTestId('sync-problem')).toBeVisible();
    await expect(page.getByTestId('sync-run')).toBeDisabled();
    await expect(page.getByTestId('sync-indicator')).toHaveClass(/warn/);
    await accessible(page, 'sync (misconfigured)');

    await page.getByTestId('sync-adapter').click();
    await page.getByRole('option', { name: 'Demo' }).click();
    await page.getByTestId('sync-save').click();
    await expect(page.getByTestId('sync-problem')).toHaveCount(0);
  });
});
