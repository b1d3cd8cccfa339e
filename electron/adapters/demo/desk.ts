// The RADD side of the demo's simulated SEND: start / complete / abort with the rules of
// DOMAIN.md 10.1 (core's transaction state machine), answering with the same outcomes as the radd
// adapter. A completed ACT adds NOTIFICATION_VIEWED to the simulated timeline, a completed AOR adds
// NOTIFICATION_RADD_RETRIEVED; both come back to the desk through the next pull (same elementId
// as the desk's own record, so nothing is duplicated).
import {
  aarQrToken,
  buildActCompletionElements,
  buildAorCompletionElements,
  transitionTransaction,
  type DeskTransaction,
  type TransactionEvent,
} from '../../../core/index.js';
import { SyncError } from '../../sync/errors.js';
import { parsePayload } from '../../sync/payload.js';
import type { OutboxItem, PushResult } from '../../sync/types.js';
import { raddAbortPayloadSchema, raddCompletePayloadSchema, raddStartPayloadSchema, type RaddStartPayload } from '../radd/payloads.js';
import type { DemoWorld } from './world.js';

/**
 * The IUN of an AAR QR as SEND reads its own tokens (`<IUN>_<recipientInternalId>_<uuid>`, base64url,
 * DOMAIN.md 9). Only the simulated SEND does this: the desk keeps tokens opaque.
 */
function iunOfQr(qrCode: string): string | undefined {
  const [iun] = Buffer.from(aarQrToken(qrCode), 'base64url').toString('utf8').split('_');
  return iun || undefined;
}

/**
 * What SEND's RADD API answers with a refusal: a result code and SEND's own text, in Italian as
 * SEND writes it (radd-alt-external.yaml, StartTransactionResponseStatus and
 * TransactionResponseStatus). The simulated SEND answers the same texts, never the desk's internal
 * codes. The clerk reads SYNC_RADD_REFUSED, worded in the language of now ("SEND refused operation
 * … (code 10). SEND's answer, as sent: …"), with SEND's text as a quoted detail: SEND's words stay
 * as SEND sent them, as they would from the real service, and the message around them says what happened.
 */
const SEND_TEXT = {
  invalidInput: { code: 10, message: 'Input non valido' },
  operationIdExists: { code: 5, message: 'Codice operationId già presente' },
  alreadyCompleted: { code: 2, message: 'Transazione già completata' },
  alreadyAborted: { code: 2, message: 'Transazione già annullata' },
  ko: { code: 99, message: 'KO' },
} as const;

/** SEND's answer to a start the transaction rules refuse (core's reason code, never shown). */
function startRefusal(reason: string): { code: number; message: string } {
  return reason === 'RADD_TRANSACTION_ALREADY_EXISTS' ? SEND_TEXT.operationIdExists : SEND_TEXT.ko;
}

/** SEND's answer to a complete/abort the transaction rules refuse (core's reason code, never shown). */
function closeRefusal(reason: string): { code: number; message: string } {
  if (reason === 'RADD_TRANSACTION_ALREADY_COMPLETED') return SEND_TEXT.alreadyCompleted;
  if (reason === 'RADD_TRANSACTION_ALREADY_ABORTED') return SEND_TEXT.alreadyAborted;
  return SEND_TEXT.ko;
}

export class DemoDesk {
  private readonly transactions = new Map<string, DeskTransaction>();

  constructor(private readonly world: () => DemoWorld, private readonly now: () => number) {}

  /** The transactions as plain JSON (kept across restarts, state.ts). */
  snapshot(): [string, DeskTransaction][] {
    return [...this.transactions];
  }

  restore(entries: readonly [string, DeskTransaction][]): void {
    for (const [id, tx] of entries) this.transactions.set(id, tx);
  }

  private apply(event: TransactionEvent): { tx: DeskTransaction; repeated: boolean } | { code: string } {
    const r = transitionTransaction(this.transactions.get(event.operationId), event);
    if (!r.ok) return { code: r.code };
    this.transactions.set(event.operationId, r.tx);
    return r;
  }

  /**
   * The IUNs a start resolves: ACT the given IUN or the one of the AAR QR (code 10 when unknown), AOR
   * the recipient's unreachable ones.
   */
  private resolve(p: RaddStartPayload, atMs: number): string[] {
    const w = this.world();
    if (p.operationType === 'ACT') {
      const iun = p.iun ?? (p.qrCode ? iunOfQr(p.qrCode) : undefined);
      const c = iun ? w.find(iun, atMs) : undefined;
      if (!c || !c.notification.recipients.some((r) => r.taxId === p.recipientTaxId)) throw new SyncError('SYNC_RADD_REFUSED', { operationId: p.operationId, ...SEND_TEXT.invalidInput }, { transient: false });
      return [c.notification.iun];
    }
    return w.entriesUntil(atMs).map((e) => e.load()).filter((c) => {
      const i = c.notification.recipients.findIndex((r) => r.taxId === p.recipientTaxId);
      return i >= 0 && w.visibleElements(c.notification.iun, atMs).some((e) => e.category === 'COMPLETELY_UNREACHABLE' && e.recipientIndex === i);
    }).map((c) => c.notification.iun);
  }

