// The detail screen of one notification: recipients with their own state and refinement date
// (DOMAIN.md 8.3), DELIVERED paper sub-labels (DOMAIN.md 13), RADD pickups, availability of acts
// and AAR (DOMAIN.md 13), documents, payments, the timeline in the engine's order with Italian
// labels and legal facts (DOMAIN.md 5, 6), the status history and the core's explanations.
import {
  availabilityLimits,
  currentStatusLabel,
  deliveredSubLabel,
  deliveryChannelOf,
  deriveNotification,
  explainRefinement,
  explainStatus,
  findTransition,
  formatInstant,
  isErrorCode,
  legalFactTitleOf,
  messageFor,
  outcomeLabel,
  prepareTimeline,
  labelledStatusHistory,
  SUB_LABEL_TEXT,
  timelineCategoryLabel,
  timelineElementDescription,
  type DerivedNotification,
  type LegalFact,
  type Locale,
  type LocalizedText,
  type Notification,
  type NotificationRecipient,
  type PhysicalAddress,
  type TimelineElement,
} from '../../core/index.js';
import type { RaddPickupView, SenderDetailView, SenderLegalFactView, SenderRecipientView, SenderRefusalView, SenderSendProblemView } from '../api/contract/sender-views.js';
import { parseFailureText } from '../sync/errors.js';
import type { OutboxItem } from '../sync/types.js';

export interface DetailSource {
  notification: Notification;
  derived: DerivedNotification;
  /** The stored elements (any order): the core orders them. */
  elements: readonly TimelineElement[];
  documentsStored: readonly boolean[];
  awaitingSend: boolean;
  /** The outbox item carrying the request to SEND of a notification created here, if any. */
  sendItem?: OutboxItem;
  sendIun: string | null;
  nowMs: number;
}

/** A request to SEND that failed and is not sent yet: retried, or stopped for an administrator. */
export function sendProblemOf(item: OutboxItem | undefined): SenderSendProblemView | null {
  if (!item || item.state === 'done' || (item.attempts === 0 && item.state !== 'parked')) return null;
  const failure = parseFailureText(item.lastError);
  const message = (locale: Locale) => (failure ? (isErrorCode(failure.code) ? messageFor(failure.code, locale, failure.params) : failure.code) : '');
  return {
    parked: item.state === 'parked',
    attempts: item.attempts,
    error: failure ? { code: failure.code, message: { it: message('it'), en: message('en') } } : null,
  };
}

const PAPER_CATEGORIES = new Set(['SEND_ANALOG_PROGRESS', 'SEND_ANALOG_FEEDBACK']);

export function formatAddress(a: PhysicalAddress | undefined): string | null {
  if (!a) return null;
  const head = [a.at ? `c/o ${a.at}` : '', a.address, a.addressDetails ?? ''].filter(Boolean).join(', ');
  const place = [a.zip, a.municipality, a.municipalityDetails, a.province ? `(${a.province})` : '', a.foreignState].filter(Boolean).join(' ');
  return `${head} — ${place}`;
}

/** DOMAIN.md 13: the sub-label of the last paper event code of a recipient, shown on DELIVERED. */
function subLabelOf(ordered: readonly TimelineElement[], recipientIndex: number): LocalizedText | null {
  const codes = ordered
    .filter((e) => e.recipientIndex === recipientIndex && PAPER_CATEGORIES.has(e.category) && typeof e.details.deliveryDetailCode === 'string')
    .map((e) => e.details.deliveryDetailCode as string);
  const label = deliveredSubLabel(codes);
  return label ? SUB_LABEL_TEXT[label] : null;
}

function availabilityOf(refinementDate: string | null, nowMs: number) {
  const l = availabilityLimits(refinementDate);
  const iso = (ms: number | null) => (ms === null ? null : formatInstant(ms));
  return {
    actsUntil: iso(l.actsUntil),
    actsAvailable: l.actsUntil === null || nowMs <= l.actsUntil,
    aarUntil: iso(l.aarUntil),
    aarAvailable: l.aarUntil === null || nowMs <= l.aarUntil,
    legalFactsUntil: iso(l.legalFactsUntil),
  };
}

const steps = (s: { rule: string; text: LocalizedText }[]) => s.map(({ rule, text }) => ({ rule, text }));

function recipientView(src: DetailSource, full: DerivedNotification, ordered: readonly TimelineElement[], r: NotificationRecipient, i: number): SenderRecipientView {
  const state = src.derived.perRecipient[i];
  const outcome = state?.outcome ?? 'IN_PROGRESS';
  return {
    recipientIndex: i,
    denomination: r.denomination,
    taxId: r.taxId,
    recipientType: r.recipientType,
    digitalDomicile: r.digitalDomicile?.address ?? null,
    physicalAddress: formatAddress(r.physicalAddress),
    outcome,
    outcomeLabel: outcomeLabel(outcome, src.derived.status),
    channel: deliveryChannelOf(outcome),
    viewedAt: state?.viewedAt ?? null,
    termDate: state?.termDate ?? null,
    refinementDate: state?.refinementDate ?? null,
    refinedBy: state?.refinedBy ?? null,
    subLabel: src.derived.status === 'DELIVERED' ? subLabelOf(ordered, i) : null,
    availability: availabilityOf(state?.refinementDate ?? null, src.nowMs),
    payments: (r.payments ?? []).map((p) => ({ noticeCode: p.noticeCode, creditorTaxId: p.creditorTaxId, amountCents: p.amountCents ?? null, dueDate: p.dueDate ?? null })),
    explanation: steps(explainRefinement(full, i)),
  };
}

