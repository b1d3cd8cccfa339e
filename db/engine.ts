// The core engine as the store uses it: full derivation, incremental apply, and the elementId an
// input element gets (DOMAIN.md 4.1 step 1, 5). The only file of db/ that names engine functions.
export { applyElement, createEngineState, deriveNotification, rebuildEngineState, stateToDerived, type EngineState } from '../core/index.js';
import { normalizeElement, type DomainWarning, type TimelineCategory, type TimelineElement } from '../core/index.js';

/**
 * The element as the store keeps it: the input as written (business time as written, so that a
 * re-derivation sees exactly what the incremental path saw), with its elementId filled in from
 * the DOMAIN.md 5 pattern when absent. Undefined (and an error appended) for an invalid element.
 */
export function toStoredElement(
  input: unknown,
  ctx: { iun: string; recipientCount: number },
  errors: DomainWarning[],
): TimelineElement | undefined {
  const e = normalizeElement(input, ctx, errors);
  if (e === undefined) return undefined;
  const raw = input as { at: string; details?: Record<string, unknown> };
  const out: TimelineElement = { elementId: e.elementId, category: e.category as TimelineCategory, at: raw.at, details: raw.details ?? {} };
  if (e.rec >= 0) out.recipientIndex = e.rec;
  return out;
}
