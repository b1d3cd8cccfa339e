// Shared by the scan-retention tests: closed and open desk operations written straight into a real
// SQLite store, with their scans as real files whose time is set back to when they were stored.
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, utimesSync } from 'node:fs';
import type { DeskScanRef, DeskScanRole } from '../../db/repositories/desk-queries.js';
import type { Store } from '../../db/store.js';
import type { HostContext } from '../../electron/api/host-context.js';
import { setScanRetentionDays } from '../../electron/auth/desk-settings.js';
import type { HostConfig } from '../../electron/config.js';
import { createLogger } from '../../electron/logger.js';
import { tempStoreDir, type TempStoreDir } from '../support/store-temp.js';

export const DAY = 86_400_000;
// Whole seconds, a little after the real time: files written by the test are "older" than it.
export const NOW = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
export const ago = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY - extraMs);

/** A store in a temp directory with the retention setting; the caller closes and removes both. */
export async function retentionStore(retentionDays: number | null = 30): Promise<{ tmp: TempStoreDir; store: Store }> {
  const tmp = tempStoreDir('radd-retention-');
  const store = await tmp.open('desk');
  await setScanRetentionDays(store, retentionDays, NOW);
  return { tmp, store };
}

export function contextOf(s: Store): HostContext {
  return { store: s, clock: { now: () => NOW }, logger: createLogger(() => undefined), config: {} as HostConfig, transport: 'http' };
}

/** Bytes stored as a scanner would have left them at `at` (the file's time set back to then). */
export async function storeFile(s: Store, bytes: Buffer, at: Date): Promise<string> {
  const { sha256 } = await s.files.put(bytes);
  utimesSync(s.files.pathOf(sha256), at, at);
  return sha256;
}

export const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
export const pdf = () => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);

export interface Op {
  state: 'STARTED' | 'COMPLETED' | 'ABORTED' | 'ERROR';
  startedAt: Date;
  closedAt?: Date;
  scans: DeskScanRef[];
  evidenceSha256?: string;
  bundleSha256?: string;
}

export async function scanRef(s: Store, role: DeskScanRole, at: Date, bytes = png()): Promise<DeskScanRef> {
  return { role, sha256: await storeFile(s, bytes, at), contentType: 'image/png', bytes: bytes.byteLength };
}

export async function addOperation(s: Store, op: Op): Promise<string> {
  const operationId = randomUUID();
  const started = op.startedAt.toISOString();
  const closed = op.closedAt?.toISOString() ?? null;
  await s.raddTransactions.create({
    operationId, state: op.state, iuns: [], startedAt: started, updatedAt: closed ?? started,
    completedAt: op.state === 'COMPLETED' ? closed : null, abortedAt: op.state === 'ABORTED' ? closed : null,
    abortReason: op.state === 'ABORTED' ? 'persona andata via' : null, errorReason: op.state === 'ERROR' ? 'errore' : null,
    start: { operationType: 'ACT', recipientTaxId: 'RSSMRA80A01H501U', recipientType: 'PF', delegateTaxId: null, iun: null, qrCode: null, fileKey: null, checksum: null, operationDate: started },
  });
  await s.deskRecords.create({
    operationId, deskId: 'RADD-TEST', operatorId: 'op-1', recipientDenomination: null, delegateDenomination: null, delegateType: null, mandateId: null,
    identity: { recipient: null, delegate: null }, scans: op.scans, evidenceSha256: op.evidenceSha256 ?? null, bundleSha256: op.bundleSha256 ?? null,
    receiptSha256: null, startedMs: op.startedAt.getTime(), completedByDesk: null, completedByOperator: null,
    completedMs: op.state === 'COMPLETED' && op.closedAt ? op.closedAt.getTime() : null,
  }, []);
  return operationId;
}

/** An operation closed `days` ago (started ten minutes before), its scans stored when it started. */
export async function closedOperation(s: Store, days: number, scans: DeskScanRef[] | ((at: Date) => Promise<DeskScanRef[]>), state: 'COMPLETED' | 'ABORTED' = 'COMPLETED', extraMs = 0): Promise<string> {
  const closedAt = ago(days, extraMs);
  const startedAt = new Date(closedAt.getTime() - 10 * 60_000);
  return addOperation(s, { state, startedAt, closedAt, scans: typeof scans === 'function' ? await scans(startedAt) : scans });
}

export async function scansOf(s: Store, operationId: string): Promise<Record<string, unknown>[]> {
  return (await s.deskRecords.get(operationId))!.record.scans as unknown as Record<string, unknown>[];
}

export const onDisk = (s: Store, sha256: string) => existsSync(s.files.pathOf(sha256));
