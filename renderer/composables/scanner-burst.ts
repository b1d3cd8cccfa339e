// A barcode/QR scanner types like a keyboard: a burst of keystrokes far faster than anyone types,
// then Enter (or Tab). Its first characters arrive before anything can tell it is a scanner, so
// they are only counted here; the decision is taken at the Enter, from the whole burst.

/**
 * Longest pause between two keystrokes of one burst. A scanner stays far under it; a person
 * typing a code does not come near it for most of their keys. Taken for a scanner by mistake, a
 * person's code is read as the scan it looks like, or, typed into "Codice fiscale", only their
 * Enter is held back: never worse than one more Enter.
 */
export const BURST_GAP_MS = 70;
/** Longest pause before the scanner's Enter/Tab (some send the suffix a little later). */
export const BURST_END_GAP_MS = 500;
/** The shortest code the counter reads is a tax code of a company: 11 digits. */
export const BURST_MIN_CHARS = 8;
/**
 * A page busy changing screen can hold a scanner's keystrokes back: a burst then arrives in fast
 * runs with pauses between them. Keys closer than this are kept together, and a code read from
 * them when most of its keys came fast (a person's keys almost never do).
 */
export const BURST_PAUSE_MS = 1000;
const MIN_FAST_SHARE = 0.5;
const MAX_KEPT = 2048;

export interface Keystroke {
  key: string;
  /** Milliseconds (the event's timeStamp). */
  at: number;
  /** An IME composition, or Ctrl/Alt/Meta held: never a scanner's character. */
  composing?: boolean;
  modified?: boolean;
  /** Where the key went (the field and its value before), given back with the burst it is part of. */
  origin?: unknown;
}

export interface Burst {
  text: string;
  /** The `origin` of each of its keys, in order. */
  origins: unknown[];
}

export interface BurstReader {
  /** Takes one keydown; returns the burst when this key is the Enter/Tab that ends one. */
  read(k: Keystroke): Burst | null;
  /** Characters kept so far (empty after a long pause, a non-character key, or a burst's end). */
  readonly pending: string;
}

/** `accepts` says whether a text is a code (the burst of a scanner is read only as one). */
export function createBurstReader(accepts: (text: string) => boolean = () => true): BurstReader {
  let keys: Array<{ key: string; at: number; origin: unknown }> = [];
  const forget = () => {
    keys = [];
  };
  /** Keys from `from` on, if they make a code typed mostly fast. */
  const codeFrom = (from: number): Burst | null => {
    const part = keys.slice(from);
    if (part.length < BURST_MIN_CHARS) return null;
    const fast = part.filter((k, i) => i > 0 && k.at - part[i - 1]!.at <= BURST_GAP_MS).length;
    const text = part.map((k) => k.key).join('');
    return fast >= MIN_FAST_SHARE * (part.length - 1) && accepts(text) ? { text, origins: part.map((k) => k.origin) } : null;
  };
  const fastAt = (i: number) => i > 0 && keys[i]!.at - keys[i - 1]!.at <= BURST_GAP_MS;
  /**
   * The longest code ending the keys that starts a fast run: a page that held the scanner back
   * split it, and all of it is the code (cut at a pause, a link's tail would pass for a token).
   * A key alone before a pause is a person's and is left out.
   */
  const code = (): Burst | null => {
    for (let from = 0; from <= keys.length - BURST_MIN_CHARS; from++) {
      if (fastAt(from) || !fastAt(from + 1)) continue;
      const found = codeFrom(from);
      if (found !== null) return found;
    }
    return null;
  };
  return {
    read(k) {
      if (k.composing || k.modified) return void forget(), null;
      // Scanners hold Shift for capitals, as a keyboard does: it is part of the burst.
      if (k.key === 'Shift') return null;
      const last = keys[keys.length - 1];
      if (k.key.length === 1) {
        if (last && k.at - last.at > BURST_PAUSE_MS) forget();
        if (keys.length >= MAX_KEPT) keys.shift();
        keys.push({ key: k.key, at: k.at, origin: k.origin });
        return null;
      }
      const ends = (k.key === 'Enter' || k.key === 'Tab') && last !== undefined && k.at - last.at <= BURST_END_GAP_MS;
      const found = ends ? code() : null;
      forget();
      return found;
    },
    get pending() {
      return keys.map((k) => k.key).join('');
    },
  };
}

export type DeskCodeKind = 'QR' | 'IUN' | 'TAX_ID';

const LOOKS_LIKE_URL = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const LOOKS_LIKE_TOKEN = /^[A-Za-z0-9_-]{32,}$/;
const LOOKS_LIKE_IUN = /^[A-Z]{4}-?[A-Z]{4}-?[A-Z]{4}-?[0-9]{6}-?[A-Z]-?[0-9]$/;
const LOOKS_LIKE_TAX_ID = /^(?:[A-Z0-9]{16}|[0-9]{11})$/;

/**
 * What the counter's start field would take `text` for, by shape only, as the host tells them apart
 * (electron/desk/input.ts): an AAR QR (link or token), an IUN, a tax code; null for anything else
 * (a reason typed in a dialog is not a scan). The host still parses it and gives the real verdict.
 */
export function deskCodeKind(text: string): DeskCodeKind | null {
  const raw = text.trim();
  if (LOOKS_LIKE_URL.test(raw) || LOOKS_LIKE_TOKEN.test(raw)) return 'QR';
  const upper = raw.toUpperCase();
  if (LOOKS_LIKE_IUN.test(upper)) return 'IUN';
  if (LOOKS_LIKE_TAX_ID.test(upper)) return 'TAX_ID';
  return null;
}
