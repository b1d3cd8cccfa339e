import { describe, expect, it } from 'vitest';
import type { AttemptContext, PaperEventRecord } from './attempt-state.js';
import { messageFor } from '../errors/index.js';
import { buildPaperEventElements } from './elements.js';
import { validatePaperEvent } from './validate.js';

const SENT = '2026-02-03T10:00:00+01:00';
const ctx = (productType: AttemptContext['productType'], events: PaperEventRecord[] = [], attempt: 0 | 1 = 0): AttemptContext =>
  ({ productType, attempt, events, sentAt: SENT });
const ev = (code: string, at: string, cause?: string): PaperEventRecord => (cause ? { code, at, cause } : { code, at });

const AR_GIACENZA = [ev('CON080', '2026-02-04T08:30:00+01:00'), ev('RECRN010', '2026-02-09T10:40:00+01:00'), ev('RECRN011', '2026-02-09T15:00:00+01:00')];
const AG_GIACENZA = [ev('RECAG010', '2026-02-09T10:40:00+01:00'), ev('RECAG011A', '2026-02-09T15:00:00+01:00')];
const AG_AFTER_012 = [...AG_GIACENZA, ev('RECAG012', '2026-02-19T00:00:00+01:00')];

describe('validatePaperEvent: the typed errors of DOMAIN.md 7.4', () => {
  it.each([
    ['unknown code', 'UNKNOWN_PAPER_CODE', ctx('AR'), 'RECRN099', '2026-02-05T10:00:00+01:00', undefined],
    ['890 code on an AR item', 'PRODUCT_MISMATCH', ctx('AR'), 'RECAG001A', '2026-02-05T10:00:00+01:00', undefined],
    ['AR code on an RS item', 'PRODUCT_MISMATCH', ctx('RS'), 'RECRN001C', '2026-02-05T10:00:00+01:00', undefined],
    ['date before the send', 'DATE_BEFORE_SEND', ctx('AR'), 'CON080', '2026-02-03T09:59:59+01:00', undefined],
    ['unreadable date', 'INVALID_INSTANT', ctx('AR'), 'CON080', '3 febbraio', undefined],
    ['progress after a final', 'EVENT_AFTER_FINAL', ctx('AR', [ev('RECRN001A', '2026-02-05T10:00:00+01:00'), ev('RECRN001C', '2026-02-05T10:00:00+01:00')]),
      'CON080', '2026-02-06T10:00:00+01:00', undefined],
    ['a second final', 'EVENT_AFTER_FINAL', ctx('AR', [ev('RECRN001C', '2026-02-05T10:00:00+01:00')]), 'RECRN002C', '2026-02-06T10:00:00+01:00', undefined],
    ['PNAG012 by hand after RECAG012', 'EVENT_AFTER_FINAL', ctx('890', AG_AFTER_012), 'PNAG012', '2026-02-19T00:00:00+01:00', undefined],
    ['a door outcome after PNRN012', 'EVENT_AFTER_FINAL', ctx('AR', [...AR_GIACENZA, ev('PNRN012', '2026-02-19T00:00:00+01:00')]),
      'RECRN001A', '2026-02-20T10:00:00+01:00', undefined],
    ['KO final without cause', 'MISSING_FAILURE_CAUSE', ctx('890', [ev('RECAG003D', '2026-02-05T10:00:00+01:00')]), 'RECAG003F', '2026-02-05T10:00:00+01:00', undefined],
    ['cause of another family', 'INVALID_FAILURE_CAUSE', ctx('AR'), 'RECRN002D', '2026-02-05T10:00:00+01:00', 'M05'],
    ['unknown cause', 'INVALID_FAILURE_CAUSE', ctx('AR'), 'RECRN002D', '2026-02-05T10:00:00+01:00', 'M99'],
    ['cause on a code that carries none', 'INVALID_FAILURE_CAUSE', ctx('AR'), 'RECRN001A', '2026-02-05T10:00:00+01:00', 'M01'],
  ] as const)('%s -> %s', (_name, expected, c, code, at, cause) => {
    expect(validatePaperEvent(c, code, at, cause)).toMatchObject({ ok: false, code: expected });
  });

  it('rejects a date after `now` with OUTCOME_DATE_IN_FUTURE', () => {
    const r = validatePaperEvent(ctx('AR'), 'CON080', '2026-02-05T10:00:00+01:00', undefined, { now: '2026-02-05T09:59:59+01:00' });
    expect(r).toMatchObject({ ok: false, code: 'OUTCOME_DATE_IN_FUTURE' });
  });

  it('accepts an event dated exactly at the send', () => {
    expect(validatePaperEvent(ctx('AR'), 'CON080', '2026-02-03T10:00:00+01:00')).toMatchObject({ ok: true });
  });
});

