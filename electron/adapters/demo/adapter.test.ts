import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../sync/manual-scheduler.js';
import { createMemorySyncStore } from '../../sync/memory-store.js';
import { createSyncEngine } from '../../sync/engine.js';
import type { OutboxItem } from '../../sync/types.js';
import { buildAarToken, DEMO_HOME_SENDER_TAX_ID, codedMessage, messageFor, type ErrorCode } from '../../../core/index.js';
import { createDemoAdapter } from './adapter.js';

const T0 = Date.parse('2026-03-10T08:00:00Z');
const MIN = 60_000;

function setup() {
  const clock = createManualClock(T0);
  const adapter = createDemoAdapter({ now: clock.now, seed: 7, backlog: 12, backlogDays: 30, depositEveryMs: 10 * MIN });
  const store = createMemorySyncStore();
  const engine = createSyncEngine({ adapter, store, now: clock.now, random: () => 0.5, scheduler: clock, pageSize: 5 });
  return { clock, adapter, store, engine };
}

const item = (id: number, kind: OutboxItem['kind'], key: string, payload: unknown): OutboxItem => ({ id, kind, idempotencyKey: key, payload, createdAt: new Date(T0).toISOString(), attempts: 0, state: 'pending' });

describe('demo adapter (simulated SEND)', () => {
  it('delivers the backlog at the first pull, in pages, with elements up to now only', async () => {
    const { store, engine } = setup();
    const report = await engine.runNow();
    expect(report.error).toBeNull();
    expect(report.pull!.pages).toBeGreaterThan(1);
    expect(store.notifications.size).toBe(12);
    const times = [...store.timelines.values()].flatMap((m) => [...m.values()].map((e) => Date.parse(e.at)));
    expect(Math.max(...times)).toBeLessThanOrEqual(T0);
  });

  it('deposits every other notification for the office of the demo sender operators', async () => {
    const { store, engine, clock } = setup();
    await engine.runNow();
    clock.advance(60 * MIN);
    await engine.runNow();
    const senders = [...store.notifications.values()].map((n) => n.senderTaxId);
    expect(senders.length).toBe(18);
    expect(senders.filter((t) => t === DEMO_HOME_SENDER_TAX_ID).length).toBeGreaterThanOrEqual(senders.length / 2);
    expect(new Set(senders).size).toBeGreaterThan(2);
  });

  it('adds new deposits and new elements as time passes, never the same element twice', async () => {
    const { store, engine, clock, adapter } = setup();
    let sent = 0;
    let lastOfPull = 0;
    engine.onProgress((p) => {
      if (p.pages === 0) sent += lastOfPull;
      lastOfPull = p.elements;
    });
    await engine.runNow();
    let delivered = 0;
    const counts: number[] = [];
    for (let i = 0; i < 6; i++) {
      clock.advance(30 * MIN);
      const r = await engine.runNow();
      delivered += r.pull!.elementsInserted;
      counts.push(store.notifications.size);
    }
    expect(counts[counts.length - 1]).toBe(12 + 18);
    // Everything visible now was delivered exactly once: the store holds as many as the world shows.
    const world = adapter as unknown as { world(): { visibleElements(iun: string, at: number): unknown[] } };
    const visible = [...store.notifications.keys()].reduce((n, iun) => n + world.world().visibleElements(iun, clock.now()).length, 0);
    const stored = [...store.timelines.values()].reduce((n, m) => n + m.size, 0);
    expect(stored).toBe(visible);
    expect(sent + lastOfPull).toBe(stored);
    expect(delivered).toBeGreaterThan(0);
  });

  it('answers a repeated new-notification request as a duplicate, and the notification appears in the feed', async () => {
    const { adapter, engine, store, clock } = setup();
    await engine.runNow();
    const payload = {
      paProtocolNumber: 'PROT-1', subject: 'Verbale', recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', physicalAddress: { address: 'Via Roma 1', zip: '00100', municipality: 'Roma' } }],
      documents: [], notificationFeePolicy: 'FLAT_RATE', physicalCommunicationType: 'AR_REGISTERED_LETTER', senderDenomination: 'Comune', senderTaxId: '01234567897', taxonomyCode: '010101P',
    };
    const first = await adapter.push(item(1, 'send.newNotification', 'tok-1', payload));
    const again = await adapter.push(item(1, 'send.newNotification', 'tok-1', payload));
    expect(first.status).toBe('applied');
    expect(again.status).toBe('duplicate');
    clock.advance(10 * MIN);
    await engine.runNow();
    expect(store.notifications.has((first.data as { iun: string }).iun)).toBe(true);
  });

  it('records a completed ACT as NOTIFICATION_VIEWED in the feed, once', async () => {
    const { adapter, engine, store, clock } = setup();
    await engine.runNow();
    const [iun, n] = [...store.notifications.entries()][0]!;
    const start = { operationType: 'ACT', operationId: 'op-1', recipientTaxId: n.recipients[0]!.taxId, recipientType: n.recipients[0]!.recipientType, iun, operationDate: new Date(clock.now()).toISOString() };
    expect((await adapter.push(item(1, 'radd.startTransaction', 'op-1', start))).status).toBe('applied');
    const done = { operationType: 'ACT', operationId: 'op-1', operationDate: new Date(clock.now()).toISOString() };
    expect((await adapter.push(item(2, 'radd.completeTransaction', 'op-1', done))).status).toBe('applied');
    expect((await adapter.push(item(2, 'radd.completeTransaction', 'op-1', done))).status).toBe('duplicate');
    clock.advance(MIN);
    await engine.runNow();
    const views = [...store.timelines.get(iun)!.values()].filter((e) => e.category === 'NOTIFICATION_VIEWED' && e.details?.raddTransactionId === 'op-1');
    expect(views.map((e) => e.elementId)).toEqual([`NOTIFICATION_VIEWED.IUN_${iun}.RECINDEX_0`]);
  });

  it('starts an ACT from the AAR QR alone (SEND resolves its own token), and refuses a QR of an unknown notification with code 10', async () => {
    const { store, adapter, engine, clock } = setup();
    await engine.runNow();
    const [iun, n] = [...store.notifications.entries()][0]!;
    const qr = (forIun: string) => buildAarToken(forIun, 'PF-0f4e7a52-6a1d-4c8e-9a77-3d2b1c0e9f12', '3b241101-e2bb-4255-8caf-4136c566a962');
    const base = { operationType: 'ACT', recipientTaxId: n.recipients[0]!.taxId, recipientType: n.recipients[0]!.recipientType, operationDate: new Date(clock.now()).toISOString() };
    const byQr = { ...base, operationId: 'op-qr', qrCode: qr(iun) };
    const started = await adapter.push(item(1, 'radd.startTransaction', 'op-qr', byQr));
    expect(started.status).toBe('applied');
    expect((started.data as { downloadUrlList: { url: string }[] }).downloadUrlList.map((d) => d.url)).toContain(`demo://documents/${iun}`);
    const unknown = { ...base, operationId: 'op-qr-2', qrCode: `https://cittadini.notifichedigitali.it/notifica?aar=${qr('KWKU-JHXN-HJXM-202304-U-1')}` };
    await expect(adapter.push(item(2, 'radd.startTransaction', 'op-qr-2', unknown))).rejects.toMatchObject({ code: 'SYNC_RADD_REFUSED', transient: false, params: { code: 10 } });
  });

  it('answers RADD result codes: unknown IUN refused for good, complete before start retried', async () => {
    const { adapter, engine } = setup();
    await engine.runNow();
    const start = { operationType: 'ACT', operationId: 'op-9', recipientTaxId: 'RSSMRA85T10A562S', recipientType: 'PF', iun: 'KWKU-JHXN-HJXM-202304-U-1', operationDate: new Date(T0).toISOString() };
    await expect(adapter.push(item(1, 'radd.startTransaction', 'op-9', start))).rejects.toMatchObject({ code: 'SYNC_RADD_REFUSED', transient: false, params: { code: 10 } });
    const done = { operationType: 'ACT', operationId: 'op-8', operationDate: new Date(T0).toISOString() };
    await expect(adapter.push(item(2, 'radd.completeTransaction', 'op-8', done))).rejects.toMatchObject({ code: 'SYNC_RADD_NOT_STARTED', transient: true });
  });

  it('refuses with SEND\'s own texts (as SEND writes them), never the desk\'s internal codes, inside a message worded in either language', async () => {
    const { adapter, engine, store, clock } = setup();
    await engine.runNow();
    const refusal = async (p: Promise<unknown>) => {
      const e = await p.then(() => null, (err: unknown) => err) as { code: ErrorCode; params: Record<string, string | number> };
      expect(e.code).toBe('SYNC_RADD_REFUSED');
      expect(String(e.params.message)).not.toMatch(/^RADD_|_/);
      return e;
    };
    const unknownIun = { operationType: 'ACT', operationId: 'op-9', recipientTaxId: 'RSSMRA85T10A562S', recipientType: 'PF', iun: 'KWKU-JHXN-HJXM-202304-U-1', operationDate: new Date(T0).toISOString() };
    const invalid = await refusal(adapter.push(item(1, 'radd.startTransaction', 'op-9', unknownIun)));
    expect(invalid.params).toMatchObject({ code: 10, message: 'Input non valido' });
    // The wire error keeps a message, and the params render it again in the other language.
    const wire = codedMessage(invalid.code, 'it', invalid.params);
    expect(wire.message).toBe('SEND ha rifiutato l\'operazione op-9 (codice 10). Risposta di SEND: «Input non valido»');
    expect(messageFor(invalid.code, 'en', wire.params)).toBe('SEND refused operation op-9 (code 10). SEND\'s answer, as sent: "Input non valido"');

    const [iun, n] = [...store.notifications.entries()][0]!;
    const start = { operationType: 'ACT', operationId: 'op-1', recipientTaxId: n.recipients[0]!.taxId, recipientType: n.recipients[0]!.recipientType, iun, operationDate: new Date(clock.now()).toISOString() };
    const close = { operationType: 'ACT', operationId: 'op-1', operationDate: new Date(clock.now()).toISOString() };
    await adapter.push(item(1, 'radd.startTransaction', 'op-1', start));
    await adapter.push(item(2, 'radd.completeTransaction', 'op-1', close));
    const again = await refusal(adapter.push(item(3, 'radd.startTransaction', 'op-1', start)));
    expect(again.params).toMatchObject({ code: 5, message: 'Codice operationId già presente' });
    const aborted = await refusal(adapter.push(item(4, 'radd.abortTransaction', 'op-1', { ...close, reason: 'ripensamento' })));
    expect(aborted.params).toMatchObject({ code: 2, message: 'Transazione già completata' });
    expect(messageFor(aborted.code, 'en', aborted.params)).toBe('SEND refused operation op-1 (code 2). SEND\'s answer, as sent: "Transazione già completata"');
  });
});
