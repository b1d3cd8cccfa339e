// The arithmetic of the codice fiscale (DOMAIN.md 2.2): tables, check letter, omocodia, name codes.
// Validation and the branded type live in tax-id.ts.

/** Month letters, January..December. */
export const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Omocodia substitutes: the letter at index d replaces digit d. */
export const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** 0-based positions that may hold an omocodia letter (1-based 7, 8, 10, 11, 13, 14, 15). */
export const OMOCODIA_POSITIONS: readonly number[] = [6, 7, 9, 10, 12, 13, 14];

// Odd-position values for A..Z; a digit d counts like the d-th letter (0/A, 1/B, ... 9/J).
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const A = 'A'.charCodeAt(0);

function oddValue(c: string): number {
  const index = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - A;
  return ODD_VALUES[index] ?? 0;
}

function evenValue(c: string): number {
  return c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - A;
}

/** Check letter over the first 15 characters as written (omocodia letters included). */
export function codiceFiscaleCheckChar(code: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = code.charAt(i).toUpperCase();
    // Position i + 1 is odd (1, 3, ...) for even i.
    sum += i % 2 === 0 ? oddValue(c) : evenValue(c);
  }
  return String.fromCharCode(A + (sum % 26));
}

/** The code with omocodia letters turned back into digits in the positions that allow them. */
export function decodeOmocodia(code: string): string {
  const chars = [...code];
  for (const p of OMOCODIA_POSITIONS) {
    const d = OMOCODIA_LETTERS.indexOf(chars[p] ?? '');
    if (d >= 0) chars[p] = String(d);
  }
  return chars.join('');
}

/** Upper-case A-Z letters only: accents dropped (À -> A), apostrophes and spaces removed. */
function lettersOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

function split(text: string): { consonants: string; vowels: string } {
  const letters = lettersOf(text);
  return { consonants: letters.replace(/[AEIOU]/g, ''), vowels: letters.replace(/[^AEIOU]/g, '') };
}

/** Surname part: consonants, then vowels, then X padding, first three. */
export function surnameCode(surname: string): string {
  const { consonants, vowels } = split(surname);
  return (consonants + vowels + 'XXX').slice(0, 3);
}

/** Name part: with 4 or more consonants the 1st, 3rd and 4th; otherwise like the surname. */
export function nameCode(name: string): string {
  const { consonants, vowels } = split(name);
  if (consonants.length >= 4) return consonants.charAt(0) + consonants.charAt(2) + consonants.charAt(3);
  return (consonants + vowels + 'XXX').slice(0, 3);
}
