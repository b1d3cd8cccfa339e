// The `Content-Disposition` of a file the host serves to the browser (the `/files/` route), and the
// file name it carries. The name is built by the host from what the file is (an IUN and a document
// title, which may hold accents, slashes in dates, quotes): made safe for every file system, then
// sent twice as RFC 6266 asks, an ASCII `filename` for old clients and the exact UTF-8 one in
// `filename*` (RFC 5987), so a browser saves "Ricevuta della raccomandata del 23-11-2026.pdf", not
// the file's SHA-256.

export type Disposition = 'inline' | 'attachment';

const MAX_NAME = 150;

/**
 * A file name safe on Windows, macOS and Linux: no path separators (a date's "/" becomes "-"), no
 * control or reserved characters, single spaces, no leading or trailing dots and spaces, at most
 * 150 characters before the extension; `fallback` when nothing is left. The extension is kept.
 */
export function safeFileName(name: string, fallback = 'document.pdf'): string {
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  const stem = name.slice(0, name.length - ext.length)
    .normalize('NFC')
    .replace(/[/\\]/g, '-')
    // C0/C1 controls, the characters Windows reserves, and the Unicode line/paragraph separators.
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u2028\u2029]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const cut = [...stem].slice(0, MAX_NAME).join('').trimEnd();
  return cut ? `${cut}${ext}` : fallback;
}

/** The ASCII form of a safe name for the plain `filename` parameter: accents dropped, anything else outside printable ASCII as "_". */
export function asciiFileName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
}

/** RFC 5987 `value-chars`: UTF-8 percent-encoded but for the attr-chars (encodeURIComponent also leaves ' ( ) * as they are). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `inline; filename="…"; filename*=UTF-8''…` (or `attachment; …`) for a name given by the host. */
export function contentDisposition(disposition: Disposition, name: string): string {
  const safe = safeFileName(name);
  return `${disposition}; filename="${asciiFileName(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
