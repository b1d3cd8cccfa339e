// The bulk generator behind `npm run seed` and the store benchmark: valid identifiers, the
// long-tailed recipients, and in-flight notifications whose timeline is a prefix of a simulated one.
import { describe, expect, it } from 'vitest';
import { parseIun, parseRecipientTaxId } from '../../core/index.js';
import { bulkBatches } from './bulk.js';

const all = (opts: Parameters<typeof bulkBatches>[0]) => [...bulkBatches(opts)].flat();

describe('bulkBatches', () => {
  it('yields the count asked in batches of the size asked, with unique valid IUNs', () => {
    const batches = [...bulkBatches({ count: 1050, batchSize: 500 })];
    expect(batches.map((b) => b.length)).toEqual([500, 500, 50]);
    const iuns = batches.flat().map((i) => i.notification.iun);
    expect(new Set(iuns).size).toBe(1050);
    for (const iun of iuns.slice(0, 50)) expect(parseIun(iun).ok).toBe(true);
  });

  it('draws recipients from a long-tailed pool: some tax codes have many notifications', () => {
    const counts = new Map<string, number>();
    for (const i of all({ count: 3000, templates: 300 })) for (const r of i.notification.recipients) counts.set(r.taxId, (counts.get(r.taxId) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(5);
    for (const taxId of [...counts.keys()].slice(0, 50)) expect(parseRecipientTaxId(taxId).ok).toBe(true);
  });

  it('an in-flight timeline is a time-ordered prefix of the same template\'s full timeline', () => {
    const full = all({ count: 400, seed: 3 });
    const cut = all({ count: 400, seed: 3, inFlight: 1 });
    let shorter = 0;
    cut.forEach((c, i) => {
      const whole = [...(full[i]!.elements ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
      const part = c.elements ?? [];
      expect(part.length).toBeGreaterThanOrEqual(1);
      expect(part).toEqual(whole.slice(0, part.length));
      if (part.length < whole.length) shorter++;
    });
    expect(shorter).toBeGreaterThan(300);
  });

  it('the in-flight share brings a store to the element count asked by the store benchmark (~5 a notification)', () => {
    const items = all({ count: 4000, templates: 400, inFlight: 0.9 });
    const mean = items.reduce((a, i) => a + (i.elements?.length ?? 0), 0) / items.length;
    const fullMean = all({ count: 4000, templates: 400 }).reduce((a, i) => a + (i.elements?.length ?? 0), 0) / 4000;
    expect(mean).toBeGreaterThan(4);
    expect(mean).toBeLessThan(7);
    expect(fullMean).toBeGreaterThan(2 * mean);
  });
});
