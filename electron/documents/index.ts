// Documents and printing: the PDFs a RADD desk hands out (DOMAIN.md 6, 9, 10, 10.1).
// Renderers are functions of typed view models; each returns the PDF bytes and their SHA-256
// (storage is the blob store's job). Fonts are loaded once per process; no network, no file access.
export { renderAar } from './aar.js';
export { renderLegalFact, legalFactTitle } from './legal-facts.js';
export { renderDeskReceipt, renderCoverSheet } from './desk.js';
export { buildPrintBundle, loadChecked } from './bundle.js';
export { aarInputFrom, legalFactInputFrom, recipientView, digestHex } from './view-models.js';
export type { AarOptions, LegalFactSource } from './view-models.js';
export { initPdfEngine, sha256Hex } from './engine.js';
export { formatRomeDateTime, formatRomeDate } from './format.js';
export type * from './types.js';
