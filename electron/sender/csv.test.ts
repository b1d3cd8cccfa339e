import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvHeader, csvLine, csvRow } from './csv.js';
import type { SenderRow } from '../../db/repositories/sender-queries.js';

describe('CSV for a spreadsheet', () => {
  it('quotes a cell holding the separator, a quote or a line break, doubling quotes', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('a;b');
    expect(csvCell('say "hi"', ';')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines', ';')).toBe('"two\nlines"');
    expect(csvCell(' padded ', ';')).toBe('" padded "');
  });

  it('makes formula-like text inert with a leading apostrophe (=, +, -, @)', () => {
    for (const f of ['=1+1', '+39 02', '-5', '@SUM(A1)']) expect(csvCell(f, ';').startsWith("'")).toBe(true);
    expect(csvCell('=HYPERLINK("x";"y")', ';')).toBe('"\'=HYPERLINK(""x"";""y"")"');
  });

  it('writes CRLF lines, the header after a UTF-8 BOM, empty cells for missing values', () => {
    expect(csvLine(['a', null, 3], ';')).toBe('a;;3\r\n');
    expect(csvHeader('it', ';').startsWith(`${BOM}IUN;Data deposito;`)).toBe(true);
  });

  it('a row has one cell per header, dates in Rome time, recipients joined', () => {
    const row: SenderRow = {
      iun: 'QDUX-GHKP-JNAM-202603-T-1', sentAt: '2026-03-10T23:30:00Z', sentMs: Date.parse('2026-03-10T23:30:00Z'), subject: 'Verbale; urgente',
      senderDenomination: 'Comune di Milano', senderTaxId: '01199250158', paProtocolNumber: 'PG/1', group: null, status: 'CANCELLED',
      statusAt: '2026-03-11T09:00:00+01:00', recipientCount: 2,
      recipients: [
        { recipientIndex: 0, denomination: 'Mario Rossi', taxId: 'RSSMRA85T10A562S', outcome: 'IN_PROGRESS', refinementDate: null, refinedBy: null },
        { recipientIndex: 1, denomination: 'Anna Bianchi', taxId: 'BNCLRA90A41F205I', outcome: 'IN_PROGRESS', refinementDate: null, refinedBy: null },
      ],
    };
    const line = csvRow(row, 'it', ';');
    const header = csvHeader('it', ';').slice(1);
    expect(line.split(';').length).toBe(header.split(';').length + 1); // the subject's own ';' inside quotes
    expect(line).toContain('11/03/2026 00:30:00');
    expect(line).toContain('"Verbale; urgente"');
    expect(line).toContain('RSSMRA85T10A562S | BNCLRA90A41F205I');
    expect(line).toContain('Annullata');
  });
});
