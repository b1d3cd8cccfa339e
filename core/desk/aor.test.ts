import { describe, expect, it } from 'vitest';
import type { TimelineElementInput } from '../model/types.js';
import { selectAorNotifications, type AorRecord } from './aor.js';
import { aDerived, aNotification } from './desk-fixtures.test-support.js';

const TAX_ID = 'RSSMRA85T10A562S';
const NOW = '2026-04-01T10:00:00+02:00';
const UNREACHABLE_AT = '2026-03-01T09:00:00+01:00';

function record(iun: string, sentAt: string, opts: { status?: Parameters<typeof aDerived>[0]; outcome?: 'UNREACHABLE' | 'ANALOG_DELIVERED'; viewedAt?: string; refinementDate?: string; extra?: TimelineElementInput[] } = {}): AorRecord {
  const derived = aDerived(opts.status ?? 'UNREACHABLE', [
    { outcome: opts.outcome ?? 'UNREACHABLE', viewedAt: opts.viewedAt ?? null, refinementDate: opts.refinementDate ?? null },
    {},
  ]);
  return {
    notification: aNotification({ iun, sentAt }),
    derived: { ...derived, iun },
    timeline: [
      { category: 'COMPLETELY_UNREACHABLE', at: UNREACHABLE_AT, recipientIndex: 0, details: {} },
      ...(opts.extra ?? []),
    ],
  };
}

const A = 'QDUX-GHKP-JNAM-202603-T-1';
const B = 'RKNA-PDXE-WQJL-202510-Y-1';

describe('AOR selection (DOMAIN.md 10 step 2, 10.1 AOR)', () => {
  it('selects the notifications where the recipient is unreachable, oldest deposit first', () => {
    const records = [record(A, '2026-02-10T09:00:00+01:00'), record(B, '2026-02-01T09:00:00+01:00')];
    const out = selectAorNotifications({ recipientTaxId: TAX_ID, records }, NOW);
    expect(out.map((c) => c.iun)).toEqual([B, A]);
    expect(out[0]).toMatchObject({ recipientIndex: 0, unreachableAt: UNREACHABLE_AT, aarAvailableUntil: null });
  });

  const excluded: Array<[string, AorRecord]> = [
    ['a recipient that was reached', record(A, '2026-02-10T09:00:00+01:00', { status: 'DELIVERED', outcome: 'ANALOG_DELIVERED' })],
    ['a cancelled notification', record(A, '2026-02-10T09:00:00+01:00', { status: 'CANCELLED' })],
    [
      'a notification already retrieved by AOR for that recipient',
      record(A, '2026-02-10T09:00:00+01:00', { extra: [{ category: 'NOTIFICATION_RADD_RETRIEVED', at: '2026-03-05T10:00:00+01:00', recipientIndex: 0 }] }),
    ],
    ['a notification the recipient has viewed', record(A, '2026-02-10T09:00:00+01:00', { status: 'VIEWED', viewedAt: '2026-03-05T10:00:00+01:00' })],
    ['a notification whose AAR is older than 10 years after refinement', record(A, '2015-02-10T09:00:00+01:00', { refinementDate: '2015-03-11T09:00:00+01:00' })],
  ];
  it.each(excluded)('leaves out %s', (_name, r) => {
    expect(selectAorNotifications({ recipientTaxId: TAX_ID, records: [r] }, NOW)).toEqual([]);
  });

  it('keeps a notification retrieved by AOR for another recipient', () => {
    const r = record(A, '2026-02-10T09:00:00+01:00', { extra: [{ category: 'NOTIFICATION_RADD_RETRIEVED', at: '2026-03-05T10:00:00+01:00', recipientIndex: 1 }] });
    expect(selectAorNotifications({ recipientTaxId: TAX_ID, records: [r] }, NOW)).toHaveLength(1);
  });

  it('looks at the recipient of that tax code only', () => {
    const r = record(A, '2026-02-10T09:00:00+01:00');
    expect(selectAorNotifications({ recipientTaxId: 'BNCLRA90A41F205I', records: [r] }, NOW)).toEqual([]);
  });
});
