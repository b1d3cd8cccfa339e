// Data retention of identity scans (issue #11 item 3) on a real SQLite store with real files: the
// scans of operations closed longer ago than the setting leave the disk, a file another operation
// still refers to stays, open operations are untouched, the audit chain still verifies, and a
// second run changes nothing. Also the file store's remove.
import { randomBytes, randomUUID } from 'node:crypto';
import { utimesSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../db/files.js';
import type { Store } from '../../db/store.js';
import { toAuditEntry } from '../../electron/auth/audit-trail.js';
import { PURGE_OPERATION, purgeExpiredScans } from '../../electron/desk/scan-retention.js';
import { outboxWriterOf } from '../../electron/sync/store-sync-store.js';
import type { TempStoreDir } from '../support/store-temp.js';
import { tempStoreDir } from '../support/store-temp.js';
import { addOperation, ago, closedOperation, contextOf, DAY, NOW, onDisk, pdf, png, retentionStore, scanRef, scansOf, storeFile } from './scan-retention-support.js';

let tmp: TempStoreDir | undefined;
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  tmp?.remove();
  store = undefined;
  tmp = undefined;
});

async function freshStore(retentionDays: number | null = 30): Promise<Store> {
  ({ tmp, store } = await retentionStore(retentionDays));
  return store;
}

