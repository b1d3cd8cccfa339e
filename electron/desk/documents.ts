// The papers of an operation (DOMAIN.md 9, 6, 10.1): each row of the plan becomes a PDF in the
// content-addressed store (acts read and verified, AAR and attestations rendered once and linked,
// the cover page rendered for each print), then one bundle in SEND's order. Renderers are the
// documents module's; nothing here decides what a paper says.
import { randomUUID } from 'node:crypto';
import { buildAarToken, DomainError, inBothLanguages, isDomainError, type IsoInstant, type LocalizedText, type TimelineElement } from '../../core/index.js';
import type { DeskDocumentRecord, DeskOperationRecord } from '../../db/repositories/desk-queries.js';
import type { NotificationRecord } from '../../db/repositories/notifications-repo.js';
import type { Store } from '../../db/store.js';
import {
  aarInputFrom,
  buildPrintBundle,
  legalFactInputFrom,
  renderAar,
  renderCoverSheet,
  renderLegalFact,
  type BundleDocument,
  type DeskView,
  type PrintBundle,
} from '../documents/index.js';
import { deskView } from './context.js';
import { documentKey } from './inquiry.js';
import { COVER_TITLE } from './plan.js';

export type DocumentsStore = Pick<Store, 'notifications' | 'timeline' | 'legalFacts' | 'aarTokens' | 'deskRecords' | 'settings' | 'files'>;

export interface Produced {
  position: number;
  kind: DeskDocumentRecord['kind'];
  title: string;
  /** The title in both languages: an error naming the document says it in the reader's language. */
  titles: LocalizedText;
  pdf: Buffer;
  sha256: string;
}

/** Per-call cache: one notification and one timeline read per IUN. */
class Loader {
  private readonly records = new Map<string, Promise<NotificationRecord | undefined>>();
  private readonly timelines = new Map<string, Promise<TimelineElement[]>>();
  constructor(private readonly store: DocumentsStore) {}
  record(iun: string): Promise<NotificationRecord | undefined> {
    if (!this.records.has(iun)) this.records.set(iun, this.store.notifications.getByIun(iun));
    return this.records.get(iun)!;
  }
  timeline(iun: string): Promise<TimelineElement[]> {
    if (!this.timelines.has(iun)) this.timelines.set(iun, this.store.timeline.listByIun(iun));
    return this.timelines.get(iun)!;
  }
}

async function recordOf(loader: Loader, iun: string | null): Promise<NotificationRecord> {
  const r = iun ? await loader.record(iun) : undefined;
  if (!r) throw new DomainError('NOTIFICATION_NOT_FOUND', { iun: iun ?? '' });
  return r;
}

async function actPdf(store: DocumentsStore, r: NotificationRecord, docIndex: number): Promise<Buffer> {
  const doc = r.notification.documents[docIndex];
  const params = { title: doc?.title ?? String(docIndex), iun: r.notification.iun };
  if (!doc) throw new DomainError('ACT_DOCUMENT_MISSING', params);
  try {
    return await store.files.read(documentKey(doc));
  } catch (e) {
    if (isDomainError(e) && e.code === 'DOCUMENT_MISSING') throw new DomainError('ACT_DOCUMENT_MISSING', params);
    throw e;
  }
}

/** The recipient's AAR: the stored one, else rendered once with its token (kept for QR look-ups, DOMAIN.md 9). */
async function aarPdf(store: DocumentsStore, r: NotificationRecord, recipientIndex: number, generatedAt: IsoInstant): Promise<Buffer> {
  const iun = r.notification.iun;
  const ref = await store.notifications.getAarRef(iun, recipientIndex);
  if (ref && (await store.files.isIntact(ref))) return store.files.read(ref);
  let token = (await store.aarTokens.listByIun(iun)).find((t) => t.recipientIndex === recipientIndex)?.token;
  if (!token) {
    const recipientType = r.notification.recipients[recipientIndex]?.recipientType ?? 'PF';
    token = buildAarToken(iun, `${recipientType}-${randomUUID()}`, randomUUID());
    await store.aarTokens.put(token, iun, recipientIndex);
  }
  const rendered = await renderAar(aarInputFrom(r.notification, recipientIndex, { token, generatedAt }));
  await store.files.put(rendered.buffer);
  await store.notifications.setAarRef(iun, recipientIndex, rendered.sha256);
  return rendered.buffer;
}

/** The desk that served a RADD view, for its attestation (details.raddTransactionId -> desk log). */
async function deskOfView(store: DocumentsStore, element: TimelineElement): Promise<DeskView | undefined> {
  const id = element.details.raddTransactionId;
  if (typeof id !== 'string') return undefined;
  const op = await store.deskRecords.get(id);
  return op ? deskView(store, op.record.deskId) : undefined;
}

