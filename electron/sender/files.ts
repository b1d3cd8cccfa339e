// Files of the detail screen: a legal fact's PDF (the stored one when SEND's PDF is on this
// computer, else rendered by the documents module from its producing element: DOMAIN.md 6) and a
// notified document, re-hashed and compared with the digest in the notification.
import { createHash } from 'node:crypto';
import { DomainError, formatInstant, type Notification } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import { legalFactInputFrom, renderLegalFact } from '../documents/index.js';
import type { SenderFileView } from '../api/contract/sender-views.js';

const PDF = 'application/pdf';

function fileName(iun: string, suffix: string): string {
  return `${iun}-${suffix}`.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 150) + '.pdf';
}

/** The digest of the notification (SEND's base64, or hex) equals the bytes' SHA-256. */
export function digestMatches(digest: string, bytes: Uint8Array): boolean {
  const hash = createHash('sha256').update(bytes).digest();
  if (/^[0-9a-fA-F]{64}$/.test(digest)) return hash.toString('hex') === digest.toLowerCase();
  return hash.toString('base64') === digest;
}

export async function legalFactFile(store: Store, notification: Notification, legalFactId: string, nowMs: number): Promise<SenderFileView> {
  const iun = notification.iun;
  const fact = (await store.legalFacts.listByIun(iun)).find((f) => f.id === legalFactId);
  if (!fact) throw new DomainError('SENDER_LEGAL_FACT_NOT_FOUND', { iun, legalFactId });
  const name = fileName(iun, `${fact.type}-${fact.recipientIndex ?? 'N'}-${legalFactId.slice(-6)}`);
  if (fact.fileRef) {
    const bytes = await store.files.read(fact.fileRef);
    return { fileName: name, contentType: PDF, sha256: fact.fileRef, base64: bytes.toString('base64') };
  }
  const timeline = await store.timeline.listByIun(iun);
  const element = timeline.find((e) => e.elementId === fact.elementId);
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
  return { fileName: fileName(iun, doc.title), contentType: doc.contentType, sha256: doc.ref, base64: bytes.toString('base64') };
}
