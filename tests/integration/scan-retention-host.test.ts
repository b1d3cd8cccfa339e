// Data retention through the host (issue #11 item 3): admin.purgeScans over real HTTP, what the
// desk's operation view and the files route answer afterwards, and the start-and-daily schedule.
import { get as httpGet } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../db/store.js';
import { scheduleScanRetention } from '../../electron/desk/scan-retention.js';
import { createLogger } from '../../electron/logger.js';
import type { TempStoreDir } from '../support/store-temp.js';
import { startAuthHost, type AuthHost } from './auth-support.js';
import { addOperation, closedOperation, contextOf, DAY, pdf, retentionStore, scanRef, scansOf, storeFile } from './scan-retention-support.js';

let tmp: TempStoreDir | undefined;
let store: Store | undefined;
let h: AuthHost | undefined;
afterEach(async () => {
  await store?.close();
  tmp?.remove();
  await h?.close();
  store = undefined;
  tmp = undefined;
  h = undefined;
});

async function freshStore(retentionDays: number | null = 30): Promise<Store> {
  ({ tmp, store } = await retentionStore(retentionDays));
  return store;
}

/** The viewer's URL of a stored PDF, with its ticket, as `documents.viewUrl` gives it to the session. */
async function viewUrl(host: AuthHost, sha256: string, session: string): Promise<string> {
  const res = await host.call<{ url: string }>('documents.viewUrl', { sha256 }, session);
  if (!res.body.ok) throw new Error(`documents.viewUrl: ${res.body.error?.code}`);
  return res.body.data!.url;
}

