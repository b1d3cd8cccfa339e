// Reusable input schemas. Each identifier schema calls the core parser, so the rule exists once;
// a failure carries the core's stable code in `params.code`, which dispatch turns into the
// clerk-facing message of that code (DOMAIN.md 2).
import { z } from 'zod';
import { parseIun, parseRecipientTaxId } from '../../../core/index.js';

type ParseResult<T> = { ok: true; value: T } | { ok: false; code: string; params?: Record<string, string | number> };

function fromParser<T>(parse: (input: string) => ParseResult<T>) {
  return z.string().transform((raw, ctx): T => {
    const result = parse(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.code, params: { code: result.code, ...(result.params ?? {}) } });
    return z.NEVER;
  });
}

/** An IUN typed or scanned by a person: strict check (DOMAIN.md 2.1). */
export const iunSchema = fromParser(parseIun);

/** A recipient's tax id typed by a person: codice fiscale or 11-digit number (DOMAIN.md 2.2-2.3). */
export const taxIdSchema = fromParser((raw: string) => parseRecipientTaxId(raw));

export const recipientTypeSchema = z.enum(['PF', 'PG']);

/**
 * Options of a cross-field check (superRefine) that must run even when another field already
 * failed: by default zod skips it, and the clerk would learn of an empty tax code only after
 * fixing every other field. The check then sees the values as sent, so it tests their types.
 */
export const alongOtherErrors = {
  when: (payload: z.core.ParsePayload): boolean => typeof payload.value === 'object' && payload.value !== null,
};

/** What a cross-field check receives under alongOtherErrors: the fields as sent, not yet checked. */
export type Unchecked = Record<string, unknown>;

/**
 * The id a screen gives a write it sends (a UUID v4, kept while its draft stays the same): sent again
 * after its answer was lost, the same request gets the same answer and nothing is recorded twice
 * (electron/api/answer-once.ts). Optional: a caller without it is served as before.
 */
export const requestIdSchema = z.string().trim().toLowerCase().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'UUID v4');
