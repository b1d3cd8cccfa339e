// A cancelled notification takes no more paper events (DOMAIN.md 3, 4.2): by meaning, raw code,
// before or after anything else was recorded, whatever the date on the receipt.
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/index.js';
import { NOTIFICATION_STATUSES, type NotificationStatus } from '../model/types.js';
import type { AttemptContext, PaperEventRecord } from './attempt-state.js';
import { buildPaperEventElements } from './elements.js';
import type { PostalOutcome } from './outcome-kinds.js';
import { allowedOutcomes, buildPostalOutcomeElements } from './outcome.js';
import { validatePaperEvent } from './validate.js';
import { paperEntryRefusal } from './workflow-open.js';

const SENT = '2026-02-03T10:00:00+01:00';
const AT = '2026-02-05T10:00:00+01:00';
const NOW = '2026-03-31T12:00:00+02:00';
const IUN = 'YKAM-DRPE-QTWN-202602-P-1';
const ev = (code: string, at: string): PaperEventRecord => ({ code, at });
const AR_GIACENZA = [ev('CON080', '2026-02-04T08:30:00+01:00'), ev('RECRN010', '2026-02-09T10:40:00+01:00'), ev('RECRN011', '2026-02-09T15:00:00+01:00')];

function ctx(productType: AttemptContext['productType'], events: PaperEventRecord[], notificationStatus?: NotificationStatus): AttemptContext {
  return { productType, attempt: 0, events, sentAt: SENT, ...(notificationStatus ? { notificationStatus } : {}) };
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (isDomainError(e)) return e.code;
    throw e;
  }
}

const opts = { iun: IUN, recipientIndex: 0, now: NOW };

describe('postal entries on a CANCELLED notification (DOMAIN.md 3, 4.2)', () => {
  it.each(NOTIFICATION_STATUSES.map((s) => [s, s === 'CANCELLED'] as const))('status %s stops the paper workflow: %s', (status, stopped) => {
    expect(paperEntryRefusal(status) !== null).toBe(stopped);
  });

  it('keeps the paper workflow open when the status is not given', () => {
    expect(paperEntryRefusal(undefined)).toBeNull();
  });

  it('allows no outcome at all for a sent item, a held item or an RS letter', () => {
    for (const c of [ctx('AR', []), ctx('890', []), ctx('AR', AR_GIACENZA), ctx('RS', [])]) {
      expect(allowedOutcomes(c, NOW).length).toBeGreaterThan(0);
      expect(allowedOutcomes({ ...c, notificationStatus: 'CANCELLED' }, NOW)).toEqual([]);
    }
  });

  const outcomes: Array<[string, AttemptContext, PostalOutcome]> = [
    ['delivered at the door', ctx('AR', []), { kind: 'DELIVERED_TO_RECIPIENT', at: AT }],
    ['undelivered with a cause', ctx('890', []), { kind: 'UNDELIVERED', at: AT, cause: 'M03' }],
    ['collected from giacenza', ctx('AR', AR_GIACENZA), { kind: 'COLLECTED_FROM_GIACENZA', at: '2026-02-12T10:00:00+01:00' }],
    ['scans received after a delivery', ctx('AR', [ev('RECRN001A', AT), ev('RECRN001C', AT)]), { kind: 'SCANS_RECEIVED', at: '2026-02-06T10:00:00+01:00', attachments: [{ documentType: 'AR', url: 'x' }] }],
  ];
  it.each(outcomes)('refuses an outcome by meaning (%s) with OUTCOME_NOTIFICATION_CANCELLED', (_name, c, outcome) => {
    expect(codeOf(() => buildPostalOutcomeElements({ ...c, notificationStatus: 'DELIVERING' }, outcome, opts))).toBeUndefined();
    expect(codeOf(() => buildPostalOutcomeElements({ ...c, notificationStatus: 'CANCELLED' }, outcome, opts))).toBe('OUTCOME_NOTIFICATION_CANCELLED');
  });

  it('refuses a raw paper code (CSV import line) before looking at the code or the date', () => {
    const open = validatePaperEvent(ctx('AR', [], 'DELIVERING'), 'RECRN001A', AT, undefined, { now: NOW });
    expect(open.ok).toBe(true);
    for (const [code, at] of [['RECRN001A', AT], ['RECRN099', AT], ['CON080', '2020-01-01T00:00:00+01:00']] as const) {
      const r = validatePaperEvent(ctx('AR', [], 'CANCELLED'), code, at, undefined, { now: NOW });
      expect(r.ok ? 'ok' : [r.code, r.params.code]).toEqual(['OUTCOME_NOTIFICATION_CANCELLED', code]);
    }
    expect(codeOf(() => buildPaperEventElements(ctx('AR', [], 'CANCELLED'), { code: 'RECRN001A', at: AT }, opts))).toBe('OUTCOME_NOTIFICATION_CANCELLED');
  });
});
