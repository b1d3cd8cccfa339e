// The stable error codes: the union of every area's catalogue keys.
// Each area keeps its own catalogue file in ./catalog (Italian and English side by side),
// so that adding a code is one edit in one file; this file only merges them.
import { commonCatalog } from './catalog/common.js';
import { storeCatalog } from './catalog/store.js';
import { documentsCatalog } from './catalog/documents.js';
import { deskCatalog } from './catalog/desk.js';
import { simulatorCatalog } from './catalog/simulator.js';
import { timelineCatalog } from './catalog/timeline.js';
import { identifiersCatalog } from './catalog/identifiers.js';
import { paperCatalog } from './catalog/paper.js';
import { syncCatalog } from './catalog/sync.js';
import { authCatalog } from './catalog/auth.js';
import { senderCatalog } from './catalog/sender.js';
import { postalCatalog } from './catalog/postal.js';
import { deskCounterCatalog } from './catalog/desk-counter.js';
import { printingCatalog } from './catalog/printing.js';
import { firstRunCatalog } from './catalog/first-run.js';
import { deskMandatesCatalog } from './catalog/desk-mandates.js';
import { inputCatalog } from './catalog/input.js';
import type { Catalog, CatalogEntry } from './catalog/types.js';
import { readableParam } from './readable-params.js';

export const catalog = {
  ...commonCatalog,
  ...identifiersCatalog,
  ...paperCatalog,
  ...storeCatalog,
  ...documentsCatalog,
  ...deskCatalog,
  ...simulatorCatalog,
  ...timelineCatalog,
  ...syncCatalog,
  ...authCatalog,
  ...senderCatalog,
  ...postalCatalog,
  ...deskCounterCatalog,
  ...printingCatalog,
  ...firstRunCatalog,
  ...deskMandatesCatalog,
  ...inputCatalog,
} satisfies Catalog;

export type ErrorCode = keyof typeof catalog;

export type Locale = 'it' | 'en';

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(catalog, code);
}

/**
 * The clerk-facing message of a code in a locale, placeholders filled; an ISO instant or day among
 * the params is written dd/mm/yyyy (HH:MM, Europe/Rome), never as the machine's ISO text; a number
 * with decimals takes the locale's decimal separator ("16,2").
 */
export function messageFor(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const entry: CatalogEntry = catalog[code];
  return entry[locale].replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? readableParam(params[key]!, locale) : m));
}
