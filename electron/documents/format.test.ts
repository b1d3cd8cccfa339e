import { describe, expect, it } from 'vitest';
import { formatAddressLines, formatRomeDate, formatRomeDateTime, formatRomeDateTimeShort } from './format.js';

describe('Europe/Rome display of instants', () => {
  it.each([
    ['2026-03-10T10:02:30+01:00', '10/03/2026 ore 10:02:30 (ora italiana)'],
    ['2026-03-10T09:02:30Z', '10/03/2026 ore 10:02:30 (ora italiana)'],
    ['2026-07-01T08:00:00Z', '01/07/2026 ore 10:00:00 (ora italiana)'],
    // Last Sunday of March: 01:59:59Z is 03:59:59 CEST, 00:59:59Z still 01:59:59 CET.
    ['2026-03-29T00:59:59Z', '29/03/2026 ore 01:59:59 (ora italiana)'],
    ['2026-03-29T01:00:00Z', '29/03/2026 ore 03:00:00 (ora italiana)'],
    // Around midnight the Rome calendar day differs from the UTC one.
    ['2026-12-31T23:30:00Z', '01/01/2027 ore 00:30:00 (ora italiana)'],
  ])('%s is shown as %s', (iso, expected) => {
    expect(formatRomeDateTime(iso)).toBe(expected);
  });

  it('shows the Rome calendar day and the short form for table cells', () => {
    expect(formatRomeDate('2026-12-31T23:30:00Z')).toBe('01/01/2027');
    expect(formatRomeDateTimeShort('2026-07-01T08:00:00Z')).toBe('01/07/2026 ore 10:00:00');
  });

  it('refuses a string that is not an instant instead of printing "Invalid Date"', () => {
    expect(() => formatRomeDateTime('ieri')).toThrow(RangeError);
  });
});

describe('postal address lines', () => {
  it('puts the c/o line first and the province in brackets, leaving Italy implicit', () => {
    expect(
      formatAddressLines({ address: 'Corso Garibaldi 7', at: 'Ufficio legale', zip: '82019', municipality: "Sant'Agata de' Goti", province: 'BN', foreignState: 'Italia' }),
    ).toEqual(['presso Ufficio legale', 'Corso Garibaldi 7', "82019 Sant'Agata de' Goti (BN)"]);
  });

  it('names a foreign state on its own line', () => {
    expect(formatAddressLines({ address: 'Rue de Rivoli 1', zip: '75001', municipality: 'Paris', foreignState: 'Francia' })).toEqual([
      'Rue de Rivoli 1',
      '75001 Paris',
      'FRANCIA',
    ]);
  });
});
