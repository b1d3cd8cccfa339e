import { expect, snapshot, test } from './fixtures.js';

test.use({ hostEnv: { RADD_SYNC: '1' } });

test.describe('sync panel', () => {
  test('shows the demo adapter in step with SEND, syncs on demand, and names what a misconfigured adapter misses', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/sync`);
    await expect(page.getByTestId('sync-status')).toContainText('demo');
    await page.getByTestId('sync-run').click();
    // The first pull of the demo store: seconds on an idle machine, more on a loaded one.
    await expect(page.getByTestId('sync-status')).not.toContainText('Ultima sincronizzazione riuscita—', { timeout: 30_000 });
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

  test('the top bar says the application is not reachable when the host does not answer, not "in step"', async ({ page, host, accessible }) => {
    await page.goto(`${host.url}#/lookup`);
    await expect(page.getByTestId('sync-indicator')).toBeVisible();
    await expect(page.getByTestId('sync-indicator')).not.toHaveAttribute('data-state', 'unreachable');
    // The host stops answering (as when `npm run serve` is stopped): the next poll fails.
    await page.route('**/api/sync.status', (route) => route.abort('connectionrefused'));
    await expect(page.getByTestId('sync-indicator')).toHaveAttribute('data-state', 'unreachable', { timeout: 10_000 });
    await expect(page.getByTestId('sync-indicator')).toHaveText('Applicazione non raggiungibile');
    await expect(page.getByTestId('sync-indicator')).not.toContainText('Allineato');
    await accessible(page, 'top bar (host unreachable)');
    await snapshot(page, 'topbar-unreachable');
    await page.unrouteAll();
    await expect(page.getByTestId('sync-indicator')).not.toHaveAttribute('data-state', 'unreachable', { timeout: 10_000 });
  });
});
