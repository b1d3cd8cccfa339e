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
  return entry[locale].replace(/\{(\w+)\}/g, (m, key: string) => {
    const inner = innerReason(params, key);
    if (inner && renderable(inner.code, inner.params)) return messageFor(inner.code, locale, inner.params);
    if (key in params) return readableParam(params[key]!, locale);
    const own = params[key + '.' + locale];
    return own === undefined ? m : readableParam(own, locale);
  });
}

/**
 * A param that is our own words (a document's title we name, "Frontespizio" / "Cover page"), not
 * data: it travels in both languages, as `<name>.it` and `<name>.en`, and messageFor takes the one
 * of the message's language, so that no Italian word is left inside an English message.
 */
export function inBothLanguages(name: string, text: { it: string; en: string }): Record<string, string> {
  return { [name + '.it']: text.it, [name + '.en']: text.en };
}

/** Whether a param is sent in both languages (inBothLanguages). */
function hasBoth(params: Record<string, string | number>, key: string): boolean {
  return key + '.it' in params && key + '.en' in params;
}

/**
 * A `{reason}` that is another code's message (a batch line refused by a domain rule, a document
 * a print could not produce) travels as that code and its params, never as its text in one
 * language: `reasonCode` names the code, and each of its params is `reason.<name>`. messageFor
 * renders the reason in the same language as the outer message, at any depth. A `{detail}` works
 * the same way (`detailCode`, `detail.<name>`): a peer's refusal whose detail is our own words
 * and not the peer's text (SYNC_PEER_REJECTED).
 */
export type ReasonPlaceholder = 'reason' | 'detail';
const REASON_PLACEHOLDERS: ReadonlySet<string> = new Set<ReasonPlaceholder>(['reason', 'detail']);

/** The params of a message whose `{reason}` (or `{detail}`) is `reasonCode`'s message with `reasonParams`. */
export function withReason(
  params: Record<string, string | number>, reasonCode: ErrorCode, reasonParams: Record<string, string | number> = {},
  placeholder: ReasonPlaceholder = 'reason',
): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params, [placeholder + 'Code']: reasonCode };
  delete out[placeholder];
  for (const [key, value] of Object.entries(reasonParams)) out[placeholder + '.' + key] = value;
  return out;
}

/** The code and params of a `{reason}` or `{detail}` sent as another code's message (withReason), or null. */
function innerReason(params: Record<string, string | number>, placeholder: string): { code: ErrorCode; params: Record<string, string | number> } | null {
  if (!REASON_PLACEHOLDERS.has(placeholder)) return null;
  const code = params[placeholder + 'Code'];
  if (typeof code !== 'string' || !isErrorCode(code)) return null;
  const prefix = placeholder + '.';
  const inner: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) if (key.startsWith(prefix)) inner[key.slice(prefix.length)] = value;
  return { code, params: inner };
}

/**
 * Whether the params carry every value a code's message shows, a nested `{reason}` included: a
 * screen renders the code again only then, and shows the host's text otherwise.
 */
export function renderable(code: ErrorCode, params: Record<string, string | number> = {}): boolean {
  return placeholdersOf(code).every((key) => {
    const inner = innerReason(params, key);
    return (inner !== null && renderable(inner.code, inner.params)) || key in params || hasBoth(params, key);
  });
}

/**
 * The params a code's message shows, and only those: what may travel with the code to a screen
 * that renders the message again in another language. The rest (an internal operation name, a
 * path, a state) is for the host's log and never leaves it.
 */
export function shownParams(code: ErrorCode, params: Record<string, string | number> = {}): Record<string, string | number> {
  const shown: Record<string, string | number> = {};
  for (const key of placeholdersOf(code)) {
    const inner = innerReason(params, key);
    if (inner) {
      // The reason's own code and the params its message shows, for the screen to render both levels.
      Object.assign(shown, withReason({}, inner.code, shownParams(inner.code, inner.params), key as ReasonPlaceholder));
      continue;
    }
    const value = params[key];
    if (typeof value === 'string' || typeof value === 'number') shown[key] = value;
    else if (hasBoth(params, key)) Object.assign(shown, { [key + '.it']: params[key + '.it'], [key + '.en']: params[key + '.en'] });
  }
  return shown;
}

/** The `{param}` names a code's message shows (the same in both languages: codes.test.ts). */
export function placeholdersOf(code: ErrorCode): string[] {
  return [...catalog[code].it.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/**
 * A code with its message in a locale, and the params that message shows (absent when it shows
 * none): a screen renders it again with `messageFor` when its language changes.
 */
export interface CodedMessage {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export function codedMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): CodedMessage {
  const shown = shownParams(code, params);
  const message = messageFor(code, locale, params);
  return Object.keys(shown).length ? { code, message, params: shown } : { code, message };
}

/**
 * The one field error whose own message says what is wrong better than "check the fields": the
 * only failing field, when its code is a domain rule and not a generic INPUT_* one (a "required"
 * without the field's name says nothing). The host's VALIDATION_FAILED message and a screen
 * rendering it again follow this one rule.
 */
export function soleTellingField<T extends { code: string }>(fields: readonly T[]): T | undefined {
  return fields.length === 1 && !fields[0]!.code.startsWith('INPUT_') ? fields[0] : undefined;
}
