// A stable fingerprint of an element's details, used only to order two elements that share an
// elementId and tie on everything else (DOMAIN.md 4.1 step 1: the kept one must not depend on
// input order). Canonical JSON (keys sorted) hashed with cyrb53 (53-bit, public domain).
// The canonical text is not built: its pieces are hashed as they are produced (the incremental
// engine fingerprints every element it applies, and building the text cost more than the rest).

// cyrb53 state while hashing one text (the hashing is synchronous, so one state is enough).
let h1 = 0;
let h2 = 0;

function feed(s: string): void {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
}

/**
 * Feeds JSON.stringify(s) without building it: quotes around the text itself, unless a character
 * would be escaped (control, quote, backslash, surrogate): then the state is restored and the
 * JSON text is fed instead.
 */
function feedString(s: string): void {
  const s1 = h1;
  const s2 = h2;
  feed('"');
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 0x20 || ch === 0x22 || ch === 0x5c || (ch >= 0xd800 && ch <= 0xdfff)) {
      h1 = s1;
      h2 = s2;
      feed(JSON.stringify(s));
      return;
    }
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  feed('"');
}

/** Feeds what JSON.stringify prints for a scalar, 'null' for what JSON leaves out. */
function feedScalar(v: unknown): void {
  if (typeof v === 'string') feedString(v);
  else if (typeof v === 'number') feed(Number.isFinite(v) ? String(v) : 'null');
  else if (typeof v === 'boolean') feed(v ? 'true' : 'false');
  else feed(JSON.stringify(v) ?? 'null'); // null, undefined, functions, symbols; throws on a bigint, as JSON does
}

/** Object.keys sorted by code units, as Array.prototype.sort does (insertion sort: few keys). */
function sortedKeys(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj);
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > k) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

/** Feeds the canonical JSON of `v`: JSON for scalars ('null' for what JSON leaves out), keys sorted. */
function feedCanonical(v: unknown): void {
  if (typeof v !== 'object' || v === null) {
    feedScalar(v);
    return;
  }
  if (Array.isArray(v)) {
    feed('[');
    for (let i = 0; i < v.length; i++) {
      if (i > 0) feed(',');
      feedCanonical(v[i]);
    }
    feed(']');
    return;
  }
  const obj = v as Record<string, unknown>;
  const keys = sortedKeys(obj);
  feed('{');
  let first = true;
  for (const k of keys) {
    if (obj[k] === undefined) continue;
    if (!first) feed(',');
    first = false;
    feedString(k);
    feed(':');
    feedCanonical(obj[k]);
  }
  feed('}');
}

const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => (i < 16 ? '0' : '') + i.toString(16));

/**
 * The 53-bit value 2^32 * hi + lo (hi < 2^21) as 14 hex digits, zero-padded: what
 * `value.toString(16).padStart(14, '0')` prints, byte by byte from a table (toString(16) of a
 * double is very slow).
 */
function hex14(hi: number, lo: number): string {
  return HEX[hi >>> 16]! + HEX[(hi >>> 8) & 255]! + HEX[hi & 255]! + HEX[lo >>> 24]! + HEX[(lo >>> 16) & 255]! + HEX[(lo >>> 8) & 255]! + HEX[lo & 255]!;
}

/** Fingerprint of a details object: equal for equal content whatever the key order. */
export function detailsFingerprint(details: Record<string, unknown>): string {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  feedCanonical(details);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex14(2097151 & h2, h1 >>> 0);
}
