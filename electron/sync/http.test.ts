import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkShape, parseRetryAfter } from './http.js';

describe('http helpers', () => {
  it('reads Retry-After in the unit of the operation, or as an HTTP date', () => {
    expect(parseRetryAfter('3', 's', 0)).toBe(3000);
    expect(parseRetryAfter('250', 'ms', 0)).toBe(250);
    expect(parseRetryAfter('Tue, 10 Mar 2026 09:00:10 GMT', 's', Date.parse('2026-03-10T09:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null, 's', 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 's', 0)).toBeUndefined();
  });

  it('names the first field that breaks the shape, with the code the caller chose', () => {
    const schema = z.object({ a: z.object({ b: z.number() }) });
    expect(() => checkShape(schema, { a: { b: 'x' } }, 'SYNC_SCHEMA_VIOLATION', 'SEND', 'op')).toThrow(expect.objectContaining({ code: 'SYNC_SCHEMA_VIOLATION', params: { peer: 'SEND', operation: 'op', path: 'a.b' } }));
    expect(() => checkShape(schema, {}, 'SYNC_REQUEST_INVALID', 'SEND', 'op')).toThrow(expect.objectContaining({ code: 'SYNC_REQUEST_INVALID', transient: false }));
  });
});