function getFile(host: AuthHost, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet({ host: '127.0.0.1', port: host.http.port, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

describe('purge through the host', () => {
  it('admin.purgeScans purges now, audited as the administrator; the scan shows as deleted and its file answers 404', async () => {
    h = await startAuthHost();
    const hostStore = h.host.ctx.store;
    const clock = h.clock.now();
    const admin = await h.loginAs('admin');
    const clerk = await h.loginAs('clerk');
    expect((await h.call('settings.set', { scanRetentionDays: 30 }, admin)).body.ok).toBe(true);
    const startedAt = new Date(clock.getTime() - 40 * DAY);
    const form = await scanRef(hostStore, 'DELEGATION_FORM', startedAt);
    form.pdfSha256 = await storeFile(hostStore, pdf(), startedAt);
    const id = await addOperation(hostStore, { state: 'COMPLETED', startedAt, closedAt: new Date(startedAt.getTime() + 60_000), scans: [form] });
    const url = await viewUrl(h, form.pdfSha256, clerk);
    expect((await getFile(h, url)).status).toBe(200);

    const res = await h.call<{ operations: number; files: number; retentionDays: number; ranAt: string }>('admin.purgeScans', {}, admin);
    expect(res.body.data).toMatchObject({ operations: 1, files: 2, retentionDays: 30, ranAt: clock.toISOString() });

    // The ticket given before the purge is still live, the file is not.
    const gone = await getFile(h, url);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.body)).toMatchObject({ ok: false, error: { code: 'DOCUMENT_MISSING' } });
    const noTicket = await h.call('documents.viewUrl', { sha256: form.pdfSha256 }, clerk);
    expect([noTicket.status, noTicket.body.error?.code]).toEqual([404, 'PRINT_DOCUMENT_NOT_FOUND']);
    const view = await h.call<{ scans: unknown[] }>('desk.getTransaction', { operationId: id }, clerk);
    expect(view.body.data!.scans).toEqual([{ role: 'DELEGATION_FORM', sha256: null, contentType: 'image/png', bytes: form.bytes, purgedAt: clock.toISOString(), retentionDays: 30 }]);
    const me = await h.call<{ operator: { id: string } }>('auth.whoami', {}, admin);
    const audit = await h.call<{ items: { operatorId: string; targets: string[]; outcome: string }[] }>('audit.list', { operation: 'admin.purgeScans' }, admin);
    expect(audit.body.data!.items).toEqual([expect.objectContaining({ operatorId: me.body.data!.operator.id, targets: [id], outcome: 'ok' })]);
  });

  it('records an administrator\'s run that found nothing to purge', async () => {
    h = await startAuthHost();
    const admin = await h.loginAs('admin');
    const res = await h.call('admin.purgeScans', {}, admin);
    expect(res.body.data).toMatchObject({ operations: 0, files: 0, retentionDays: null });
    const audit = await h.call<{ items: { targets: string[] }[] }>('audit.list', { operation: 'admin.purgeScans' }, admin);
    expect(audit.body.data!.items).toEqual([expect.objectContaining({ targets: [] })]);
  });
});

describe('purge sent again (its answer lost)', () => {
  const REQUEST = '7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a';

  async function expiredOperation(host: AuthHost): Promise<string> {
    const hostStore = host.host.ctx.store;
    const startedAt = new Date(host.clock.now().getTime() - 40 * DAY);
    const form = await scanRef(hostStore, 'DELEGATION_FORM', startedAt);
    return addOperation(hostStore, { state: 'COMPLETED', startedAt, closedAt: new Date(startedAt.getTime() + 60_000), scans: [form] });
  }

  it('answers the same requestId with the first run\'s counts and purges and audits nothing again; a new id is a new run', async () => {
    h = await startAuthHost();
    const admin = await h.loginAs('admin');
    expect((await h.call('settings.set', { scanRetentionDays: 30 }, admin)).body.ok).toBe(true);
    const id = await expiredOperation(h);
    const first = await h.call<{ operations: number; files: number; ranAt: string }>('admin.purgeScans', { requestId: REQUEST }, admin);
    expect(first.body.data).toMatchObject({ operations: 1, files: 1, retentionDays: 30 });
    h.clock.advanceMinutes(1);
    const again = await h.call('admin.purgeScans', { requestId: REQUEST }, admin);
    expect([again.status, again.body.data]).toEqual([200, first.body.data]);
    const audit = async () => (await h!.call<{ items: { targets: string[] }[] }>('audit.list', { operation: 'admin.purgeScans' }, admin)).body.data!.items;
    expect((await audit()).map((i) => i.targets)).toEqual([[id]]);
    expect(await h.host.ctx.store.knex('request_answers').where({ operation: 'admin.purgeScans' }).count({ n: '*' }).first()).toEqual({ n: 1 });
    // Another click is another purge: it finds nothing left, and is recorded.
    const next = await h.call<{ operations: number; ranAt: string }>('admin.purgeScans', { requestId: '8e9f0a1b-2c3d-4e4f-9a5b-6c7d8e9f0a1b' }, admin);
    expect(next.body.data).toMatchObject({ operations: 0, files: 0 });
    expect(next.body.data!.ranAt).not.toBe(first.body.data!.ranAt);
    expect((await audit()).map((i) => i.targets)).toEqual([[], [id]]);
    // Without an id (an older screen) each call is a run of its own, as before.
    expect((await h.call('admin.purgeScans', {}, admin)).body.data).toMatchObject({ operations: 0 });
    expect(await audit()).toHaveLength(3);
  });

  it('gives the first count to a repeat sent while the first run is still going, with one audit entry', async () => {
    h = await startAuthHost();
    const admin = await h.loginAs('admin');
    expect((await h.call('settings.set', { scanRetentionDays: 30 }, admin)).body.ok).toBe(true);
    const id = await expiredOperation(h);
    const [a, b] = await Promise.all([0, 1].map(() => h!.call<{ operations: number }>('admin.purgeScans', { requestId: REQUEST }, admin)));
    expect(a!.body.data).toMatchObject({ operations: 1 });
    expect(b!.body.data).toEqual(a!.body.data);
    const audit = await h.call<{ items: { targets: string[] }[] }>('audit.list', { operation: 'admin.purgeScans' }, admin);
    expect(audit.body.data!.items.map((i) => i.targets)).toEqual([[id]]);
  });

  it('refuses a requestId that is not a UUID v4, purging nothing', async () => {
    h = await startAuthHost();
    const admin = await h.loginAs('admin');
    const res = await h.call('admin.purgeScans', { requestId: 'not-a-uuid' }, admin);
    expect([res.status, res.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await h.call<{ items: unknown[] }>('audit.list', { operation: 'admin.purgeScans' }, admin)).body.data!.items).toEqual([]);
  });
});

describe('schedule', () => {
  it('purges when started and again every 24 hours; stopping waits for a run in progress', async () => {
    const s = await freshStore(30);
    const lines: string[] = [];
    const ctx = { ...contextOf(s), logger: createLogger((l) => lines.push(l)) };
    const first = await closedOperation(s, 40, (at) => Promise.all([scanRef(s, 'RECIPIENT_ID', at)]));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = scheduleScanRetention(ctx);
      await vi.waitFor(async () => expect((await scansOf(s, first))[0]).toHaveProperty('purgedAt'), { timeout: 5000, interval: 20 });
      const second = await closedOperation(s, 35, (at) => Promise.all([scanRef(s, 'RECIPIENT_ID', at)]));
      vi.advanceTimersByTime(23 * 3_600_000);
      await new Promise((r) => setTimeout(r, 50));
      expect((await scansOf(s, second))[0]).toHaveProperty('sha256');
      vi.advanceTimersByTime(3_600_000);
      await stop();
      expect((await scansOf(s, second))[0]).toHaveProperty('purgedAt');
      expect(lines.filter((l) => l.includes('scans purged'))).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