describe('validatePaperEvent: finals and what may follow them', () => {
  it('makes RECAG005C the final OK when no RECAG012 came before', () => {
    expect(validatePaperEvent(ctx('890', [...AG_GIACENZA, ev('RECAG005A', '2026-02-12T10:00:00+01:00')]), 'RECAG005C', '2026-02-13T10:00:00+01:00'))
      .toMatchObject({ ok: true, effectiveKind: 'OK', category: 'SEND_ANALOG_FEEDBACK', feedbackAt: '2026-02-12T10:00:00+01:00' });
  });

  it.each(['RECAG005A', 'RECAG005B', 'RECAG005C', 'RECAG006C', 'RECAG007C', 'RECAG008A', 'RECAG008C', 'RECAG011B'])(
    'keeps %s as progress after RECAG012', (code) => {
      expect(validatePaperEvent(ctx('890', AG_AFTER_012), code, '2026-03-01T10:00:00+01:00'))
        .toMatchObject({ ok: true, effectiveKind: 'PROGRESS', category: 'SEND_ANALOG_PROGRESS' });
    });

  it('accepts the collection A/B/C after PNRN012, as progress', () => {
    const events = [...AR_GIACENZA, ev('RECRN003A', '2026-02-23T10:00:00+01:00'), ev('PNRN012', '2026-02-19T00:00:00+01:00')];
    expect(validatePaperEvent(ctx('AR', events), 'RECRN003C', '2026-02-23T10:00:00+01:00')).toMatchObject({ ok: true, effectiveKind: 'PROGRESS' });
    expect(validatePaperEvent(ctx('AR', events), 'RECRN004A', '2026-02-23T10:00:00+01:00')).toMatchObject({ ok: false, code: 'EVENT_AFTER_FINAL' });
  });

  it('accepts late scans after the final', () => {
    const events = [ev('RECRN001A', '2026-02-05T10:00:00+01:00'), ev('RECRN001C', '2026-02-05T10:00:00+01:00')];
    expect(validatePaperEvent(ctx('AR', events), 'RECRN001B', '2026-02-08T10:00:00+01:00')).toMatchObject({ ok: true, effectiveKind: 'PROGRESS' });
  });

  it('dates a KO feedback like its D pre-outcome and carries the D cause', () => {
    const events = [ev('RECAG003D', '2026-06-16T10:00:00+02:00', 'M03')];
    expect(validatePaperEvent(ctx('890', events), 'RECAG003F', '2026-06-18T10:00:00+02:00'))
      .toMatchObject({ ok: true, effectiveKind: 'KO', cause: 'M03', feedbackAt: '2026-06-16T10:00:00+02:00' });
  });

  it('makes RS finals SIMPLE_REGISTERED_LETTER_PROGRESS', () => {
    expect(validatePaperEvent(ctx('RS'), 'RECRS001C', '2026-02-05T10:00:00+01:00'))
      .toMatchObject({ ok: true, effectiveKind: 'OK', category: 'SIMPLE_REGISTERED_LETTER_PROGRESS' });
  });
});

