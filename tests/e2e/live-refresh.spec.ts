// Office screens follow SEND while they are open: a notification shown in the list or the detail, a sync
// (here run from elsewhere: another window, or the engine's own timer) brings new elements from a
// SEND B2B peer over real HTTP, and the status on screen moves on without the clerk navigating.
import type { Page } from '@playwright/test';
import { DEMO_HOME_SENDER_TAX_ID, makeDemoCase } from '../../core/index.js';
import { startSendPeer, type SendPeer } from '../support/peer-send.js';
import { expect, snapshot, test } from './fixtures.js';
import { SenderNewPage } from './pages/sender-pages.js';

test.use({ hostEnv: { RADD_SYNC: '1' } });

/** Chooses the sync adapter on Sincronizzazione (SEND B2B with its address, stream and key), as a clerk does. */
async function chooseAdapter(page: Page, url: string, adapter: 'Demo' | { baseUrl: string; streamId: string; apiKey: string }): Promise<void> {
  await page.goto(`${url}#/sync`);
  await page.getByTestId('sync-adapter').click();
  await page.getByRole('option', { name: adapter === 'Demo' ? 'Demo' : 'SEND B2B' }).click();
  if (adapter !== 'Demo') {
    await page.locator('#b2b-url').fill(adapter.baseUrl);
    await page.locator('#b2b-stream').fill(adapter.streamId);
    await page.locator('#b2b-key').fill(adapter.apiKey);
  }
  await page.getByTestId('sync-save').click();
}

test.describe('live office screens', () => {
  let peer: SendPeer;
  test.beforeAll(async () => {
    peer = await startSendPeer({ pageSize: 100 });
  });
  test.afterAll(async () => {
    await peer.close();
  });

  test('the list and the detail show the status a sync brought, without leaving the screen', async ({ page, host, accessible }) => {
    /** A sync run from elsewhere (another window; the engine's timer does the same). */
    const syncElsewhere = async () => {
      const ran = await page.request.post(`${host.origin}/api/sync.runNow`, { headers: { 'x-radd-token': host.token, 'x-radd-session': host.sessionId }, data: {} });
      expect(ran.ok()).toBe(true);
    };
    const c = makeDemoCase('e2e-live-refresh', 'PEC_FIRST_TRY', { sentAt: '2026-11-02T10:00:00+01:00', senderTaxId: DEMO_HOME_SENDER_TAX_ID });
    // SEND has sent the PEC, no receipt yet: "Invio in corso" (DELIVERING).
    const sent = c.timeline.findIndex((e) => e.category === 'SEND_DIGITAL_DOMICILE') + 1;
    expect(sent).toBeGreaterThan(0);
    peer.addNotification(c.notification, c.timeline.slice(0, sent));

    // This desk syncs with the peer (SEND B2B settings as a clerk enters them).
    await chooseAdapter(page, host.url, { baseUrl: `${peer.url}/`, streamId: peer.streamId, apiKey: peer.apiKey });
    await expect(page.getByTestId('sync-problem')).toHaveCount(0);
    await page.getByTestId('sync-run').click();
    await expect(page.getByTestId('sync-state')).toHaveText('Allineato con SEND', { timeout: 20_000 });

    // The list, filtered on this IUN: SEND sends the PEC receipt, a sync runs elsewhere (not from
    // this screen), and the row's status moves on.
    await page.goto(`${host.url}#/sender/notifications?iun=${c.notification.iun}`);
    const row = page.getByTestId('sender-table').locator('tbody tr', { hasText: c.notification.iun });
    await expect(row).toContainText('Invio in corso');
    await accessible(page, 'sender list (before the sync)');
    const refinement = c.timeline.findIndex((e) => e.category === 'REFINEMENT');
    expect(refinement).toBeGreaterThan(sent);
    for (const e of c.timeline.slice(sent, refinement)) peer.appendElement(c.notification.iun, e);
    await syncElsewhere();
    await expect(row).toContainText('Consegnata', { timeout: 15_000 });
    expect(new URL(page.url()).hash).toBe(`#/sender/notifications?iun=${c.notification.iun}`);

    // The detail: the term runs out at SEND (REFINEMENT), the status on screen follows, with the new
    // timeline element, on the same page; a screen reader hears the new status.
    await page.goto(`${host.url}#/sender/notifications/${c.notification.iun}`);
    await expect(page.getByTestId('detail-iun')).toHaveText(c.notification.iun);
    await expect(page.getByTestId('detail-status')).toHaveText('Consegnata');
    const timelineItems = page.getByTestId('sender-timeline').locator(':scope > li');
    const before = await timelineItems.count();
    await accessible(page, 'sender detail (before the sync)');
    for (const e of c.timeline.slice(refinement)) peer.appendElement(c.notification.iun, e);
    await syncElsewhere();
    await expect(page.getByTestId('detail-status')).toHaveText('Perfezionata per decorrenza termini', { timeout: 15_000 });
    await expect.poll(() => timelineItems.count()).toBeGreaterThan(before);
    await expect(page.getByTestId('detail-status-news')).toHaveText('Stato aggiornato: Perfezionata per decorrenza termini');
    expect(new URL(page.url()).hash).toBe(`#/sender/notifications/${c.notification.iun}`);
    await accessible(page, 'sender detail (after the sync)');

    // Back to the demo adapter for the other tests of this host.
    await chooseAdapter(page, host.url, 'Demo');
    await expect(page.getByTestId('sync-problem')).toHaveCount(0);
  });

  test('the detail of a notification created here says when its request cannot reach SEND, as soon as a sync tried', async ({ page, host, accessible }) => {
    // SEND B2B at an address where nothing answers (the office's network is down).
    await chooseAdapter(page, host.url, { baseUrl: 'http://127.0.0.1:9/', streamId: peer.streamId, apiKey: peer.apiKey });

    const form = new SenderNewPage(page);
    await form.open(host.url);
    await form.fill({ protocol: 'PG/2026/0779001', subject: 'Avviso di accertamento TARI 2026', taxonomy: '010202N', taxId: 'RSSMRA85T10A562S', name: 'Mario Rossi', address: 'Via Roma 1', zip: '20121', city: 'Milano' });
    await form.upload('tari.pdf', Buffer.from('%PDF-1.4\n% tari\n%%EOF\n'));
    await form.submit();
    await expect(page.getByTestId('detail-created')).toBeVisible();
    await expect(page.getByTestId('detail-awaiting')).toHaveText('in attesa di invio');
    await expect(page.getByTestId('detail-send-problem')).toHaveCount(0);

    // The engine tries (here run from elsewhere): the detail, still open, says so without a reload.
    const ran = await page.request.post(`${host.origin}/api/sync.runNow`, { headers: { 'x-radd-token': host.token, 'x-radd-session': host.sessionId }, data: {} });
    expect(ran.ok()).toBe(true);
    const problem = page.getByTestId('detail-send-problem');
    // (The engine's own timer retries too: one attempt or more.)
    await expect(problem).toContainText(/L'invio della richiesta a SEND non è ancora riuscito \(\d+ tentativ[oi]\)\./, { timeout: 15_000 });
    await expect(problem).toContainText('Ultimo errore:');
    await expect(problem).toContainText('non serve creare di nuovo la notifica');
    await accessible(page, 'sender detail (request not sent yet)');
    await snapshot(page, 'sender-detail-send-problem');

    await chooseAdapter(page, host.url, 'Demo');
    await expect(page.getByTestId('sync-problem')).toHaveCount(0);
  });
});
