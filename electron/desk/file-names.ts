// What a stored PDF of the counter is called when it leaves the host (the browser's viewer and
// downloads, the desktop app's save dialog): what the desk's records say it is, "<IUN> - <title>.pdf",
// not its SHA-256. The caller only says which operation the file belongs to, so the host knows
// where to look; the name comes from that operation's own records, and a file that is not one of
// its documents, its bundle or its receipt gets a neutral name.
import type { Locale, LocalizedText } from '../../core/index.js';
import type { Store } from '../../db/store.js';
import { safeFileName } from '../content-disposition.js';

const TITLES = {
  bundle: { it: 'Plico da stampare', en: 'Print bundle' },
  receipt: { it: 'Ricevuta di consegna', en: 'Delivery receipt' },
  unknown: { it: 'Documento', en: 'Document' },
} satisfies Record<string, LocalizedText>;

/** The IUNs of an operation in a name: the one IUN, or the first and how many more (AOR). */
function iunsLabel(iuns: readonly string[]): string {
  if (iuns.length <= 1) return iuns[0] ?? '';
  return `${iuns[0]} (+${iuns.length - 1})`;
}

/** "<IUN> - <title>.pdf" (just "<title>.pdf" without an IUN), safe on every file system: the name of a PDF leaving the host. */
export function pdfFileName(iun: string, title: string): string {
  return safeFileName(`${iun ? `${iun} - ` : ''}${title}.pdf`);
}

/**
 * The file name of the stored PDF `sha256` as a document of the desk operation `operationId`:
 * one of its documents (its IUN and title), its print bundle or its receipt (the operation's
 * IUNs); "Documento <sha256 prefix>.pdf" otherwise, or without an operation.
 */
export async function storedPdfName(store: Store, sha256: string, operationId: string | undefined, locale: Locale): Promise<string> {
  const fallback = pdfFileName('', `${TITLES.unknown[locale]} ${sha256.slice(0, 12)}`);
  if (!operationId) return fallback;
  const [tx, desk] = await Promise.all([store.raddTransactions.get(operationId), store.deskRecords.get(operationId)]);
  if (!tx || !desk) return fallback;
  const iuns = iunsLabel(tx.iuns);
  const doc = desk.documents.find((d) => d.sha256 === sha256);
  if (doc) return pdfFileName(doc.iun ?? iuns, doc.title[locale] || doc.title.it);
  if (desk.record.bundleSha256 === sha256) return pdfFileName(iuns, TITLES.bundle[locale]);
  if (desk.record.receiptSha256 === sha256) return pdfFileName(iuns, TITLES.receipt[locale]);
  return fallback;
}
