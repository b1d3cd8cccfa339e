// Seeded pseudo-random numbers for the simulator: core has no randomness of its own (STYLE.md 4),
// so every draw comes from a generator built from the caller's seed. mulberry32: tiny, fast,
// good enough for demo data; NOT for anything security-related.

export interface Rng {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** Integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A new independent generator derived from this one and a label (stable sub-streams). */
  fork(label: string): Rng;
}

/** 32-bit hash of a string (FNV-1a followed by a murmur3 finaliser), to turn text seeds into numbers. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The seed as an unsigned 32-bit integer: numbers are truncated, strings hashed. */
export function seedOf(seed: number | string): number {
  return typeof seed === 'number' ? Math.trunc(seed) >>> 0 : hashSeed(seed);
}

/** A mulberry32 generator. The same seed always yields the same sequence. */
export function createRng(seed: number | string): Rng {
  let state = seedOf(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  const rng: Rng = {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    fork: (label) => createRng(hashSeed(`${label}:${int(0x7fffffff)}`)),
  };
  return rng;
}

/** A UUID v4-shaped identifier drawn from the generator (operationIds of simulated desk views). */
export function uuidFrom(rng: Rng): string {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + rng.int(4)).toString(16)}${hex(3)}-${hex(12)}`;
}