describe('validatePaperEvent: a term final typed or imported before its term (DOMAIN.md 7.3)', () => {
  // Inesito on 09/02 10:40: the 10-day term runs at 19/02 00:00 Europe/Rome.
  it.each([
    ['RECAG012', ctx('890', AG_GIACENZA)],
    ['PNRN012', ctx('AR', AR_GIACENZA)],
  ] as const)('refuses %s dated before inesito + 10 days, naming the earliest date', (code, c) => {
    expect(validatePaperEvent(c, code, '2026-02-18T23:59:59+01:00')).toMatchObject({
      ok: false, code: 'TERM_EVENT_TOO_EARLY', params: { code, earliest: '2026-02-19', inesitoAt: '2026-02-09T10:40:00+01:00' },
    });
    expect(validatePaperEvent(c, code, '2026-02-14T10:00:00+01:00')).toMatchObject({ ok: false, code: 'TERM_EVENT_TOO_EARLY' });
  });

  it.each([
    ['RECAG012', ctx('890', AG_GIACENZA)],
    ['PNRN012', ctx('AR', AR_GIACENZA)],
  ] as const)('accepts %s dated at the term or later, as a final', (code, c) => {
    expect(validatePaperEvent(c, code, '2026-02-19T00:00:00+01:00')).toMatchObject({ ok: true, effectiveKind: 'OK' });
    expect(validatePaperEvent(c, code, '2026-02-20T09:00:00+01:00')).toMatchObject({ ok: true, effectiveKind: 'OK' });
  });

  it('refuses it through the raw entry too, and the message names the earliest date', () => {
    const opts = { iun: 'NWAK-ZERD-HPUJ-202506-J-1', recipientIndex: 0 };
    expect(() => buildPaperEventElements(ctx('890', AG_GIACENZA), { code: 'RECAG012', at: '2026-02-15T10:00:00+01:00' }, opts))
      .toThrow(expect.objectContaining({ code: 'TERM_EVENT_TOO_EARLY' }));
    expect(messageFor('TERM_EVENT_TOO_EARLY', 'it', { code: 'RECAG012', earliest: '2026-02-19', inesitoAt: '2026-02-09T10:40:00+01:00' }))
      .toBe('RECAG012 non può avere una data precedente al 19/02/2026: il termine di 10 giorni decorre dall\'avviso di giacenza del 09/02/2026 10:40');
  });
});

describe('buildPaperEventElements (raw code entry)', () => {
  const opts = { iun: 'NWAK-ZERD-HPUJ-202506-J-1', recipientIndex: 0 };

  it('continues the progress index after the recorded events', () => {
    const c = ctx('AR', [{ code: 'CON080', at: '2026-02-04T08:30:00+01:00', progressIndex: 1 }, { code: 'RECRN010', at: '2026-02-09T10:40:00+01:00', progressIndex: 2 }]);
    const [el] = buildPaperEventElements(c, { code: 'RECRN011', at: '2026-02-09T15:00:00+01:00' }, opts);
    expect(el).toMatchObject({
      elementId: 'SEND_ANALOG_PROGRESS.IUN_NWAK-ZERD-HPUJ-202506-J-1.RECINDEX_0.ATTEMPT_0.IDX_3',
      details: { progressIndex: 3, deliveryDetailCode: 'RECRN011', sentAttemptMade: 0 },
    });
  });

  it('turns a raw KO final of attempt 1 into feedback and the unreachable chain', () => {
    const c = ctx('890', [ev('RECAG003D', '2026-06-25T11:30:00+02:00', 'M07')], 1);
    const els = buildPaperEventElements(c, { code: 'RECAG003F', at: '2026-06-26T09:00:00+02:00' }, opts);
    expect(els.map((e) => [e.category, e.at])).toEqual([
      ['SEND_ANALOG_FEEDBACK', '2026-06-25T11:30:00+02:00'],
      ['ANALOG_FAILURE_WORKFLOW', '2026-06-25T11:30:00+02:00'],
      ['COMPLETELY_UNREACHABLE_CREATION_REQUEST', '2026-06-25T11:30:00+02:00'],
      ['COMPLETELY_UNREACHABLE', '2026-06-25T11:30:00+02:00'],
      ['SCHEDULE_REFINEMENT', '2026-06-25T11:30:00+02:00'],
    ]);
    expect(els[0]?.details).toMatchObject({ responseStatus: 'KO', deliveryFailureCause: 'M07', sentAttemptMade: 1 });
    expect(els[4]?.details).toEqual({ schedulingDate: '2026-07-05T11:30:00+02:00' });
  });

  it('throws the validation code as a DomainError', () => {
    expect(() => buildPaperEventElements(ctx('AR'), { code: 'NOPE', at: SENT }, opts)).toThrow(expect.objectContaining({ code: 'UNKNOWN_PAPER_CODE' }));
  });
});
