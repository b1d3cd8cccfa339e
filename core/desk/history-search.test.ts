import { describe, expect, it } from 'vitest';
import { isInHistoryRange, validateHistorySearch, type HistorySearchInput } from './history-search.js';

const NOW = '2026-03-29T10:00:00+02:00';
const byTaxId = (from?: string | null, to?: string | null): HistorySearchInput => ({ by: 'TAX_ID', taxId: ' rssmra85t10a562s ', recipientType: 'PF', from, to });

describe('desk history search (DOMAIN.md 10.1 History)', () => {
  it('makes "to" the end of that day in Rome and "from" its start', () => {
    const r = validateHistorySearch(byTaxId('2026-03-28', '2026-03-29'), NOW);
    expect(r).toEqual({
      ok: true,
      query: { by: 'TAX_ID', taxId: 'RSSMRA85T10A562S', recipientType: 'PF', fromInstant: '2026-03-28T00:00:00+01:00', toInstant: '2026-03-29T23:59:59.999+02:00' },
    });
  });

  it('accepts a tax id search without dates', () => {
    const r = validateHistorySearch(byTaxId(null, ''), NOW);
    expect(r.ok && r.query.by === 'TAX_ID' && [r.query.fromInstant, r.query.toInstant]).toEqual([null, null]);
  });

  const refusals: Array<[string, HistorySearchInput, string]> = [
    ['a future "to" day', byTaxId(null, '2026-03-30'), 'HISTORY_DATE_IN_FUTURE'],
    ['a future "from" day', byTaxId('2026-04-01', null), 'HISTORY_DATE_IN_FUTURE'],
    ['a day that does not exist', byTaxId('2026-02-30', null), 'HISTORY_DATE_INVALID'],
    ['"from" after "to"', byTaxId('2026-03-20', '2026-03-10'), 'HISTORY_DATE_RANGE_INVERTED'],
    ['an empty IUN', { by: 'IUN', iun: '  ' }, 'HISTORY_QUERY_EMPTY'],
    ['an empty operation id', { by: 'OPERATION_ID', operationId: '' }, 'HISTORY_QUERY_EMPTY'],
    ['an empty tax id', { by: 'TAX_ID', taxId: '', recipientType: 'PF' }, 'HISTORY_QUERY_EMPTY'],
  ];
  it.each(refusals)('refuses %s', (_name, q, code) => {
    const r = validateHistorySearch(q, NOW);
    expect(r.ok ? 'ok' : r.code).toBe(code);
  });

  it('names the date field at fault (the screen marks it)', () => {
    const field = (q: HistorySearchInput) => {
      const r = validateHistorySearch(q, NOW);
      return r.ok ? undefined : r.params.field;
    };
    expect(field(byTaxId('2026-04-01', '2026-04-02'))).toBe('from');
    expect(field(byTaxId('2026-03-20', '2026-03-30'))).toBe('to');
    expect(field(byTaxId('2026-03-20', '2026-03-10'))).toBe('to');
  });

  it('finds an operation by the start of its id as the history list shows it, ellipsis or not', () => {
    const q = (operationId: string) => {
      const r = validateHistorySearch({ by: 'OPERATION_ID', operationId }, NOW);
      return r.ok ? r.query : r.code;
    };
    const whole = '9e4d2ce8-1b2c-4d5e-8f90-0123456789ab';
    expect(q(` ${whole.toUpperCase()} `)).toEqual({ by: 'OPERATION_ID', operationId: whole, prefix: false });
    expect(q('9e4d2ce8')).toEqual({ by: 'OPERATION_ID', operationId: '9e4d2ce8', prefix: true });
    expect(q('9E4D2CE8…')).toEqual({ by: 'OPERATION_ID', operationId: '9e4d2ce8', prefix: true });
    expect(q('9e4d2ce8...')).toEqual({ by: 'OPERATION_ID', operationId: '9e4d2ce8', prefix: true });
    expect(q('9e4d2ce8-1b2c')).toEqual({ by: 'OPERATION_ID', operationId: '9e4d2ce8-1b2c', prefix: true });
    // Shorter than the 8 digits shown, or not the start of an id: searched as typed (finds nothing).
    expect(q('9e4d2c')).toEqual({ by: 'OPERATION_ID', operationId: '9e4d2c', prefix: false });
    expect(q('9e4d%ce8')).toEqual({ by: 'OPERATION_ID', operationId: '9e4d%ce8', prefix: false });
    expect(q(' … ')).toBe('HISTORY_QUERY_EMPTY');
  });

  it('takes "today" as the Rome calendar day of now', () => {
    // 23:30Z on the 28th is already 00:30 of the 29th in Rome (+01:00 until 01:00Z).
    expect(validateHistorySearch(byTaxId(null, '2026-03-29'), '2026-03-28T23:30:00Z').ok).toBe(true);
    expect(validateHistorySearch(byTaxId(null, '2026-03-29'), '2026-03-28T22:30:00Z').ok).toBe(false);
  });

  it.each([
    ['2026-03-27T23:59:59+01:00', false],
    ['2026-03-28T00:00:00+01:00', true],
    ['2026-03-29T23:59:59+02:00', true],
    ['2026-03-30T00:00:00+02:00', false],
  ])('an operation started at %s is in the range 28-29 March: %s', (at, inside) => {
    const r = validateHistorySearch(byTaxId('2026-03-28', '2026-03-29'), NOW);
    if (!r.ok) throw new Error(r.code);
    expect(isInHistoryRange(at, r.query)).toBe(inside);
  });
});
