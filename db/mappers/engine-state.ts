// The stored form of the core's EngineState (notification_engine_states.engine_state). The state
// names the same elementIds many times over: each one in `appliedIds`, then again in the status
// history (`related`, the cause, the completion gate), in `completedBy` and in the recipients'
// folds (workflow end, term base, first view, legal facts...). Stored as is, that is ~6.3 KB of
// JSON for a full paper timeline of ~15 elements, two thirds of it elementIds repeated.
//
// Compact form (`c: 1`): every elementId after `appliedIds` that is one of them is written as its
// position there (a number; an elementId is always a string, so the two cannot be confused), a
// legal fact's id `<elementId>~<type>[~n]` as what follows its elementId (`x`), and in
// `appliedIds` an elementId that names the notification's IUN once as the pair of what comes
// before and after it. Everything else is written as the core left it, fields the codec does not
// know included, so that a field added to the state later is kept without a change here. A state
// stored before this form (no `c`) is read as it is. decodeEngineState(encodeEngineState(s))
// deep-equals s (db/mappers tests).
//
// Cost (core bench, `core.apply_cost_with_state_json` vs `_with_plain_json`): a state's round trip
// takes 49–69 µs instead of 34–46 as plain JSON on this machine, for 40 % fewer bytes stored. A store
// makes one round trip per notification per append call (a sync page: one per notification in it),
// and there SQLite's work dominates: sync.file_update_rate did not move.
import type { EngineState } from '../engine.js';

const COMPACT = 1;

type Obj = Record<string, unknown>;

interface Codec {
  id(v: unknown): unknown;
}

// The walk copies only the objects on the way to an elementId, with spreads, and never deletes a
// key (a deleted key turns a V8 object into a slow dictionary: it tripled the walk's cost). A key
// the state does not have is not added; an undefined value written is dropped by JSON.stringify.

function walkRef(c: Codec, ref: unknown): unknown {
  if (ref === null || typeof ref !== 'object') return ref;
  return { ...(ref as Obj), id: c.id((ref as Obj).id) };
}

function encodeFact(c: Codec, fact: unknown): unknown {
  const f = fact as Obj;
  const { elementId, id } = f;
  if (typeof id === 'string' && typeof elementId === 'string' && id.startsWith(`${elementId}~`)) {
    return { ...f, elementId: c.id(elementId), id: undefined, x: id.slice(elementId.length) };
  }
  return { ...f, elementId: c.id(elementId) };
}

function decodeFact(c: Codec, fact: unknown): unknown {
  const f = fact as Obj;
  if (typeof f.x !== 'string') return { ...f, elementId: c.id(f.elementId) };
  const { x, ...rest } = f;
  const elementId = c.id(f.elementId);
  return { ...rest, id: `${String(elementId)}${x as string}`, elementId };
}

const REF_FIELDS = ['firstView', 'end', 'okDigitalFeedback', 'lastOkAnalogFeedback', 'firstAnalogFailure'] as const;

function walkRecipient(c: Codec, recipient: unknown, encoding: boolean): unknown {
  const r = recipient as Obj;
  const out: Obj = { ...r };
  for (const k of REF_FIELDS) if (k in r) out[k] = walkRef(c, r[k]);
  const term = r.term as Obj | null | undefined;
  if (term !== null && term !== undefined) out.term = { ...term, base: walkRef(c, term.base) };
  if (Array.isArray(r.scheduled)) out.scheduled = r.scheduled.map((s) => ({ ...(s as Obj), id: c.id((s as Obj).id) }));
  if (Array.isArray(r.legalFacts)) out.legalFacts = r.legalFacts.map((f) => (encoding ? encodeFact(c, f) : decodeFact(c, f)));
  return out;
}

function walkCause(c: Codec, cause: Obj): Obj {
  const out: Obj = { ...cause, elementId: c.id(cause.elementId) };
  const gate = cause.gate as Obj | undefined;
  if (gate !== undefined && gate !== null) out.gate = { ...gate, completionElementIds: (gate.completionElementIds as unknown[]).map((id) => c.id(id)) };
  return out;
}

function walkHistory(c: Codec, entry: Obj): Obj {
  const out: Obj = { ...entry, related: (entry.related as unknown[]).map((id) => c.id(id)) };
  if (entry.cause !== undefined && entry.cause !== null) out.cause = walkCause(c, entry.cause as Obj);
  return out;
}

/** The parts of the state that name elementIds, each rewritten by `c`; the rest as it is. */
function walk(state: Obj, c: Codec, encoding: boolean): Obj {
  const status = state.status as Obj;
  return {
    ...state,
    // The sort key of the last element applied: [at ms, rank, recipient, elementId].
    last: Array.isArray(state.last) ? state.last.map((v, i) => (i === 3 ? c.id(v) : v)) : state.last,
    status: {
      ...status,
      completedBy: (status.completedBy as unknown[]).map((id) => (id === null ? null : c.id(id))),
      history: (status.history as Obj[]).map((h) => walkHistory(c, h)),
    },
    recipients: (state.recipients as unknown[]).map((r) => walkRecipient(c, r, encoding)),
  };
}

/** An elementId naming `iun` once: [before, after]; any other as it is. */
function withoutIun(id: string, iun: string): string | [string, string] {
  const at = iun === '' ? -1 : id.indexOf(iun);
  if (at < 0 || id.indexOf(iun, at + 1) >= 0) return id;
  return [id.slice(0, at), id.slice(at + iun.length)];
}

function withIun(stored: unknown, iun: string): string {
  if (typeof stored === 'string') return stored;
  if (Array.isArray(stored) && stored.length === 2 && typeof stored[0] === 'string' && typeof stored[1] === 'string') return `${stored[0]}${iun}${stored[1]}`;
  throw new Error(`engine state: unreadable applied elementId ${JSON.stringify(stored)}`);
}

/** The JSON text stored for `state` (compact form). */
export function encodeEngineState(state: EngineState): string {
  const positions = new Map<string, number>();
  state.appliedIds.forEach((id, i) => positions.set(id, i));
  const codec: Codec = { id: (v) => (typeof v === 'string' ? (positions.get(v) ?? v) : v) };
  const out = walk(state as unknown as Obj, codec, true);
  out.appliedIds = state.appliedIds.map((id) => withoutIun(id, state.iun));
  return JSON.stringify({ c: COMPACT, ...out });
}

/** The state stored as `text` (compact form, or the plain JSON of states stored before it). */
export function decodeEngineState(text: string): EngineState {
  const parsed = JSON.parse(text) as Obj;
  if (parsed.c !== COMPACT) return parsed as unknown as EngineState;
  const { c: _form, ...stored } = parsed;
  const ids = (stored.appliedIds as unknown[]).map((id) => withIun(id, String(stored.iun)));
  stored.appliedIds = ids;
  const codec: Codec = {
    id: (v: unknown): unknown => {
      if (typeof v !== 'number') return v;
      const id = ids[v];
      if (id === undefined) throw new Error(`engine state: element reference ${v} out of range (${ids.length} applied)`);
      return id;
    },
  };
  return walk(stored, codec, false) as unknown as EngineState;
}
