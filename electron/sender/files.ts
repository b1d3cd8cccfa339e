// Files of the detail screen: a legal fact's PDF (the stored one when SEND's PDF is on this
// computer, else rendered by the documents module from its producing element: DOMAIN.md 6) and a
// notified document, re-hashed and compared with the digest in the notification.
import { createHash } from 'node:crypto';
import { DomainError, formatInstant, formatRomeReadable, legalFactTitleOf, type Locale, type Notification } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import type { StoredLegalFact } from '../../db/repositories/legal-facts-repo.js';
import { pdfFileName } from '../desk/file-names.js';
import { legalFactInputFrom, renderLegalFact } from '../documents/index.js';
import type { SenderFileView } from '../api/contract/sender-views.js';

const PDF = 'application/pdf';

/** A Rome time in a file name: 23-11-2026 14.05 (no "/" or ":", which file systems refuse). */
const fileTime = (iso: string) => formatRomeReadable(Date.parse(iso)).slice(0, 16).replace(/\//g, '-').replace(':', '.');

/**
 * What a legal fact is called on the clerk's disk: its title in their language, the recipient it
 * concerns and its time, "<IUN> - Ricevuta PEC - 23-11-2026 14.05 - Mario Rossi.pdf". Two facts
 * that would read the same (the scans of one postal event) are numbered "(1)", "(2)" in the
 * notification's order, so a second download never replaces the first.
 */
export function legalFactFileName(notification: Notification, facts: readonly StoredLegalFact[], fact: StoredLegalFact, producedBy: string | undefined, locale: Locale): string {
  const recipient = fact.recipientIndex === undefined ? '' : (notification.recipients[fact.recipientIndex]?.denomination ?? '');
  const same = facts.filter((f) => f.type === fact.type && f.recipientIndex === fact.recipientIndex && f.at === fact.at);
  const when = same.length > 1 ? `${fileTime(fact.at)} (${same.indexOf(fact) + 1})` : fileTime(fact.at);
  // The recipient last: a name cut at the length limit still leaves the title, time and number.
  return pdfFileName(notification.iun, [legalFactTitleOf(fact, producedBy)[locale], when, recipient].filter(Boolean).join(' - '));
}

/** The digest of the notification (SEND's base64, or hex) equals the bytes' SHA-256. */
export function digestMatches(digest: string, bytes: Uint8Array): boolean {
  const hash = createHash('sha256').update(bytes).digest();
  if (/^[0-9a-fA-F]{64}$/.test(digest)) return hash.toString('hex') === digest.toLowerCase();
  return hash.toString('base64') === digest;
}

export async function legalFactFile(store: Store, notification: Notification, legalFactId: string, nowMs: number, locale: Locale): Promise<SenderFileView> {
  const iun = notification.iun;
  const facts = await store.legalFacts.listByIun(iun);
  const fact = facts.find((f) => f.id === legalFactId);
  if (!fact) throw new DomainError('SENDER_LEGAL_FACT_NOT_FOUND', { iun, legalFactId });
  const timeline = await store.timeline.listByIun(iun);
  const element = timeline.find((e) => e.elementId === fact.elementId);
  const name = legalFactFileName(notification, facts, fact, element?.category, locale);
  if (fact.fileRef) {
    const bytes = await store.files.read(fact.fileRef);
    return { fileName: name, contentType: PDF, sha256: fact.fileRef, base64: bytes.toString('base64') };
  }
  if (!element) throw new DomainError('SENDER_LEGAL_FACT_NOT_FOUND', { iun, legalFactId });
  const pdf = await renderLegalFact(legalFactInputFrom({ notification, legalFact: fact, element, timeline, generatedAt: formatInstant(nowMs) }));
  return { fileName: name, contentType: PDF, sha256: pdf.sha256, base64: pdf.buffer.toString('base64') };
}

export async function documentFile(store: Store, notification: Notification, docIndex: number): Promise<SenderFileView> {
  const doc = notification.documents[docIndex];
  const iun = notification.iun;
  if (!doc?.ref || !(await store.files.has(doc.ref))) throw new DomainError('SENDER_DOCUMENT_NOT_FOUND', { iun, docIndex });
  // read() re-hashes against the local key; the notification's own digest is checked as well.
  const bytes = await store.files.read(doc.ref);
  if (!digestMatches(doc.digests.sha256, bytes)) throw new DomainError('DOCUMENT_CHECKSUM_MISMATCH', { expected: doc.digests.sha256 });
  return { fileName: pdfFileName(iun, doc.title), contentType: doc.contentType, sha256: doc.ref, base64: bytes.toString('base64') };
}
