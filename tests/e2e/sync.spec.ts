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
  test('the top bar and the Stato line never say "Allineato" while operations wait to be sent or no sync ever succeeded', async ({ page, host, accessible }) => {
    // The walkthrough's case: automatic sync paused, the engine has not run yet, 8 operations waiting.
    await page.route('**/api/sync.status', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      if (body.ok) Object.assign(body.data, { started: false, phase: 'idle', lastSuccessAt: null, lastError: null, problem: null, pending: 8, parked: 0 });
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(`${host.url}#/sync`);
    const indicator = page.getByTestId('sync-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'sync.neverSynced');
    await expect(indicator).toHaveText('Mai sincronizzato · 8 da inviare');
    await expect(indicator).toHaveAttribute('aria-label', /automatica sospesa/);
    await expect(indicator).toHaveClass(/warn/);
    await expect(indicator.locator('.pi-check-circle')).toHaveCount(0);
    await expect(page.getByTestId('sync-state')).toHaveText('Mai sincronizzato · automatica sospesa');
    await expect(page.getByTestId('sync-status')).not.toContainText('Allineato');
    await accessible(page, 'sync (never synced, 8 to send)');
    await snapshot(page, 'sync-never-synced');

    // Synced before, 8 waiting: the count is the state, in both languages.
    await page.unrouteAll();
    await page.route('**/api/sync.status', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      if (body.ok) Object.assign(body.data, { started: true, phase: 'idle', lastSuccessAt: '2026-11-26T10:00:00Z', lastError: null, problem: null, pending: 8, parked: 0 });
      await route.fulfill({ response: res, json: body });
    });
    await expect(indicator).toHaveText('8 operazioni da inviare', { timeout: 10_000 });
    await expect(page.getByTestId('sync-state')).toHaveText('8 operazioni da inviare');
    await page.getByTestId('locale-switch').getByText('EN', { exact: true }).click();
    await expect(indicator).toHaveText('8 operations to send');
    await expect(page.getByTestId('sync-state')).toHaveText('8 operations to send');
    await page.getByTestId('locale-switch').getByText('IT', { exact: true }).click();
    await page.unrouteAll();
  });
});
