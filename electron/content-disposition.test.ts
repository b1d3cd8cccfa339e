import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, safeFileName } from './content-disposition.js';

describe('safeFileName', () => {
  it.each([
    ['PJQA-LQMR-MATX-202610-J-1 Ricevuta della raccomandata del 23/11/2026.pdf', 'PJQA-LQMR-MATX-202610-J-1 Ricevuta della raccomandata del 23-11-2026.pdf'],
    ['..\\..\\etc/passwd.pdf', '-..-etc-passwd.pdf'],
    ['a\r\nContent-Type: text/html.pdf', 'a__Content-Type_ text-html.pdf'],
    ['Verbale "n. 12" <bozza>?.pdf', 'Verbale _n. 12_ _bozza__.pdf'],
    ['  .hidden  .pdf', 'hidden.pdf'],
    ['Avviso di avvenuta ricezione (AAR).pdf', 'Avviso di avvenuta ricezione (AAR).pdf'],
  ])('%j -> %j', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
  });

  it('keeps at most 150 characters before the extension, and the extension', () => {
    const out = safeFileName(`${'è'.repeat(400)}.pdf`);
    expect(out).toBe(`${'è'.repeat(150)}.pdf`);
  });

  it('falls back when nothing is left of the name', () => {
    expect(safeFileName(' . .pdf', 'documento.pdf')).toBe('documento.pdf');
    expect(safeFileName('...', 'documento.pdf')).toBe('documento.pdf');
  });
});

describe('asciiFileName', () => {
  it('drops accents and replaces what is not printable ASCII, quotes, backslashes, % and ;', () => {
    expect(asciiFileName('Attestazione di presa in carico — perché.pdf')).toBe('Attestazione di presa in carico _ perche.pdf');
    expect(asciiFileName('50% "quota"; a\\b.pdf')).toBe('50_ _quota__ a_b.pdf');
  });
});

describe('contentDisposition', () => {
  it('sends the ASCII name and the exact UTF-8 one (RFC 5987), inline or attachment', () => {
    expect(contentDisposition('attachment', "PJQA-LQMR-MATX-202610-J-1 Attestazione dell'è.pdf"))
      .toBe("attachment; filename=\"PJQA-LQMR-MATX-202610-J-1 Attestazione dell'e.pdf\"; filename*=UTF-8''PJQA-LQMR-MATX-202610-J-1%20Attestazione%20dell%27%C3%A8.pdf");
    expect(contentDisposition('inline', 'Plico (2).pdf')).toBe("inline; filename=\"Plico (2).pdf\"; filename*=UTF-8''Plico%20%282%29.pdf");
  });

  it('cannot be made to end the header or add a parameter', () => {
    const header = contentDisposition('inline', 'x"; filename="evil.exe\r\nSet-Cookie: a=b.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^inline; filename="[^"]*"; filename\*=UTF-8''[A-Za-z0-9%._~!#$&+^`|-]*$/);
  });
});
