import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvCode, csvHeader, csvLine, csvRow } from './csv.js';
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
  it('keeps a code made of digits as written for Italian Excel (leading zero, no number or date), as is for the comma flavour', () => {
    expect(csvCode('01199250158', ';')).toBe('"=""01199250158"""');
    expect(csvCode('1/2026', ';')).toBe('"=""1/2026"""');
    expect(csvCode('RSSMRA85T10A562S', ';')).toBe('RSSMRA85T10A562S');
    expect(csvCode('PG/2026/0001', ';')).toBe('PG/2026/0001');
    expect(csvCode('01199250158', ',')).toBe('01199250158');
    expect(csvCode('=1+1', ';')).toBe("'=1+1");
    expect(csvCode(null, ';')).toBe('');
    const row: SenderRow = {
      iun: 'QDUX-GHKP-JNAM-202603-T-1', sentAt: '2026-03-10T10:00:00Z', sentMs: Date.parse('2026-03-10T10:00:00Z'), subject: 'Verbale',
      senderDenomination: 'Comune di Milano', senderTaxId: '01199250158', paProtocolNumber: '12345', group: null, status: 'DELIVERED',
      statusAt: '2026-03-11T09:00:00+01:00', recipientCount: 1,
      recipients: [{ recipientIndex: 0, denomination: 'Alfa S.r.l.', taxId: '00488410010', outcome: 'ANALOG_DELIVERED', refinementDate: null, refinedBy: null }],
    } as unknown as SenderRow;
    const cells = csvRow(row, 'it', ';').trimEnd().split(';');
    const head = csvHeader('it', ';').slice(1).trimEnd().split(';');
    expect(cells[head.indexOf('Codice fiscale mittente')]).toBe('"=""01199250158"""');
    expect(cells[head.indexOf('Codici fiscali destinatari')]).toBe('"=""00488410010"""');
    expect(cells[head.indexOf('Protocollo')]).toBe('"=""12345"""');
    expect(cells[head.indexOf('Numero destinatari')]).toBe('1');
  });
  it('marks a refinement by lapse of time still to come at the export as expected, not one already reached', () => {
    const now = Date.parse('2026-03-12T00:00:00+01:00');
    const row = {
      iun: 'QDUX-GHKP-JNAM-202603-T-1', sentAt: '2026-03-01T10:00:00+01:00', sentMs: 0, subject: 'Verbale', senderDenomination: 'Comune di Milano',
      senderTaxId: '01199250158', paProtocolNumber: 'PG/1', group: null, status: 'DELIVERED', statusAt: '2026-03-05T09:00:00+01:00', recipientCount: 3,
      recipients: [
        { recipientIndex: 0, denomination: 'A', taxId: 'RSSMRA85T10A562S', outcome: 'DIGITAL_DELIVERED', refinementDate: '2026-03-12T09:00:00+01:00', refinedBy: 'TERM' },
        { recipientIndex: 1, denomination: 'B', taxId: 'BNCLRA90A41F205I', outcome: 'DIGITAL_DELIVERED', refinementDate: '2026-03-11T09:00:00+01:00', refinedBy: 'TERM' },
        { recipientIndex: 2, denomination: 'C', taxId: 'VRDGPP80M01H501L', outcome: 'IN_PROGRESS', refinementDate: '2026-03-10T09:00:00+01:00', refinedBy: 'VIEWING' },
      ],
    } as unknown as SenderRow;
    const head = csvHeader('it', ';').slice(1).trimEnd().split(';');
    const cell = (locale: 'it' | 'en') => csvRow(row, locale, ';', now).trimEnd().split(';')[head.indexOf('Date perfezionamento')];
    expect(cell('it')).toBe('12/03/2026 09:00:00 (prevista) | 11/03/2026 09:00:00 | 10/03/2026 09:00:00');
    expect(cell('en')).toBe('12/03/2026 09:00:00 (expected) | 11/03/2026 09:00:00 | 10/03/2026 09:00:00');
  });
});
