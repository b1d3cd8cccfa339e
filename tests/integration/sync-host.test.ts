// The sync area through the real host and its API: status, run now with the demo adapter,
// a misconfigured adapter that never stops the app, settings with write-only secrets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthHost, type AuthHost } from './auth-support.js';
import type { SyncSettingsView, SyncStatusView } from '../../electron/api/contract/index.js';

let h: AuthHost;
let admin: string;
let clerk: string;
/** When "run now" with the demo adapter succeeded (the last test switches back to it). */
let demoSuccessAt: string | null = null;

beforeAll(async () => {
  h = await startAuthHost({ host: { sync: true }, args: ['--no-sync'] });
  admin = await h.loginAs('admin');
  clerk = await h.loginAs('clerk');
});

afterAll(async () => {
  await h?.close();
});

describe('sync through the host API', () => {
  it('reports the demo adapter, idle and not started (--no-sync)', async () => {
    const res = await h.call<SyncStatusView>('sync.status', {}, clerk);
    expect(res.body.ok).toBe(true);
    expect(res.body.data).toMatchObject({ adapter: 'demo', problem: null, started: false, pending: 0, parked: 0 });
  });

  it('pulls the simulated SEND into the store on "run now"', async () => {
    const before = await h.host.ctx.store.knex('notifications').count<{ n: number }[]>({ n: '*' });
    const res = await h.call<SyncStatusView>('sync.runNow', {}, clerk);
    expect(res.body.ok).toBe(true);
    expect(res.body.data?.lastSuccessAt).not.toBeNull();
    demoSuccessAt = res.body.data!.lastSuccessAt;
    const after = await h.host.ctx.store.knex('notifications').count<{ n: number }[]>({ n: '*' });
    expect(Number(after[0]!.n)).toBeGreaterThan(Number(before[0]!.n));
    // As SEND's documents are downloaded, the demo's acts arrive with its notifications: every
    // document row has its file, intact (its SHA-256 is the declared digest), so the counter can
    // hand the acts over (before, the running app's demo adapter stored none).
    const docs = await h.host.ctx.store.knex('documents').select<{ sha256: string }[]>('sha256');
    expect(docs.length).toBeGreaterThan(Number(before[0]!.n));
    const hex = (digest: string) => (/^[0-9a-f]{64}$/.test(digest) ? digest : Buffer.from(digest, 'base64').toString('hex'));
    const missing = [];
    for (const d of docs) if (!(await h.host.ctx.store.files.isIntact(hex(d.sha256)))) missing.push(d.sha256);
    expect(missing).toEqual([]);
  });

  it('keeps secrets write-only and tells what a misconfigured adapter misses, without stopping the app', async () => {
    const set = await h.call<SyncSettingsView>('sync.setSettings', { adapter: 'send-b2b', sendB2b: { baseUrl: 'https://api.example.invalid/', streamId: '' }, secrets: { sendApiKey: 'k-123456789' } }, admin);
    expect(set.body.ok).toBe(true);
    expect(set.body.data?.secretsSet.sendApiKey).toBe(true);
    expect(JSON.stringify(set.body.data)).not.toContain('k-123456789');
    const status = await h.call<SyncStatusView>('sync.status', {}, clerk);
    expect(status.body.data?.adapter).toBe('send-b2b');
    expect(status.body.data?.problem?.code).toBe('SYNC_ADAPTER_NOT_CONFIGURED');
    const run = await h.call('sync.runNow', {}, clerk);
    expect(run.body.error?.code).toBe('SYNC_NOT_RUNNING');
    // The rest of the app keeps working on the local store.
    expect((await h.call('notifications.getByIun', { iun: 'KWKU-JHXN-HJXM-202304-U-1' }, clerk)).body.error?.code).toBe('NOTIFICATION_NOT_FOUND');
    expect(h.logLines.join('\n')).not.toContain('k-123456789');
  });

  it('lets only an administrator change the adapter, and audits the change', async () => {
    expect((await h.call('sync.setSettings', { adapter: 'demo' }, clerk)).body.error?.code).toBe('FORBIDDEN');
    const back = await h.call<SyncSettingsView>('sync.setSettings', { adapter: 'demo' }, admin);
    expect(back.body.data?.adapter).toBe('demo');
    const status = (await h.call<SyncStatusView>('sync.status', {}, clerk)).body.data;
    expect(status?.problem).toBeNull();
    // Back on the demo adapter (a new engine), its last success is the one of "run now" above, not
    // "never": it is stored with the stream.
    expect(demoSuccessAt).not.toBeNull();
    expect(status?.lastSuccessAt).toBe(demoSuccessAt);
    const audit = await h.call<{ items: { operation: string }[] }>('audit.list', { operation: 'sync.setSettings' }, admin);
    expect(audit.body.data?.items.length).toBe(2);
  });
});
