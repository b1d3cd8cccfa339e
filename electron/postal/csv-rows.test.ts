import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/index.js';
import { DomainError } from '../../core/index.js';
import { mapColumns, planLine } from './csv-rows.js';

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return isDomainError(e) ? e.code : String(e);
  }
}

const HEADER = ['Item', 'ESITO', 'data', 'causa', 'next'];
const map = mapColumns(HEADER);

describe('postal CSV columns and lines', () => {
  it('reads the columns in any order and case, Italian names included', () => {
    expect(mapColumns(['date', 'outcome', 'item'])).toEqual({ date: 0, outcome: 1, item: 2 });
    expect(map).toEqual({ item: 0, outcome: 1, date: 2, cause: 3, next: 4 });
  });

  it('refuses a header missing a required column, with an unknown one, or with one twice', () => {
    expect(codeOf(() => mapColumns(['item', 'outcome']))).toBe('POSTAL_CSV_WRONG_COLUMNS');
    expect(codeOf(() => mapColumns(['item', 'outcome', 'date', 'colour']))).toBe('POSTAL_CSV_WRONG_COLUMNS');
    expect(codeOf(() => mapColumns(['item', 'outcome', 'date', 'data']))).toBe('POSTAL_CSV_WRONG_COLUMNS');
  });

  it('reads a file with a `;` at the end of every line: the column with no name is left out', () => {
    const header = ['item', 'outcome', 'date', ''];
    const columns = mapColumns(header);
    expect(columns).toEqual({ item: 0, outcome: 1, date: 2 });
    expect(planLine(['X/0/0', 'RECRN001A', '10/03/2026 09:30', ''], header, columns)).toMatchObject({ kind: 'RAW', paperCode: 'RECRN001A' });
    expect(codeOf(() => planLine(['X/0/0', 'RECRN001A', '10/03/2026 09:30', 'M01'], header, columns))).toBe('POSTAL_CSV_LINE_FIELDS');
  });

  it('names the column of the file: a value that does not fit is invalid, not missing', () => {
    const header = ['invio', 'esito', 'data', 'causa', 'ricevente'];
    const columns = mapColumns(header);
    const error = (fields: string[]): unknown[] => {
      try { planLine(fields, header, columns); } catch (e) { return e instanceof DomainError ? [e.code, e.params] : [e]; }
      return ['ok'];
    };
    expect(error(['X/0/0', 'UNDELIVERED', '10/03/2026 09:30', 'M03 trasferito', ''])).toEqual(['POSTAL_CSV_FIELD_INVALID', { column: 'causa', value: 'M03 TRASFERITO' }]);
    expect(error(['', 'DELIVERED_TO_RECIPIENT', '10/03/2026 09:30', '', ''])).toEqual(['POSTAL_FIELD_REQUIRED', { field: 'invio' }]);
    expect(error(['X/0/0', 'DELIVERED_AT_CONCIERGE', '10/03/2026 09:30', '', 'x'.repeat(130)])[0]).toBe('POSTAL_CSV_FIELD_INVALID');
  });

  it('plans a meaning with its cause and next step, and a raw paper code with its date', () => {
    const meaning = planLine(['X/0/0', 'undelivered', '10/03/2026 09:30', 'm04', 'ricerca'], HEADER, map);
    expect(meaning).toMatchObject({ kind: 'MEANING', input: { kind: 'UNDELIVERED', cause: 'M04', next: { kind: 'ADDRESS_INVESTIGATION' } } });
    const raw = planLine(['X/0/0', 'recrn002f', '10/03/2026 09:30', 'M03', 'D00'], HEADER, map);
    expect(raw).toMatchObject({ kind: 'RAW', paperCode: 'RECRN002F', at: '2026-03-10T09:30:00+01:00', cause: 'M03', next: { kind: 'NO_SECOND_ADDRESS', failureCause: 'D00' } });
  });

  it('refuses a line with the wrong number of fields, an unknown outcome, a bad next step or no item', () => {
    expect(codeOf(() => planLine(['X', 'DELIVERED_TO_RECIPIENT'], HEADER, map))).toBe('POSTAL_CSV_LINE_FIELDS');
    expect(codeOf(() => planLine(['X', 'DELIVERED', '10/03/2026 09:30', '', ''], HEADER, map))).toBe('POSTAL_UNKNOWN_OUTCOME');
    expect(codeOf(() => planLine(['X', 'UNDELIVERED', '10/03/2026 09:30', 'M01', 'D09'], HEADER, map))).toBe('POSTAL_NEXT_STEP_INVALID');
    expect(codeOf(() => planLine(['', 'UNDELIVERED', '10/03/2026 09:30', '', ''], HEADER, map))).toBe('POSTAL_FIELD_REQUIRED');
    expect(codeOf(() => planLine(['X', 'RECRN001C', '2026-03-32', '', ''], HEADER, map))).toBe('POSTAL_DATE_INVALID');
    // A postal export with the day alone: 12:00 Europe/Rome, as typed at the counter (receipt-date.ts).
    expect(planLine(['X', 'RECRN001C', '10/03/2026', '', ''], HEADER, map)).toMatchObject({ kind: 'RAW', at: '2026-03-10T12:00:00+01:00' });
  });
});
