// The shortcuts taken for speed (built elementIds carry a hash, small lists are deduplicated
// pairwise, the details fingerprint is hashed without building its text) give exactly what the
// plain definitions give (DOMAIN.md 4.1 step 1). The references below are those definitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainWarning, TimelineElementInput } from '../model/types.js';
import { TIMELINE_CATEGORIES } from '../model/types.js';
import { compareForDedupe, dedupeElements } from './dedupe.js';
import type { NormalizedElement } from './element.js';
import { detailsFingerprint } from './fingerprint.js';
import { hashAppend } from './id-hash.js';
import { normalizeElement } from './normalize.js';

const IUN = 'QDUX-GHKP-JNAM-202603-T-1';

function norm(input: TimelineElementInput, recipientCount = 12): NormalizedElement {
  const errors: DomainWarning[] = [];
  const e = normalizeElement(input, { iun: IUN, recipientCount }, errors);
  if (e === undefined) throw new Error(JSON.stringify(errors));
  return e;
}

/** DOMAIN.md 4.1 step 1 as written: per elementId, the first (in input order) of the copies kept by compareForDedupe. */
function referenceDedupe(elements: NormalizedElement[]): Set<NormalizedElement> {
  const best = new Map<string, NormalizedElement>();
  for (const e of elements) {
    const prev = best.get(e.elementId);
    if (prev === undefined || compareForDedupe(e, prev) < 0) best.set(e.elementId, e);
  }
  return new Set(best.values());
}

/** The fingerprint as first defined: cyrb53 of the canonical JSON text. */
function canonical(v: unknown): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  const obj = v as Record<string, unknown>;
  const parts = Object.keys(obj).sort().filter((k) => obj[k] !== undefined).map((k) => JSON.stringify(k) + ':' + canonical(obj[k]));
  return '{' + parts.join(',') + '}';
}

function referenceFingerprint(details: Record<string, unknown>): string {
  const str = canonical(details);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

describe('built elementIds and their hash', () => {
  it('hash the text of the id, for every category, recipient index and segment value', () => {
    const details = [{}, { digitalAddressSource: 'PLATFORM', sentAttemptMade: 1, progressIndex: 2, digitalAddressType: 'EMAIL' },
      { correlationId: 'c-1', deliveryMode: 'DIGITAL', contactPhase: 'CHOOSE_DELIVERY', isFirstSendRetry: true, sentAttemptMade: 1.5 }];
    for (const category of TIMELINE_CATEGORIES) {
      for (const recipientIndex of [0, 7, 8, 11]) {
        for (const d of details) {
          const e = norm({ category, at: '2026-03-10T09:20:00+01:00', recipientIndex, details: d });
          expect(e.idHash, e.elementId).toBe(hashAppend(0, e.elementId));
        }
      }
    }
  });

  it('leave an id given in the input without hash, and still find it equal to the same id built', () => {
    const built = norm({ category: 'NOTIFICATION_VIEWED', at: '2026-03-10T09:20:00+01:00', recipientIndex: 0 });
    const given = norm({ category: 'NOTIFICATION_VIEWED', at: '2026-03-11T09:20:00+01:00', recipientIndex: 0, elementId: `NOTIFICATION_VIEWED.IUN_${IUN}.RECINDEX_0` });
    expect(given.idHash).toBeUndefined();
    expect(dedupeElements([given, built])).toEqual([built]);
  });
});

describe('deduplication (DOMAIN 4.1 step 1)', () => {
  const input = fc.record({
    category: fc.constantFrom('NOTIFICATION_VIEWED', 'SEND_ANALOG_FEEDBACK', 'GET_ADDRESS', 'REQUEST_ACCEPTED'),
    day: fc.integer({ min: 1, max: 3 }),
    hour: fc.integer({ min: 8, max: 9 }),
    recipientIndex: fc.integer({ min: 0, max: 1 }),
    id: fc.option(fc.constantFrom('x', 'y', 'zz', `NOTIFICATION_VIEWED.IUN_${IUN}.RECINDEX_0`), { freq: 3 }),
    detail: fc.constantFrom(0, 1, 2),
  });

  it('keeps the same elements as the definition, for short and long timelines (pairwise and hashed paths)', () => {
    fc.assert(
      fc.property(fc.array(input, { minLength: 0, maxLength: 120 }), (specs) => {
        const elements = specs.map((s) =>
          norm({
            category: s.category,
            at: `2026-03-0${s.day}T0${s.hour}:00:00+01:00`,
            recipientIndex: s.recipientIndex,
            details: { digitalAddressSource: 'PLATFORM', sentAttemptMade: s.detail % 2, raddType: s.detail },
            ...(s.id === null ? {} : { elementId: s.id }),
          }),
        );
        expect(new Set(dedupeElements(elements))).toEqual(referenceDedupe(elements));
      }),
      { numRuns: 300 },
    );
  });
});

describe('details fingerprint', () => {
  it('is cyrb53 of the canonical JSON, escapes, key order, nesting and left-out values included', () => {
    const samples: Record<string, unknown>[] = [
      {},
      { b: 1, a: 2, B: 3, '10': 4, '9': 5, '': 6, 'a\u0000': 7 },
      { text: 'tab\there "quoted" back\\slash \u2028 é 😀', lone: '\udc00', control: '\u0001' },
      { n: [0, -0, 1e21, 1e-7, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY], b: [true, false, null] },
      { gone: undefined, fn: () => 1, nested: { z: [[], {}, [undefined]], a: { deep: 'x' } } },
    ];
    for (const d of samples) expect(detailsFingerprint(d), JSON.stringify(d)).toBe(referenceFingerprint(d));
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (d) => detailsFingerprint(d) === referenceFingerprint(d)), { numRuns: 300 });
  });
});