describe('FileStore.remove', () => {
  it('deletes a stored file, reports its size, and is a no-op for a file already gone', async () => {
    tmp = tempStoreDir('radd-retention-');
    const files = new FileStore(tmp.dir);
    const bytes = pdf();
    const { sha256 } = await files.put(bytes);
    expect(await files.remove(sha256)).toEqual({ removed: true, bytes: bytes.byteLength });
    expect(await files.has(sha256)).toBe(false);
    expect(await files.remove(sha256)).toEqual({ removed: false, bytes: 0 });
    // Stored again later: written again, whole.
    await files.put(bytes);
    expect(await files.isIntact(sha256)).toBe(true);
  });

  it('refreshes the time of a file stored again (the purge spares it within the retention period)', async () => {
    tmp = tempStoreDir('radd-retention-');
    const files = new FileStore(tmp.dir);
    const { sha256 } = await files.put(pdf().subarray(0, 40));
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(files.pathOf(sha256), old, old);
    expect(await files.modifiedMs(sha256)).toBe(old.getTime());
    await files.put((await files.read(sha256)));
    expect(await files.modifiedMs(sha256)).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('purge of expired scans', () => {
  it('keeps a scan shared with an operation still within the period, and removes it once both expire', async () => {
    const s = await freshStore(30);
    const shared = await scanRef(s, 'RECIPIENT_ID', ago(41));
    const own = await scanRef(s, 'DELEGATION_FORM', ago(41));
    const old = await closedOperation(s, 40, [shared, own]);
    const recent = await closedOperation(s, 10, [{ ...shared }]);

    const first = await purgeExpiredScans(contextOf(s), NOW);
    expect(first).toMatchObject({ operations: 1, files: 1, bytes: own.bytes, retentionDays: 30 });
    expect(onDisk(s, shared.sha256)).toBe(true);
    expect(onDisk(s, own.sha256)).toBe(false);
    expect(await scansOf(s, old)).toEqual([
      { role: 'RECIPIENT_ID', contentType: 'image/png', bytes: shared.bytes, purgedAt: NOW.toISOString(), retentionDays: 30 },
      { role: 'DELEGATION_FORM', contentType: 'image/png', bytes: own.bytes, purgedAt: NOW.toISOString(), retentionDays: 30 },
    ]);
    expect(await scansOf(s, recent)).toEqual([shared]);

    const later = new Date(NOW.getTime() + 25 * DAY);
    const second = await purgeExpiredScans({ ...contextOf(s), clock: { now: () => later } }, later);
    expect(second).toMatchObject({ operations: 1, files: 1, bytes: shared.bytes });
    expect(onDisk(s, shared.sha256)).toBe(false);
  });

  it('leaves open operations alone, and a file they share with an expired one', async () => {
    const s = await freshStore(30);
    const card = await scanRef(s, 'RECIPIENT_ID', ago(101));
    const open = await addOperation(s, { state: 'STARTED', startedAt: ago(100), scans: [card] });
    const failed = await addOperation(s, { state: 'ERROR', startedAt: ago(90), scans: [await scanRef(s, 'RECIPIENT_ID', ago(90))] });
    const aborted = await closedOperation(s, 40, [{ ...card }], 'ABORTED');

    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: 1, files: 0 });
    expect(await scansOf(s, open)).toEqual([card]);
    expect((await scansOf(s, failed))[0]).toHaveProperty('sha256');
    expect((await scansOf(s, aborted))[0]).toHaveProperty('purgedAt', NOW.toISOString());
    expect(onDisk(s, card.sha256)).toBe(true);
  });

  it('keeps the scans of an operation closed exactly N days ago, purges one closed a second earlier', async () => {
    const s = await freshStore(30);
    const exactly = await closedOperation(s, 30, (at) => Promise.all([scanRef(s, 'RECIPIENT_ID', at)]));
    const before = await closedOperation(s, 30, (at) => Promise.all([scanRef(s, 'RECIPIENT_ID', at)]), 'COMPLETED', 1000);
    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: 1, files: 1 });
    expect((await scansOf(s, exactly))[0]).toHaveProperty('sha256');
    expect((await scansOf(s, before))[0]).toHaveProperty('purgedAt');
  });

  it('removes the PDF copy and the evidence zip too, clears the zip key, keeps the bundle handed out', async () => {
    const s = await freshStore(30);
    const at = ago(41);
    const form = await scanRef(s, 'DELEGATION_FORM', at);
    form.pdfSha256 = await storeFile(s, pdf(), at);
    const evidence = await storeFile(s, Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(32)]), at);
    const bundle = await storeFile(s, pdf(), at);
    const id = await addOperation(s, { state: 'COMPLETED', startedAt: at, closedAt: ago(40), scans: [form], evidenceSha256: evidence, bundleSha256: bundle });

    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: 1, files: 3 });
    for (const key of [form.sha256, form.pdfSha256, evidence]) expect(onDisk(s, key)).toBe(false);
    expect(onDisk(s, bundle)).toBe(true);
    const record = (await s.deskRecords.get(id))!.record;
    expect(record.evidenceSha256).toBeNull();
    expect(record.bundleSha256).toBe(bundle);
    expect(JSON.stringify(record.scans)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('waits while the RADD start that uploads the evidence is still unsent', async () => {
    const s = await freshStore(30);
    const id = await closedOperation(s, 40, (at) => Promise.all([scanRef(s, 'RECIPIENT_ID', at)]));
    await s.transaction((tx) => outboxWriterOf(tx).enqueue({ kind: 'radd.startTransaction', idempotencyKey: id, payload: { operationId: id }, createdAt: ago(40).toISOString() }));
    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: 0, files: 0 });
    const [message] = await s.outbox.due(Number.MAX_SAFE_INTEGER);
    await s.outbox.markSent(message!.id, NOW.toISOString());
    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: 1, files: 1 });
  });

  it('spares a file stored again within the period (a newer form may be using it), still marking the old refs', async () => {
    const s = await freshStore(30);
    const bytes = png();
    const card = await scanRef(s, 'RECIPIENT_ID', ago(41), bytes);
    const id = await closedOperation(s, 40, [card]);
    await s.files.put(bytes); // the same card scanned again today, not yet in any operation
    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: 1, files: 0 });
    expect(onDisk(s, card.sha256)).toBe(true);
    expect((await scansOf(s, id))[0]).toHaveProperty('purgedAt');
  });

  it('does nothing while no retention is set', async () => {
    const s = await freshStore(null);
    const id = await closedOperation(s, 400, (at) => Promise.all([scanRef(s, 'RECIPIENT_ID', at)]));
    expect(await purgeExpiredScans(contextOf(s), NOW)).toEqual({ operations: 0, files: 0, bytes: 0, retentionDays: null });
    expect((await scansOf(s, id))[0]).toHaveProperty('sha256');
  });

  it('audits the purge as the system, never edits an entry, keeps the chain valid; a second run is a no-op', async () => {
    const s = await freshStore(30);
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await closedOperation(s, 40 + i, (at) => Promise.all([scanRef(s, 'RECIPIENT_ID', at)])));
    // Entries written before the purge (a sign-in, a setting): they must come out untouched.
    for (const action of ['auth.login', 'settings.set']) await s.audit.append(toAuditEntry({ at: ago(50), operatorId: 'op-1', roles: ['admin'], operation: action, targets: ['x'], outcome: 'ok' }));
    const before = await s.knex('audit_log').orderBy('id').select();
    expect(before.length).toBeGreaterThanOrEqual(2);

    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: 23, files: 23 });
    const after = await s.knex('audit_log').orderBy('id').select();
    expect(after.slice(0, before.length)).toEqual(before);
    const added = await s.audit.list({ action: PURGE_OPERATION }, { offset: 0, limit: 10 });
    expect(added.map((e) => e.actor)).toEqual(['system', 'system']);
    expect(added.flatMap((e) => (e.details as { targets: string[] }).targets).sort()).toEqual([...ids].sort());
    expect((await s.audit.verify()).ok).toBe(true);

    const rows = await s.knex('desk_operations').orderBy('operation_id').select('scans', 'evidence_sha256');
    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: 0, files: 0, bytes: 0 });
    expect(await s.knex('desk_operations').orderBy('operation_id').select('scans', 'evidence_sha256')).toEqual(rows);
    expect(await s.knex('audit_log').count({ n: '*' })).toEqual([{ n: after.length }]);
  });

  it('purges page after page when more operations expired than one transaction takes (500)', async () => {
    const s = await freshStore(1);
    const at = ago(3);
    const card = await scanRef(s, 'RECIPIENT_ID', at);
    const count = 510;
    await s.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        const operationId = randomUUID();
        await tx.raddTransactions.create({
          operationId, state: 'COMPLETED', iuns: [], startedAt: at.toISOString(), updatedAt: ago(2).toISOString(), completedAt: ago(2).toISOString(),
          abortedAt: null, abortReason: null, errorReason: null,
          start: { operationType: 'AOR', recipientTaxId: 'RSSMRA80A01H501U', recipientType: 'PF', delegateTaxId: null, iun: null, qrCode: null, fileKey: null, checksum: null, operationDate: at.toISOString() },
        });
        await tx.deskRecords.create({
          operationId, deskId: 'RADD-TEST', operatorId: 'op-1', recipientDenomination: null, delegateDenomination: null, delegateType: null, mandateId: null,
          identity: { recipient: null, delegate: null }, scans: [card], evidenceSha256: null, bundleSha256: null, receiptSha256: null,
          startedMs: at.getTime(), completedByDesk: null, completedByOperator: null, completedMs: ago(2).getTime(),
        }, []);
      }
    });
    expect(await purgeExpiredScans(contextOf(s), NOW)).toMatchObject({ operations: count, files: 1 });
    expect(await s.knex('desk_operations').where('scans', 'like', '%"sha256"%').count({ n: '*' })).toEqual([{ n: 0 }]);
  }, 60_000);
});
