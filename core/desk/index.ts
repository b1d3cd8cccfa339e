// RADD desk rules (DOMAIN.md 10, 10.1, 13): pure functions the desk screens and the radd adapter use.
export * from './result-codes.js';
export { deskFailure, toDomainError, type DeskFailure, type DeskParams } from './result.js';
export * from './transaction.js';
export * from './act-inquiry.js';
export * from './aar-qr.js';
export * from './mandates.js';
export * from './printable-documents.js';
export * from './aor.js';
export * from './completion.js';
export * from './identity-document.js';
export * from './history-search.js';
export * from './delegate.js';