  start(item: OutboxItem): PushResult {
    const p = parsePayload(raddStartPayloadSchema, item);
    const nowMs = this.now();
    const at = new Date(nowMs).toISOString();
    const iuns = this.resolve(p, nowMs);
    const data = {
      operationType: p.operationType, recipientTaxId: p.recipientTaxId, recipientType: p.recipientType, delegateTaxId: p.delegateTaxId ?? null,
      iun: p.iun ?? null, qrCode: p.qrCode ?? null, fileKey: p.evidence ? `demo-${p.operationId}.zip` : null, checksum: null, operationDate: p.operationDate,
    };
    const started = this.apply({ type: 'START', operationId: p.operationId, data, at });
    if ('code' in started) throw new SyncError('SYNC_RADD_REFUSED', { operationId: p.operationId, ...startRefusal(started.code) }, { transient: false });
    const ready = this.apply({ type: 'DOCUMENTS_READY', operationId: p.operationId, iuns, at });
    if ('code' in ready) throw new SyncError('SYNC_RADD_REFUSED', { operationId: p.operationId, ...SEND_TEXT.ko });
    const downloadUrlList = [{ url: `demo://cover/${p.operationId}`, needAuthentication: false, documentType: 'COVER' }, ...iuns.map((iun) => ({ url: `demo://documents/${iun}`, needAuthentication: false, documentType: 'DOCUMENT' }))];
    return { status: started.repeated ? 'duplicate' : 'applied', remoteRef: p.operationId, data: { downloadUrlList } };
  }

  complete(item: OutboxItem): PushResult {
    const p = parsePayload(raddCompletePayloadSchema, item);
    const r = this.apply({ type: 'COMPLETE', operationId: p.operationId, at: new Date(this.now()).toISOString() });
    if ('code' in r) return this.closeFailure(p.operationId, r.code);
    if (r.repeated) return { status: 'duplicate', remoteRef: p.operationId };
    this.record(r.tx);
    return { status: 'applied', remoteRef: p.operationId };
  }

  abort(item: OutboxItem): PushResult {
    const p = parsePayload(raddAbortPayloadSchema, item);
    const r = this.apply({ type: 'ABORT', operationId: p.operationId, reason: p.reason ?? '', at: new Date(this.now()).toISOString() });
    if ('code' in r) return this.closeFailure(p.operationId, r.code);
    return { status: r.repeated ? 'duplicate' : 'applied', remoteRef: p.operationId };
  }

  private closeFailure(operationId: string, code: string): never {
    if (code === 'RADD_TRANSACTION_NOT_FOUND' || code === 'RADD_TRANSACTION_NOT_STARTED') throw new SyncError('SYNC_RADD_NOT_STARTED', { operationId });
    throw new SyncError('SYNC_RADD_REFUSED', { operationId, ...closeRefusal(code) }, { transient: false });
  }

  /** Writes the completion on the simulated timelines, visible from the next pull. */
  private record(tx: DeskTransaction): void {
    const w = this.world();
    const visibleMs = this.now() + 1;
    const nowMs = this.now();
    for (const iun of tx.iuns) {
      const c = w.find(iun, nowMs);
      const recipientIndex = c?.notification.recipients.findIndex((r) => r.taxId === tx.start.recipientTaxId) ?? -1;
      if (!c || recipientIndex < 0) continue;
      if (tx.start.operationType === 'ACT') {
        const viewed = w.visibleElements(iun, nowMs).find((e) => e.category === 'NOTIFICATION_VIEWED' && e.recipientIndex === recipientIndex);
        const els = buildActCompletionElements({ iun, recipientIndex, startedAt: tx.startedAt, operationId: tx.operationId, recipientViewedAt: viewed?.at ?? null });
        for (const element of els) w.extras.push({ iun, element, visibleMs });
      } else {
        for (const x of buildAorCompletionElements({ operationId: tx.operationId, startedAt: tx.startedAt, items: [{ iun, recipientIndex }] })) w.extras.push({ iun, element: x.element, visibleMs });
      }
    }
  }
}
