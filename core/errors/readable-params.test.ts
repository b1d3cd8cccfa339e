import { describe, expect, it } from 'vitest';
import { messageFor } from './codes.js';
import { readableParam } from './readable-params.js';

describe('readableParam: dates in messages as a clerk reads them (Europe/Rome)', () => {
  it('writes an ISO instant with its offset as dd/mm/yyyy HH:MM in Rome time', () => {
    expect(readableParam('2026-11-30T10:00:00+01:00', 'it')).toBe('30/11/2026 10:00');
    // UTC input: 08:00Z in November is 09:00 in Rome (winter time, +01:00).
    expect(readableParam('2026-11-30T08:00:00Z', 'it')).toBe('30/11/2026 09:00');
    // Summer time: 22:30Z on 2 September is already 3 September, 00:30, in Rome.
    expect(readableParam('2026-09-02T22:30:00Z', 'it')).toBe('03/09/2026 00:30');
  });
  it('shows the seconds only when they are not zero', () => {
    expect(readableParam('2026-09-03T09:16:40+02:00', 'it')).toBe('03/09/2026 09:16:40');
    expect(readableParam('2026-09-03T09:16:00.000+02:00', 'it')).toBe('03/09/2026 09:16');
  });
  it('writes a calendar day YYYY-MM-DD as dd/mm/yyyy', () => {
    expect(readableParam('2025-04-30', 'it')).toBe('30/04/2025');
  });
  it('leaves alone what is not a possible date or instant', () => {
    for (const s of ['2025-02-30', '2025-13-01', '2026-11-30T10:00:00', 'LNERRT99R27B354T', 'ABCD-EFGH-LMNP-202611-X-1', '', '12']) {
      expect(readableParam(s, 'it')).toBe(s);
    }
    expect(readableParam(42, 'it')).toBe('42');
  });
});

describe('readableParam: decimals in the reader\'s language', () => {
  it('writes a decimal comma in Italian and a decimal point in English', () => {
    expect(readableParam(16.2, 'it')).toBe('16,2');
    expect(readableParam(16.2, 'en')).toBe('16.2');
  });
  it('leaves whole numbers ungrouped in both languages', () => {
    expect(readableParam(20000, 'it')).toBe('20000');
    expect(readableParam(2026, 'en')).toBe('2026');
  });
  it('leaves a text that looks like a decimal alone (an identifier, a version)', () => {
    expect(readableParam('1.2', 'it')).toBe('1.2');
  });
});

describe('messageFor: no ISO timestamp inside a message', () => {
  const iso = /\d{4}-\d{2}-\d{2}/;
  it('formats instants of the paper rules in both languages', () => {
    const params = { at: '2026-11-30T10:00:00+01:00', sentAt: '2026-09-03T09:16:40+02:00' };
    for (const locale of ['it', 'en'] as const) {
      const text = messageFor('DATE_BEFORE_SEND', locale, params);
      expect(text).toContain('30/11/2026 10:00');
      expect(text).toContain('03/09/2026 09:16:40');
      expect(text).not.toMatch(iso);
    }
    expect(messageFor('OUTCOME_DATE_IN_FUTURE', 'it', { at: '2026-11-30T10:00:00+01:00' })).not.toMatch(iso);
  });
  it('formats the expiry day of an identity document', () => {
    const text = messageFor('IDENTITY_DOCUMENT_EXPIRED', 'it', { expiryDate: '2025-04-30' });
    expect(text).toContain('30/04/2025');
    expect(text).not.toMatch(iso);
  });
  it('writes a scan\'s size with the decimal separator of each language', () => {
    expect(messageFor('SCAN_TOO_LARGE', 'it', { sizeMb: 16.2, maxMb: 15 })).toBe('File troppo grande (16,2 MB): il massimo è 15 MB');
    expect(messageFor('SCAN_TOO_LARGE', 'en', { sizeMb: 16.2, maxMb: 15 })).toBe('File too large (16.2 MB): the maximum is 15 MB');
  });
});