/** RADD pickups (DOMAIN.md 13): ACT views with a raddType, AOR retrievals; by the recipient or a delegate. */
function raddPickups(ordered: readonly TimelineElement[], n: Notification): RaddPickupView[] {
  return ordered
    .filter((e) => (e.category === 'NOTIFICATION_VIEWED' && typeof e.details.raddType === 'string') || e.category === 'NOTIFICATION_RADD_RETRIEVED')
    .map((e) => {
      const i = e.recipientIndex ?? 0;
      const d = e.details.delegateInfo as { taxId?: unknown; denomination?: unknown } | undefined | null;
      return {
        recipientIndex: i,
        recipientName: n.recipients[i]?.denomination ?? '',
        at: e.at,
        kind: e.category === 'NOTIFICATION_VIEWED' ? 'ACT' : 'AOR',
        by: d ? 'DELEGATE' : 'RECIPIENT',
        delegate: d ? { taxId: String(d.taxId ?? ''), denomination: String(d.denomination ?? '') } : null,
      } satisfies RaddPickupView;
    });
}

/** SEND's refusal (DOMAIN.md 5 row 4): the REQUEST_REFUSED element and its reasons, for the detail's banner. */
export function refusalOf(ordered: readonly TimelineElement[]): SenderRefusalView | null {
  const e = ordered.find((x) => x.category === 'REQUEST_REFUSED');
  if (!e) return null;
  const reasons = Array.isArray(e.details.refusalReasons) ? (e.details.refusalReasons as unknown[]) : [];
  return {
    at: e.at,
    reasons: reasons.flatMap((r) => {
      if (!r || typeof r !== 'object') return [];
      const { errorCode, detail } = r as { errorCode?: unknown; detail?: unknown };
      return typeof errorCode === 'string' || typeof detail === 'string'
        ? [{ errorCode: typeof errorCode === 'string' ? errorCode : '', detail: typeof detail === 'string' && detail ? detail : null }]
        : [];
    }),
  };
}

function legalFactViews(derived: DerivedNotification, byId: ReadonlyMap<string, TimelineElement>): SenderLegalFactView[] {
  const facts: LegalFact[] = [...derived.notificationLegalFacts, ...derived.perRecipient.flatMap((r) => r.legalFacts)];
  return facts.map((f) => ({
    id: f.id, type: f.type, title: legalFactTitleOf(f, byId.get(f.elementId)?.category), at: f.at, recipientIndex: f.recipientIndex ?? null, elementId: f.elementId,
  }));
}

/** Builds the detail view; the explanations come from a full derivation of the stored timeline. */
export function buildDetail(src: DetailSource): SenderDetailView {
  const n = src.notification;
  const engineNotification = { iun: n.iun, sentAt: n.sentAt, recipientCount: n.recipients.length };
  const ordered = prepareTimeline(engineNotification, src.elements).elements;
  const full = deriveNotification(engineNotification, src.elements).result;
  const byId = new Map(ordered.map((e) => [e.elementId, e]));
  const legalFacts = legalFactViews(src.derived, byId);
  const factsByElement = new Map<string, SenderLegalFactView[]>();
  for (const f of legalFacts) factsByElement.set(f.elementId, [...(factsByElement.get(f.elementId) ?? []), f]);
  const recipients = n.recipients.map((r, i) => recipientView(src, full, ordered, r, i));
  return {
    iun: n.iun,
    sentAt: n.sentAt,
    subject: n.subject,
    abstract: n.abstract ?? null,
    senderDenomination: n.senderDenomination,
    senderTaxId: n.senderTaxId,
    paProtocolNumber: n.paProtocolNumber ?? null,
    group: n.group ?? null,
    physicalCommunicationType: n.physicalCommunicationType,
    status: src.derived.status,
    statusLabel: currentStatusLabel(src.derived),
    subLabel: recipients.find((r) => r.subLabel !== null)?.subLabel ?? null,
    // VIEWED reads in the history as in the header badge (DOMAIN.md 3 and 8.3).
    statusHistory: labelledStatusHistory(src.derived),
    raddPickups: raddPickups(ordered, n),
    recipients,
    documents: n.documents.map((d, i) => ({ docIndex: i, title: d.title, contentType: d.contentType, sha256: d.digests.sha256, stored: src.documentsStored[i] ?? false })),
    timeline: ordered.map((e) => ({
      elementId: e.elementId,
      category: e.category,
      label: timelineCategoryLabel(e.category),
      description: timelineElementDescription(e),
      at: e.at,
      recipientIndex: e.recipientIndex ?? null,
      recipientName: e.recipientIndex === undefined ? null : (n.recipients[e.recipientIndex]?.denomination ?? null),
      legalFacts: factsByElement.get(e.elementId) ?? [],
    })),
    legalFacts,
    statusExplanation: steps(explainStatus(full)),
    cancellable: findTransition(src.derived.status, 'NOTIFICATION_CANCELLED', n.recipients.length) !== undefined,
    awaitingSend: src.awaitingSend,
    sendProblem: src.awaitingSend ? sendProblemOf(src.sendItem) : null,
    sendIun: src.sendIun,
    refusal: src.derived.status === 'REFUSED' ? refusalOf(ordered) : null,
  };
}