/** An attestation: the stored PDF, else rendered from its producing element and linked. */
export async function legalFactPdf(store: DocumentsStore, loader: Loader, iun: string, legalFactId: string, generatedAt: IsoInstant): Promise<Buffer> {
  const fact = (await store.legalFacts.listByIun(iun)).find((f) => f.id === legalFactId);
  if (!fact) throw new DomainError('DOCUMENT_MISSING', { sha256: legalFactId });
  if (fact.fileRef && (await store.files.isIntact(fact.fileRef))) return store.files.read(fact.fileRef);
  const timeline = await loader.timeline(iun);
  const element = timeline.find((e) => e.elementId === fact.elementId);
  if (!element) throw new DomainError('DOCUMENT_MISSING', { sha256: legalFactId });
  const desk = fact.type === 'RECIPIENT_ACCESS' ? await deskOfView(store, element) : undefined;
  const r = await recordOf(loader, iun);
  const rendered = await renderLegalFact(legalFactInputFrom({ notification: r.notification, legalFact: fact, element, timeline, ...(desk ? { desk } : {}), generatedAt }));
  await store.files.put(rendered.buffer);
  await store.legalFacts.setFileRef(iun, legalFactId, rendered.sha256);
  return rendered.buffer;
}

async function pdfOf(store: DocumentsStore, loader: Loader, op: DeskOperationRecord, d: DeskDocumentRecord, generatedAt: IsoInstant, recipientTaxId: string): Promise<Buffer> {
  switch (d.kind) {
    case 'COVER_PAGE':
      // DOMAIN.md 10.1: only the recipient's name, laid over the acts.
      return (await renderCoverSheet({ recipientName: op.recipientDenomination ?? recipientTaxId, generatedAt })).buffer;
    case 'ACT':
      return actPdf(store, await recordOf(loader, d.iun), d.docIndex ?? 0);
    case 'AAR':
      return aarPdf(store, await recordOf(loader, d.iun), d.recipientIndex ?? 0, generatedAt);
    case 'LEGAL_FACT':
      return legalFactPdf(store, loader, d.iun ?? '', d.legalFactId ?? '', generatedAt);
  }
}

/** Each requested row as a stored PDF with its checksum. */
export async function produceDocuments(
  store: DocumentsStore,
  op: { record: DeskOperationRecord; recipientTaxId: string },
  rows: readonly DeskDocumentRecord[],
  generatedAt: IsoInstant,
): Promise<Produced[]> {
  const loader = new Loader(store);
  const out: Produced[] = [];
  for (const d of rows) {
    const pdf = await pdfOf(store, loader, op.record, d, generatedAt, op.recipientTaxId);
    const { sha256 } = await store.files.put(pdf);
    out.push({ position: d.position, kind: d.kind, title: d.title.it, titles: d.title, pdf, sha256 });
  }
  return out;
}

/** One PDF in SEND's order: cover, acts, AAR(s), attestations (DOMAIN.md 10.1). */
export async function assembleBundle(store: DocumentsStore, produced: readonly Produced[], generatedAt: IsoInstant): Promise<PrintBundle> {
  const pick = (kind: Produced['kind']): BundleDocument[] => produced.filter((p) => p.kind === kind).map((p) => ({ title: p.title, pdf: p.pdf }));
  const cover = pick('COVER_PAGE')[0];
  // The document is named in both languages (our own words, not data): the message, and the
  // DESK_PRINT_FAILED whose reason it becomes, say it in the reader's language of now.
  if (!cover) throw new DomainError('DOCUMENT_EMPTY', inBothLanguages('title', COVER_TITLE));
  let bundle: PrintBundle;
  try {
    bundle = await buildPrintBundle({ cover, acts: pick('ACT'), aars: pick('AAR'), attestations: pick('LEGAL_FACT'), generatedAt });
  } catch (e) {
    throw namedInBothLanguages(e, produced);
  }
  await store.files.put(bundle.buffer);
  return bundle;
}

/**
 * The bundle names a document it cannot merge by the one title it was given (the Italian one): the
 * error names it in both languages instead, so that an English message has no Italian title in it.
 */
function namedInBothLanguages(e: unknown, produced: readonly Produced[]): unknown {
  if (!isDomainError(e) || (e.code !== 'DOCUMENT_EMPTY' && e.code !== 'DOCUMENT_CORRUPTED')) return e;
  const doc = produced.find((p) => p.title === e.params.title);
  if (!doc) return e;
  const { title: _title, ...rest } = e.params;
  return new DomainError(e.code, { ...rest, ...inBothLanguages('title', doc.titles) });
}

export { Loader as DocumentLoader };
