// The print limit set by the administrator (DOMAIN.md 10.1 "Print limit": completed ACT pickups per
// IUN and recipient, default 10, 0 = unlimited), through the real host over HTTP with sign-in on:
// settings.setPrintLimit is the administrator's only (a clerk is refused), keeps an integer 0..1000
// (a value outside is refused on its field), is audited, and the desk inquiry then applies it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRINT_LIMIT_KEY } from '../../electron/desk/context.js';
import { PEOPLE, seedDeskCases, type DeskCase } from '../e2e/data/desk-cases.js';
import { startAuthHost, type AuthHost } from './auth-support.js';
import { idDocument, PNG_1X1 } from './desk-support.js';

let h: AuthHost;
let cases: DeskCase[];
let admin: string;
let clerk: string;
beforeAll(async () => {
  h = await startAuthHost();
  cases = await seedDeskCases(h.host.ctx.store, h.clock.now().getTime());
  admin = await h.loginAs('admin');
  clerk = await h.loginAs('clerk');
}, 60_000);
afterAll(async () => { await h?.close(); });

type Fields = { fields?: { path: string; code: string; message: string }[] };

async function inquiry(): Promise<{ ok: boolean; code: string | undefined }> {
  const scan = await h.call<{ scanId: string }>('desk.uploadScan', { fileName: 'scan.png', dataBase64: PNG_1X1.toString('base64') }, clerk);
  if (!scan.body.ok) throw new Error(JSON.stringify(scan.body.error));
  // 'alreadyCollected': this recipient has already collected it ten times at a desk.
  const iun = cases.find((c) => c.name === 'alreadyCollected')!.notification.iun;
  const identification = { recipientType: 'PF', recipientTaxId: PEOPLE.other.taxId, collector: 'RECIPIENT', recipientDocument: idDocument(), scans: { recipientId: scan.body.data!.scanId } };
  const r = await h.call('desk.inquiry', { mode: 'ACT', iun, identification }, clerk);
  return { ok: r.body.ok, code: r.body.error?.code };
}

describe('the print limit as the administrator sets it (settings.setPrintLimit)', () => {
  it('reads 10 until set, and the notice printed ten times is refused', async () => {
    const s = await h.call<{ printLimit: number }>('settings.get', {}, admin);
    expect(s.body.data?.printLimit).toBe(10);
    expect(await inquiry()).toEqual({ ok: false, code: 'PRINT_LIMIT_REACHED' });
  });

  it('is refused to a clerk, and the limit stays as it was', async () => {
    const r = await h.call('settings.setPrintLimit', { printLimit: 0 }, clerk);
    expect([r.status, r.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    expect(await h.host.ctx.store.settings.get(PRINT_LIMIT_KEY)).toBeUndefined();
    expect((await inquiry()).code).toBe('PRINT_LIMIT_REACHED');
  });

  it.each([
    [-1, 'INPUT_NUMBER_TOO_SMALL'],
    [1001, 'INPUT_NUMBER_TOO_BIG'],
    [2.5, 'INPUT_NUMBER_NOT_INTEGER'],
    ['5', 'INPUT_TYPE_INVALID'],
    // The screen's field emptied.
    [null, 'INPUT_REQUIRED'],
  ])('refuses %j on its field (%s) and keeps the limit', async (value, code) => {
    const r = await h.call('settings.setPrintLimit', { printLimit: value }, admin);
    expect(r.body.ok).toBe(false);
    const fields = (r.body.error?.details as Fields | undefined)?.fields ?? [];
    expect(fields.map((f) => f.path)).toEqual(['printLimit']);
    if (code !== 'INPUT_TYPE_INVALID') expect(fields[0]!.code).toBe(code);
    expect(fields[0]!.message).not.toMatch(/expected|number|invalid/i);
    expect(await h.host.ctx.store.settings.get(PRINT_LIMIT_KEY)).toBeUndefined();
  });

  it('an administrator raises it, lifts it (0) and brings it back: the inquiry follows each, the audit log names the setting', async () => {
    const set = async (n: number) => {
      const r = await h.call<{ printLimit: number }>('settings.setPrintLimit', { printLimit: n }, admin);
      expect(r.body.ok, JSON.stringify(r.body.error)).toBe(true);
      expect(r.body.data?.printLimit).toBe(n);
    };
    await set(11);
    expect(await h.host.ctx.store.settings.get(PRINT_LIMIT_KEY)).toBe(11);
    expect((await h.call<{ printLimit: number }>('settings.get', {}, admin)).body.data?.printLimit).toBe(11);
    expect(await inquiry()).toEqual({ ok: true, code: undefined });
    await set(0);
    expect(await inquiry()).toEqual({ ok: true, code: undefined });
    await set(10);
    expect((await inquiry()).code).toBe('PRINT_LIMIT_REACHED');
    const me = await h.call<{ operator: { id: string } }>('auth.whoami', {}, admin);
    const audit = await h.call<{ items: { operatorId: string; targets: string[]; outcome: string }[] }>('audit.list', { operation: 'settings.setPrintLimit' }, admin);
    const ok = audit.body.data!.items.filter((i) => i.outcome === 'ok');
    expect(ok).toHaveLength(3);
    for (const i of ok) expect(i).toMatchObject({ operatorId: me.body.data!.operator.id, targets: ['desk.printLimit'] });
  });
});
