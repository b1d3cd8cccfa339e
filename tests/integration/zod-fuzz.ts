// A small input generator that walks zod 4 schema definitions (`schema._zod.def`) and produces
// values that are mostly well-formed, sometimes at the limits, sometimes of the wrong type, plus
// hostile strings. Seeded, so a failing case can be replayed. Used by host-hostile.test.ts.
import type { z } from 'zod';

/** mulberry32: a tiny seeded PRNG (tests must be reproducible). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_STRINGS = [
  '', ' ', 'a', 'admin', 'clerk', '__proto__', 'constructor', 'prototype', 'toString',
  "' OR 1=1 --", '"; DROP TABLE users; --', '../../../../etc/passwd', '%00', 'nul\u0000byte', '\uFEFF', '\u202Eevil',
  '<script>alert(1)</script>', '${7*7}', '{{7*7}}', '%s%s%s%n', '\uD800', '😀'.repeat(50), 'x'.repeat(10_000),
  'QDUX-GHKP-JNAM-202603-T-1', 'qduxghkpjnam202603t1', 'RSSMRA85T10A562S', '01199250158', '20121', 'MI',
  '2026-03-12T10:00:00+01:00', '2026-02-30T25:61:00Z', '9999-12-31T23:59:59.999Z', 'RADD-MI-0001',
  'a-long-enough-password', 'ok', 'refused', 'NaN', 'null', 'true', '-1', '1e309',
];

const HOSTILE_NUMBERS = [0, -0, 1, -1, 2, 10, 29, 30, 31, 50, 200, 201, 3650, 3651, 1_000_000, 2 ** 31, -(2 ** 53), 2 ** 53 + 2, 1.5, 1e308, -1e308, Number.MIN_VALUE];

type Def = { type: string; [k: string]: unknown };

/** Sets an own property, even `__proto__` (plain assignment would change the prototype instead). */
function own(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

export class ZodFuzzer {
  constructor(private readonly random: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  /** Any JSON value, up to `depth` levels deep. */
  junk(depth = 3): unknown {
    const kind = Math.floor(this.random() * (depth > 0 ? 8 : 5));
    switch (kind) {
      case 0: return null;
      case 1: return this.chance(0.5);
      case 2: return this.pick(HOSTILE_NUMBERS);
      case 3: return this.pick(HOSTILE_STRINGS);
      case 4: return Math.floor(this.random() * 1e6).toString(36);
      case 5: return Array.from({ length: Math.floor(this.random() * 4) }, () => this.junk(depth - 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let i = Math.floor(this.random() * 4); i > 0; i--) own(o, this.pick(HOSTILE_STRINGS).slice(0, 20), this.junk(depth - 1));
        return o;
      }
    }
  }

  private string(def: Def): string {
    const checks = ((def.checks as unknown[]) ?? []).map((c) => defOf(c) as Def & { check?: string; minimum?: number; maximum?: number; format?: string; pattern?: RegExp });
    const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
    const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 40;
    if (checks.some((c) => c.format === 'datetime')) return this.chance(0.8) ? new Date(Date.UTC(2026, 0, 1) + Math.floor(this.random() * 3e10)).toISOString() : this.pick(HOSTILE_STRINGS);
    if (this.chance(0.4)) return this.pick(HOSTILE_STRINGS);
    const len = Math.max(0, min + Math.floor(this.random() * Math.max(1, Math.min(max, 64) - min + 2)) - (this.chance(0.1) ? 1 : 0));
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789.-_ ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    return Array.from({ length: len }, () => this.pick(alphabet.split(''))).join('');
  }

  /** A value for a schema: well-formed most of the time, the wrong type some of the time. */
  value(schema: unknown, depth = 0): unknown {
    if (depth > 8 || this.chance(0.06)) return this.junk(2);
    const def = defOf(schema);
    switch (def.type) {
      case 'string': return this.string(def);
      case 'number': return this.pick(HOSTILE_NUMBERS);
      case 'int': return this.pick(HOSTILE_NUMBERS);
      case 'boolean': return this.chance(0.5);
      case 'null': return null;
      case 'literal': return this.pick(def.values as unknown[]);
      case 'enum': return this.chance(0.9) ? this.pick(Object.values(def.entries as Record<string, unknown>)) : this.pick(HOSTILE_STRINGS);
      case 'optional': return this.chance(0.3) ? undefined : this.value(def.innerType, depth + 1);
      case 'nullable': return this.chance(0.2) ? null : this.value(def.innerType, depth + 1);
      case 'default': return this.chance(0.3) ? undefined : this.value(def.innerType, depth + 1);
      case 'pipe': return this.value(def.in, depth + 1);
      case 'transform': return this.junk(1);
      case 'union': return this.value(this.pick(def.options as unknown[]), depth + 1);
      case 'array': return Array.from({ length: this.chance(0.02) ? 500 : Math.floor(this.random() * 5) }, () => this.value(def.element, depth + 1));
      case 'object': return this.object(def, depth);
      default: return this.junk(2);
    }
  }

  private object(def: Def, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
      if (this.chance(0.92)) {
        const v = this.value(child, depth + 1);
        if (v !== undefined) out[key] = v;
      }
    }
    if (this.chance(0.08)) own(out, this.pick(['__proto__', 'constructor', 'extra', 'isAdmin', 'roles']), this.junk(1));
    return out;
  }

  /** An input for an operation's schema. */
  input(schema: z.ZodType): unknown {
    return this.value(schema);
  }
}
