// First start of a desk with no operator (issue #11): the sign-in screen creates the
// administrator, who signs in, sets the scan retention, purges the expired scans now, and finds
// the purged scan shown as such in the desk's operation detail.
import { randomBytes, randomUUID } from 'node:crypto';
import { utimesSync } from 'node:fs';
import type { Store } from '../../db/store.js';
import { expect, snapshot, test } from './fixtures.js';

const DAY = 86_400_000;
const OPERATION_ID = randomUUID();

/** A pickup completed 40 days ago whose ID scan was stored when it started. */
async function seedOldOperation(store: Store): Promise<void> {
  const startedAt = new Date(Date.now() - 40 * DAY);
  const closedAt = new Date(startedAt.getTime() + 5 * 60_000);
  const scan = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]);
  const { sha256 } = await store.files.put(scan);
  utimesSync(store.files.pathOf(sha256), startedAt, startedAt);
  const started = startedAt.toISOString();
  await store.raddTransactions.create({
    operationId: OPERATION_ID, state: 'COMPLETED', iuns: [], startedAt: started, updatedAt: closedAt.toISOString(), completedAt: closedAt.toISOString(),
    abortedAt: null, abortReason: null, errorReason: null,
    start: { operationType: 'AOR', recipientTaxId: 'RSSMRA80A01H501U', recipientType: 'PF', delegateTaxId: null, iun: null, qrCode: null, fileKey: null, checksum: null, operationDate: started },
  });
  await store.deskRecords.create({
    operationId: OPERATION_ID, deskId: '', operatorId: 'clerk-1', recipientDenomination: 'Mario Rossi', delegateDenomination: null, delegateType: null, mandateId: null,
    identity: { recipient: null, delegate: null }, scans: [{ role: 'RECIPIENT_ID', sha256, contentType: 'image/png', bytes: scan.byteLength }],
    evidenceSha256: null, bundleSha256: null, receiptSha256: null, startedMs: startedAt.getTime(), completedByDesk: null, completedByOperator: null,
    completedMs: closedAt.getTime(),
  }, []);
}

// A store that already holds data (so no demo operators are added) and no operator at all.
test.use({
  seed: async ({}, use) => { await use(seedOldOperation); },
  hostEnv: { RADD_DEMO_OPERATORS: '0', RADD_DEMO_SUPERVISOR: '0' },
  operatorSession: false,
  signedIn: false,
});

test('first start: create the administrator, sign in, purge expired scans, see the scan as deleted', async ({ page, host, accessible }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Primo avvio: crea l\'amministratore' })).toBeVisible();
  await expect(page.getByTestId('setup-display-name')).toBeFocused();
  await expect(page.getByTestId('setup-username')).toHaveValue('admin');
  await accessible(page, 'first run');
  await snapshot(page, 'first-run-setup');

  await page.getByTestId('setup-display-name').fill('Giulia Bianchi');
  await page.getByTestId('setup-password').fill('una-password-sicura');
  await page.getByTestId('setup-password-confirm').fill('una-password-diversa');
  await page.getByTestId('setup-password-confirm').press('Enter');
  await expect(page.locator('#setup-password-confirm-err')).toHaveText('Le due password non coincidono: scriverle di nuovo');
  await accessible(page, 'first run (passwords differ)');

  await page.getByTestId('setup-password').fill('una-password-sicura');
  await page.getByTestId('setup-password-confirm').fill('una-password-sicura');
  await page.getByTestId('setup-submit').click();
  await expect(page.getByTestId('login-notice')).toContainText('Amministratore admin creato');
  await expect(page.getByTestId('login-username')).toHaveValue('admin');
  await expect(page.locator('#login-password')).toBeFocused();
  await accessible(page, 'sign-in after first run');
  await snapshot(page, 'first-run-sign-in');

  await page.locator('#login-password').fill('una-password-sicura');
  await page.locator('#login-password').press('Enter');
  await expect(page.getByTestId('signed-in-as')).toContainText('Giulia Bianchi');

  await page.goto(`${host.origin}/#/admin/desk`);
  await expect(page.getByTestId('purge-scans')).toBeDisabled();
  await page.locator('#retention-days').fill('30');
  await page.getByTestId('retention-save').click();
  await expect(page.getByTestId('purge-scans')).toBeEnabled();
  await page.getByTestId('purge-scans').click();
  await expect(page.getByTestId('purge-result')).toContainText(/^Eliminate le scansioni di 1 pratica: 1 file, 0,3 kB/);
  await accessible(page, 'desk settings (scans purged)');
  await snapshot(page, 'admin-retention-purge');

  await page.goto(`${host.origin}/#/desk/operation/${OPERATION_ID}`);
  await expect(page.getByTestId('desk-scan-purged')).toContainText(/Scansione eliminata il \d{2}\/\d{2}\/\d{4}.*\(conservazione 30 giorni\)/);
  await accessible(page, 'desk operation (scan purged)');
  await snapshot(page, 'desk-operation-scan-purged');
});
