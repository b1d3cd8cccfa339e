// Office screens follow SEND while they are open: a notification shown in the detail, a sync
// (here run from elsewhere: another window, or the engine's own timer) brings new elements from a
// SEND B2B peer over real HTTP, and the status on screen moves on without the clerk navigating.
import { DEMO_HOME_SENDER_TAX_ID, makeDemoCase } from '../../core/index.js';
import { startSendPeer, type SendPeer } from '../support/peer-send.js';
import { expect, test } from './fixtures.js';

test.use({ hostEnv: { RADD_SYNC: '1' } });

test.describe('live office screens', () => {
  let peer: SendPeer;
  test.beforeAll(async () => {
    peer = await startSendPeer({ pageSize: 100 });
  });
  test.afterAll(async () => {
    await peer.close();
  });

  test('the detail of a notification shows the status a sync brought, without leaving the screen', async ({ page, host, accessible }) => {
    const c = makeDemoCase('e2e-live-refresh', 'PEC_FIRST_TRY', { sentAt: '2026-11-02T10:00:00+01:00', senderTaxId: DEMO_HOME_SENDER_TAX_ID });
    // SEND has sent the PEC, no receipt yet: "Invio in corso" (DELIVERING).
    const sent = c.timeline.findIndex((e) => e.category === 'SEND_DIGITAL_DOMICILE') + 1;
    expect(sent).toBeGreaterThan(0);
    peer.addNotification(c.notification, c.timeline.slice(0, sent));

    // This desk syncs with the peer (SEND B2B settings as a clerk enters them).
    await page.goto(`${host.url}#/sync`);
    await page.getByTestId('sync-adapter').click();
    await page.getByRole('option', { name: 'SEND B2B' }).click();
    await page.locator('#b2b-url').fill(`${peer.url}/`);
    await page.locator('#b2b-stream').fill(peer.streamId);
    await page.locator('#b2b-key').fill(peer.apiKey);
    await page.getByTestId('sync-save').click();
    await expect(page.getByTestId('sync-problem')).toHaveCount(0);
    await page.getByTestId('sync-run').click();
    await expect(page.getByTestId('sync-state')).toHaveText('Allineato con SEND', { timeout: 20_000 });

    await page.goto(`${host.url}#/sender/notifications/${c.notification.iun}`);
    await expect(page.getByTestId('detail-iun')).toHaveText(c.notification.iun);
    await expect(page.getByTestId('detail-status')).toHaveText('Invio in corso');
    const timelineItems = page.getByTestId('sender-timeline').locator(':scope > li');
    const before = await timelineItems.count();
    await accessible(page, 'sender detail (before the sync)');

    // SEND moves on; a sync runs elsewhere (not from this screen).
    for (const e of c.timeline.slice(sent)) peer.appendElement(c.notification.iun, e);
    const ran = await page.request.post(`${host.origin}/api/sync.runNow`, {
      headers: { 'x-radd-token': host.token, 'x-radd-session': host.sessionId },
      data: {},
    });
    expect(ran.ok()).toBe(true);

    // The screen follows: new status, new timeline elements, the same page (no navigation, focus kept).
    await expect(page.getByTestId('detail-status')).not.toHaveText('Invio in corso', { timeout: 15_000 });
    await expect(page.getByTestId('detail-status')).toHaveText(/Consegnata|Perfezionata per decorrenza termini/);
    await expect.poll(() => timelineItems.count()).toBeGreaterThan(before);
    await expect(page.getByTestId('detail-status-news')).toContainText('Stato aggiornato:');
    expect(new URL(page.url()).hash).toBe(`#/sender/notifications/${c.notification.iun}`);
    await accessible(page, 'sender detail (after the sync)');

    // Back to the demo adapter for the other tests of this host.
    await page.goto(`${host.url}#/sync`);
    await page.getByTestId('sync-adapter').click();
    await page.getByRole('option', { name: 'Demo' }).click();
    await page.getByTestId('sync-save').click();
    await expect(page.getByTestId('sync-problem')).toHaveCount(0);
  });
});
