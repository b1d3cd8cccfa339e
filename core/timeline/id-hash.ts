// A cheap hash of an elementId, computed while the id is built (DOMAIN.md 4.1 step 1 compares
// elementIds). Built ids are concatenated strings: comparing or hashing one makes the JS engine
// copy it into a flat string first, which costs more than the whole rest of the element. The
// hash is over the characters (h = 31h + c, 32-bit), so equal ids have equal hashes however they
// were assembled; different hashes prove the ids differ, equal ones are checked with ===.

/** The hash of `s` appended to a text whose hash is `h`. */
export function hashAppend(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

/** A constant piece of an id with its hash and 31^length (to append it without reading it). */
export interface HashedPiece {
  text: string;
  hash: number;
  pow: number;
}

export function hashedPiece(text: string): HashedPiece {
  let pow = 1;
  for (let i = 0; i < text.length; i++) pow = Math.imul(pow, 31);
  return { text, hash: hashAppend(0, text), pow };
}

/** The hash of a piece appended to a text whose hash is `h`. */
export function appendPiece(h: number, p: HashedPiece): number {
  return (Math.imul(h, p.pow) + p.hash) | 0;
}
