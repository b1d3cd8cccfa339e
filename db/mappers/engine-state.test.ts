// The stored form of the engine state gives back exactly the state it was made from, at every step
// of every simulated timeline and every scenario, and the next element applied to the state read
// back gives what it gives to the original; a state stored before the compact form is still read.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DomainWarning, TimelineElement } from '../../core/index.js';
import { applyElement, createEngineState, rebuildEngineState, toStoredElement, type EngineState } from '../engine.js';
import { bulkBatches } from '../seed/bulk.js';
import { decodeEngineState, encodeEngineState } from './engine-state.js';

interface Timeline {
  name: string;
  notification: { iun: string; sentAt: string; recipientCount: number };
  elements: TimelineElement[];
}

function stored(iun: string, recipientCount: number, inputs: readonly unknown[]): TimelineElement[] {
  const errors: DomainWarning[] = [];
  return inputs.map((e) => toStoredElement(e, { iun, recipientCount }, errors)).filter((e): e is TimelineElement => e !== undefined);
}

function simulated(count: number): Timeline[] {
  const out: Timeline[] = [];
  for (const batch of bulkBatches({ count, batchSize: count, seed: 11 })) {
    for (const { notification: n, elements = [] } of batch) {
      out.push({ name: n.iun, notification: { iun: n.iun, sentAt: n.sentAt, recipientCount: n.recipients.length }, elements: stored(n.iun, n.recipients.length, elements) });
    }
  }
  return out;
}

function scenarios(): Timeline[] {
  const root = fileURLToPath(new URL('../../tests/scenarios/', import.meta.url));
  return readdirSync(root).filter((f) => f.endsWith('.json')).map((f) => {
    const s = JSON.parse(readFileSync(join(root, f), 'utf8')) as { notification: { iun: string; sentAt: string; recipients: unknown[] }; events: unknown[] };
    const n = s.notification;
    return { name: f, notification: { iun: n.iun, sentAt: n.sentAt, recipientCount: n.recipients.length }, elements: stored(n.iun, n.recipients.length, s.events) };
  });
}

/** Every state the store may keep for `t`: after each element applied in arrival order (rebuilt when the engine asks). */
function* statesOf(t: Timeline): Generator<{ state: EngineState; next: TimelineElement | undefined }> {
  let state = createEngineState(t.notification);
  for (let i = 0; i < t.elements.length; i++) {
    yield { state, next: t.elements[i] };
    const r = applyElement(state, t.elements[i]!);
    state = r.outcome === 'needs-rederive' ? rebuildEngineState(t.notification, t.elements.slice(0, i + 1)).state : r.state;
  }
  yield { state, next: undefined };
}

const roundTrip = (s: EngineState) => decodeEngineState(encodeEngineState(s));
/** The state as the store had it before the compact form: plain JSON. */
const plain = (s: EngineState) => JSON.parse(JSON.stringify(s)) as EngineState;

describe('stored engine state', () => {
  const timelines = [...simulated(400), ...scenarios()];

  it('reads back every state of every timeline exactly, and the next element gives the same result on it', () => {
    let states = 0;
    for (const t of timelines) {
      for (const { state, next } of statesOf(t)) {
        const back = roundTrip(state);
        expect(back, t.name).toEqual(plain(state));
        if (next) expect(plain(applyElement(back, next) as unknown as EngineState), t.name).toEqual(plain(applyElement(plain(state), next) as unknown as EngineState));
        states++;
      }
    }
    expect(states).toBeGreaterThan(4000);
  });

  it('is under two thirds of the plain JSON of a full timeline', () => {
    let compact = 0;
    let json = 0;
    for (const t of timelines) {
      const { state } = rebuildEngineState(t.notification, t.elements);
      compact += encodeEngineState(state).length;
      json += JSON.stringify(state).length;
    }
    expect(compact / json).toBeLessThan(0.65);
  });

  it('reads a state stored as plain JSON before the compact form', () => {
    const t = timelines[0]!;
    const { state } = rebuildEngineState(t.notification, t.elements);
    expect(decodeEngineState(JSON.stringify(state))).toEqual(plain(state));
  });

  it('keeps elementIds that are not among the applied ones, and fields it does not know', () => {
    const t = timelines[0]!;
    const { state } = rebuildEngineState(t.notification, t.elements);
    const odd = plain(state);
    odd.status.history[0]!.related.push('NOT.APPLIED.ELEMENT');
    odd.appliedIds.push(`TWICE.IUN_${odd.iun}.${odd.iun}`, `[".IUN_${odd.iun}"]`);
    (odd as unknown as Record<string, unknown>).later = { added: true };
    (odd.recipients[0] as unknown as Record<string, unknown>).extra = [1, 2];
    expect(roundTrip(odd)).toEqual(odd);
  });

  it('refuses a reference outside the applied elements', () => {
    const t = timelines[0]!;
    const { state } = rebuildEngineState(t.notification, t.elements);
    const text = encodeEngineState(state).replace('"related":[]', `"related":[${state.appliedIds.length + 5}]`);
    expect(() => decodeEngineState(text)).toThrow(/out of range/);
  });
});
