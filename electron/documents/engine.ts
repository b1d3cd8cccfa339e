// The one pdfmake instance of the process: fonts read once, no network, no file access.
// Every renderer goes through renderPdf so that these policies cannot be forgotten.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import { installSharedFonts } from './font-cache.js';
import type { RenderedPdf } from './types.js';

/** The Roboto files pdfmake 0.3 ships (Medium stands in for bold). */
const ROBOTO_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let ready = false;

function robotoDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfmake/package.json')), 'build', 'fonts', 'Roboto');
}

/**
 * Loads the fonts into pdfmake's in-memory file system once per process and locks down resource
 * access: the documents embed everything they need, so any URL or path lookup is a bug.
 */
export function initPdfEngine(): void {
  if (ready) return;
  const dir = robotoDir();
  for (const file of Object.values(ROBOTO_FILES)) {
    if (!pdfmake.virtualfs.existsSync(file)) pdfmake.virtualfs.writeFileSync(file, readFileSync(join(dir, file)));
  }
  pdfmake.setFonts({ Roboto: { ...ROBOTO_FILES } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  installSharedFonts();
  ready = true;
}

/** Hex SHA-256 of a buffer (the key of the content-addressed blob store). */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Binary or encoded payloads, never text to normalise. */
const OPAQUE_KEYS = new Set(['image', 'qr', 'svg', 'link']);

/**
 * Composes every text to Unicode NFC in place. A name that arrives decomposed ("u" + combining
 * diaeresis, as some systems and macOS file names send it) would otherwise print and extract
 * with its accents detached or lost; composed, it uses the font's own accented letters.
 * Accessor properties (the barcode path) are left alone.
 */
export function composeText(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => (typeof item === 'string' ? (node[i] = item.normalize('NFC')) : composeText(item)));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (OPAQUE_KEYS.has(key) || Object.getOwnPropertyDescriptor(record, key)?.get) continue;
    const value = record[key];
    if (typeof value === 'string') record[key] = value.normalize('NFC');
    else if (typeof value === 'object') composeText(value);
  }
}

/** Renders a pdfmake document definition to a PDF buffer (texts composed to NFC first). */
export async function renderPdf(docDefinition: object): Promise<Buffer> {
  initPdfEngine();
  composeText(docDefinition);
  return pdfmake.createPdf(docDefinition).getBuffer();
}

/** Pairs a rendered buffer with its SHA-256. */
export function withDigest(buffer: Buffer): RenderedPdf {
  return { buffer, sha256: sha256Hex(buffer) };
}
