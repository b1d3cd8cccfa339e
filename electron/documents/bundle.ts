// The print bundle of one desk pickup: one PDF in the fixed order of DOMAIN.md 10.1 (cover sheet,
// notified acts, AAR, attestations), merged with pdf-lib. Every input is checked before merging:
// an empty or unreadable act stops the bundle with a typed error naming it, so the desk never
// prints a half-broken file.
import { PDFDocument } from 'pdf-lib';
import { DomainError } from '../../core/index.js';
import { withDigest } from './engine.js';
import type { BundleDocument, BundleSection, BundleSectionKind, PrintBundle, PrintBundleParts } from './types.js';

const PDF_HEADER = Buffer.from('%PDF-');
const PDF_EOF = Buffer.from('%%EOF');
/** The header may follow a few bytes of junk; the end marker may be followed by some padding. */
const HEADER_WINDOW = 1024;
const EOF_WINDOW = 4096;

function corrupted(doc: BundleDocument, reason: string): DomainError {
  return new DomainError('DOCUMENT_CORRUPTED', { title: doc.title, reason });
}

/** Parses one input PDF, or throws DOCUMENT_EMPTY / DOCUMENT_CORRUPTED with its title. */
export async function loadChecked(doc: BundleDocument): Promise<PDFDocument> {
  const bytes = Buffer.from(doc.pdf.buffer, doc.pdf.byteOffset, doc.pdf.byteLength);
  if (bytes.length === 0) throw new DomainError('DOCUMENT_EMPTY', { title: doc.title });
  if (bytes.subarray(0, HEADER_WINDOW).indexOf(PDF_HEADER) < 0) throw corrupted(doc, 'no PDF header');
  // A file cut short (interrupted download) has lost its final end-of-file marker.
  if (bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW)).indexOf(PDF_EOF) < 0) throw corrupted(doc, 'truncated');
  let pdf: PDFDocument;
  let pages: number;
  try {
    pdf = await PDFDocument.load(bytes, { throwOnInvalidObject: true, updateMetadata: false });
    // pdf-lib parses leniently; a file without a usable page tree only fails when asked for pages.
    pages = pdf.getPageCount();
  } catch (e) {
    throw corrupted(doc, e instanceof Error ? e.name : 'unreadable');
  }
  if (pages === 0) throw new DomainError('DOCUMENT_EMPTY', { title: doc.title });
  return pdf;
}

async function copyInto(out: PDFDocument, src: PDFDocument, doc: BundleDocument) {
  try {
    return await out.copyPages(src, src.getPageIndices());
  } catch (e) {
    throw corrupted(doc, e instanceof Error ? e.name : 'unreadable page');
  }
}

function ordered(parts: PrintBundleParts): Array<[BundleSectionKind, BundleDocument]> {
  return [
    ['COVER', parts.cover],
    ...parts.acts.map((d): [BundleSectionKind, BundleDocument] => ['ACT', d]),
    ...parts.aars.map((d): [BundleSectionKind, BundleDocument] => ['AAR', d]),
    ...parts.attestations.map((d): [BundleSectionKind, BundleDocument] => ['ATTESTATION', d]),
  ];
}

/**
 * One PDF with cover, acts, AAR(s) and attestations in this order, and where each landed.
 * PEC receipts are not part of what a desk hands out (DOMAIN.md 10.1): leave them out of `parts`.
 */
export async function buildPrintBundle(parts: PrintBundleParts): Promise<PrintBundle> {
  const inputs = ordered(parts);
  // Check every input first: nothing is merged if any of them is unusable.
  const loaded = await Promise.all(inputs.map(([, doc]) => loadChecked(doc)));
  const out = await PDFDocument.create({ updateMetadata: false });
  const sections: BundleSection[] = [];
  for (const [i, [kind, doc]] of inputs.entries()) {
    const src = loaded[i]!;
    const pages = await copyInto(out, src, doc);
    sections.push({ kind, title: doc.title, firstPage: out.getPageCount() + 1, pageCount: pages.length });
    for (const page of pages) out.addPage(page);
  }
  // Neutral metadata: the bundle travels with the recipient's papers (no subject, no names).
  const generated = new Date(parts.generatedAt);
  out.setTitle('Documenti SEND');
  out.setProducer('RADD Desk');
  out.setCreationDate(generated);
  out.setModificationDate(generated);
  const buffer = Buffer.from(await out.save());
  return { ...withDigest(buffer), pageCount: out.getPageCount(), sections };
}
