// An amount in euro as a municipality's clerk types it, read without guessing: the comma is the
// decimal separator (Italian); a dot followed by one or two final digits, with no comma, is a
// decimal point too ("12.50", copied from a spreadsheet or a PDF); dots or spaces between groups
// of three digits are thousands ("1.234.567", "1 234,56"). Anything else ("12,505", "1.234.5",
// "1,234.56") is refused rather than read as another amount: PrimeVue's InputNumber turned
// "12.50" into 1.250,00 € without a word.

export type AmountProblem = 'format' | 'decimals' | 'negative' | 'tooBig';
export type AmountReading = { ok: true; cents: number | null } | { ok: false; problem: AmountProblem };

/** Up to a thousand billion euro: far above any pagoPA notice, below Number's exact integers. */
const MAX_CENTS = 100_000_000_000_000;

const GROUPED = /^\d{1,3}(?:([.\s])\d{3})?(?:\1\d{3})*$/;

/** The whole-euro part: plain digits, or groups of three split by one kind of separator. */
function euros(s: string, allowDots: boolean): string | null {
  if (s === '') return '0';
  if (/^\d+$/.test(s)) return s;
  if (!GROUPED.test(s)) return null;
  if (!allowDots && s.includes('.')) return null;
  return s.replace(/[.\s]/g, '');
}

/** Reads a typed amount: `cents: null` when nothing was typed (the amount is optional). */
export function parseAmount(raw: string): AmountReading {
  // Spaces of any kind (a no-break space from a copied "12,50 €") read as one plain space.
  let s = raw.replace(/[\s\u00A0\u202F]+/g, ' ').trim();
  s = s.replace(/^(?:€|eur|euro)\s*/i, '').replace(/\s*(?:€|eur|euro)$/i, '').trim();
  if (s === '') return raw.trim() === '' ? { ok: true, cents: null } : { ok: false, problem: 'format' };
  if (/^[-−]/.test(s)) return /\d/.test(s) ? { ok: false, problem: 'negative' } : { ok: false, problem: 'format' };
  if (s.startsWith('+')) s = s.slice(1).trim();
  if (!/^[\d.,\s]+$/.test(s) || !/\d/.test(s)) return { ok: false, problem: 'format' };

  let whole: string | null;
  let fraction = '';
  const commas = s.split(',').length - 1;
  if (commas > 1) return { ok: false, problem: 'format' };
  if (commas === 1) {
    const [intPart, decPart] = s.split(',') as [string, string];
    if (!/^\d+$/.test(decPart)) return { ok: false, problem: 'format' };
    // "12,505": three decimals, or "12.505" in the English way? Neither is guessed.
    if (decPart.length > 2) return { ok: false, problem: 'decimals' };
    whole = euros(intPart.trim(), true);
    fraction = decPart;
  } else {
    const decimal = /^(.*)\.(\d{1,2})$/.exec(s);
    if (decimal) {
      // "12.50", "0.5", "1234.56": a decimal point. Thousands dots before it would be ambiguous.
      const intPart = decimal[1]!.trim();
      if (intPart.includes('.')) return { ok: false, problem: 'format' };
      whole = euros(intPart, false);
      fraction = decimal[2]!;
    } else {
      whole = euros(s, true);
    }
  }
  if (whole === null) return { ok: false, problem: 'format' };
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { ok: false, problem: 'tooBig' };
  return { ok: true, cents };
}

/** The amount written back the Italian way, without the currency sign: 123456 -> "1.234,56". */
export function formatAmount(cents: number): string {
  const whole = Math.floor(cents / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole},${String(cents % 100).padStart(2, '0')}`;
}
