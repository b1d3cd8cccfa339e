// Host messages on screen follow the UI language. The host answers in the language of the request,
// and sends each error's catalogue code with the params its message shows (FieldError, ApiError,
// the `{code, message, params}` of the sync and postal views): the screen renders the text again
// with the core's catalogue in the language of now, so a clerk who switches IT↔EN never reads a
// mix; a message whose `{reason}` is another code's message comes with that code and its params
// (core withReason), and both levels are rendered. The host's own text is kept, and shown, when
// the code is not the catalogue's or a param its message needs did not come.
import { isErrorCode, messageFor, renderable, soleTellingField, type CodedMessage } from '../../core/index.js';
import { ApiCallError, apiLocale } from './client.js';

export type HostMessage = CodedMessage;

/** A host message in the UI language of now ('' for none); read in a render or a computed, it follows a switch. */
export function hostText(m: HostMessage | null | undefined): string {
  if (!m) return '';
  const locale = apiLocale();
  if (!isErrorCode(m.code)) return m.message;
  const params = m.params ?? {};
  if (!renderable(m.code, params)) return m.message;
  return messageFor(m.code, locale, params);
}

/**
 * The summary of an API error in the UI language of now: a VALIDATION_FAILED with one telling field
 * says that field's message, as the host's summary does (soleTellingField). Anything that is not an
 * API error is shown as it is.
 */
export function errorText(e: unknown): string {
  if (!(e instanceof ApiCallError)) return String(e);
  const only = e.code === 'VALIDATION_FAILED' ? soleTellingField(e.details?.fields ?? []) : undefined;
  return hostText(only ?? e);
}

/** The field messages of an API error, by field path (`path` renames them), in the UI language of now. */
export function fieldTexts(e: unknown, path: (p: string) => string = (p) => p): Record<string, string> {
  if (!(e instanceof ApiCallError)) return {};
  return Object.fromEntries((e.details?.fields ?? []).map((f) => [path(f.path), hostText(f)]));
}

/** An error as a screen keeps it: its code, and its texts rendered when read, never frozen in one language. */
export interface ShownError {
  readonly code: string;
  readonly message: string;
  /** Field path → message (the API's paths, or as `path` renamed them). */
  readonly fields: Record<string, string>;
}

/**
 * What a store or a screen keeps of a failed call: the code, with `message` and `fields` as getters
 * that render the error in the UI language each time they are read. A template or a computed reading
 * them re-renders on a language switch, with no watcher and no stored text.
 */
export function shownError(e: unknown, path?: (p: string) => string): ShownError {
  return {
    code: e instanceof ApiCallError ? e.code : 'UNEXPECTED',
    get message() {
      return errorText(e);
    },
    get fields() {
      return fieldTexts(e, path);
    },
  };
}
