// ACT and AOR inquiries (DOMAIN.md 10 step 2, 13): load what the core's rules need, apply them
// (checkActInquiry, selectAorNotifications), and add what only this computer knows: whether the
// acts' files are here, and which recipient an AAR QR belongs to.
import {
  checkAarQrOwnership,
  checkActInquiry,
  DomainError,
  hasActiveMandate,
  parseIun,
  parseScannedAar,
  selectAorNotifications,
  toDomainError,
  type DeskDelegate,
  type IsoInstant,
  type NotificationDocument,
} from '../../core/index.js';
import { base64ToHex } from '../../db/files.js';
import type { Store } from '../../db/store.js';
import type { NotificationRecord } from '../../db/repositories/notifications-repo.js';
import type { Identification } from '../api/contract/desk.js';
import { actPlan, aorPlan, notificationItem, type PlannedDocument } from './plan.js';
import type { DeskNotificationItem } from '../api/contract/desk-views.js';

export type DeskStore = Pick<Store, 'notifications' | 'timeline' | 'raddTransactions' | 'aarTokens' | 'deskMandates' | 'files'>;

export interface InquiryResult {
  mode: 'ACT' | 'AOR';
  items: Array<{ record: NotificationRecord; recipientIndex: number; item: DeskNotificationItem }>;
  plan: PlannedDocument[];
  delegate: DeskDelegate | null;
  printCount: number;
}

/** The IUN of an ACT request, and the recipient its QR belongs to (null when typed as IUN). */
export async function resolveActTarget(store: Pick<DeskStore, 'aarTokens'>, target: { iun?: string | undefined; qrCode?: string | undefined }): Promise<{ iun: string; qrRecipientIndex: number | null }> {
  if (target.qrCode) {
    const { token } = parseScannedAar(target.qrCode);
    // Tokens are opaque (DOMAIN.md 9): resolved through the local table, never decoded.
    const hit = await store.aarTokens.resolve(token);
    if (!hit) throw new DomainError('AAR_QR_UNKNOWN');
    return { iun: hit.iun, qrRecipientIndex: hit.recipientIndex };
  }
  const parsed = parseIun(target.iun ?? '');
  if (!parsed.ok) throw new DomainError(parsed.code, parsed.params);
  return { iun: parsed.value, qrRecipientIndex: null };
}

/** The delegate at the counter with the mandate this desk knows (the core judges whether it is active). */
export async function delegateOf(store: Pick<DeskStore, 'deskMandates'>, id: Identification, now: IsoInstant): Promise<DeskDelegate | null> {
  if (id.collector !== 'DELEGATE' || !id.delegate) return null;
  const mandates = await store.deskMandates.listBetween(id.recipientTaxId, id.delegate.taxId);
  const toCore = (m: (typeof mandates)[number]) => ({ mandateId: m.mandateId, delegatorTaxId: m.delegatorTaxId, validFrom: m.validFrom, validTo: m.validTo });
  const base = { taxId: id.delegate.taxId, denomination: id.delegate.denomination, delegateType: id.delegate.delegateType };
  const active = mandates.find((m) => hasActiveMandate({ ...base, mandate: toCore(m) }, id.recipientTaxId, now));
  const chosen = active ?? mandates[0];
  return { ...base, mandate: chosen ? toCore(chosen) : null };
}

/** Local key of a notified document: its file-store link, else its SEND digest (content-addressed). */
export function documentKey(d: NotificationDocument): string {
  return d.ref ?? base64ToHex(d.digests.sha256);
}

async function assertActFiles(store: Pick<DeskStore, 'files'>, record: NotificationRecord, plan: readonly PlannedDocument[]): Promise<void> {
  for (const p of plan) {
    if (p.kind !== 'ACT' || !p.available || p.docIndex === null) continue;
    const doc = record.notification.documents[p.docIndex];
    if (!doc || !(await store.files.has(documentKey(doc)))) {
      throw new DomainError('ACT_DOCUMENT_MISSING', { title: doc?.title ?? String(p.docIndex), iun: record.notification.iun });
    }
  }
}

/** ACT: the notification of a QR or IUN, if the identified person may collect it now. */
export async function actInquiry(store: DeskStore, id: Identification, target: { iun?: string | undefined; qrCode?: string | undefined }, now: IsoInstant, printLimit: number): Promise<InquiryResult> {
  const { iun, qrRecipientIndex } = await resolveActTarget(store, target);
  const record = await store.notifications.getByIun(iun);
  const delegate = await delegateOf(store, id, now);
  const printCount = record ? await store.raddTransactions.countCompletedAct(iun, id.recipientTaxId) : 0;
  const r = checkActInquiry({
    notification: record?.notification, derived: record?.derived, recipientTaxId: id.recipientTaxId, delegate, now,
    printCountForRecipient: printCount, printLimit, readFrom: qrRecipientIndex === null ? 'IUN' : 'QR',
  });
  if (!r.ok) throw toDomainError(r);
  const found = record as NotificationRecord;
  // An AAR QR belongs to one recipient (DOMAIN.md 13): the core's rule, after the notification's own checks.
  if (qrRecipientIndex !== null) {
    const owned = checkAarQrOwnership({ notification: found.notification, qrRecipientIndex, recipientTaxId: id.recipientTaxId, delegate, now });
    if (!owned.ok) throw toDomainError(owned);
  }
  const plan = actPlan(iun, r.recipientIndex, r.documents);
  await assertActFiles(store, found, plan);
  return { mode: 'ACT', items: [{ record: found, recipientIndex: r.recipientIndex, item: notificationItem(found.notification, found.derived, r.recipientIndex, now) }], plan, delegate, printCount };
}

/** AOR: the notices of a tax code found unreachable and not collected yet (DOMAIN.md 10 step 2). */
export async function aorInquiry(store: DeskStore, id: Identification, now: IsoInstant): Promise<InquiryResult> {
  const pending = await store.notifications.listPendingByTaxId(id.recipientTaxId, 'UNREACHABLE');
  const loaded = await Promise.all(pending.map(async (p) => {
    const record = await store.notifications.getByIun(p.iun);
    return record ? { record, timeline: await store.timeline.listByIun(p.iun) } : undefined;
  }));
  const records = loaded.filter((l): l is NonNullable<typeof l> => l !== undefined);
  const byIun = new Map(records.map((r) => [r.record.notification.iun, r.record]));
  const candidates = selectAorNotifications({ recipientTaxId: id.recipientTaxId, records: records.map((r) => ({ ...r.record, timeline: r.timeline })) }, now);
  if (candidates.length === 0) throw new DomainError('AOR_NOTHING_PENDING');
  const items = candidates.map((c) => {
    const record = byIun.get(c.iun) as NotificationRecord;
    return { record, recipientIndex: c.recipientIndex, item: notificationItem(record.notification, record.derived, c.recipientIndex, now) };
  });
  return { mode: 'AOR', items, plan: aorPlan(candidates), delegate: await delegateOf(store, id, now), printCount: 0 };
}
