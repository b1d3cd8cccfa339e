// CSV of the sender list for a spreadsheet: UTF-8 with a BOM (Excel reads the encoding from it),
// CRLF lines, `;` or `,` separator (Italian Excel expects `;`), RFC 4180 quoting, and cells that
// a spreadsheet would run as a formula made inert with a leading apostrophe.
import { formatRomeReadable, type Locale } from '../../core/index.js';
import type { SenderRow } from '../../db/repositories/sender-queries.js';
import { rowStatusLabel } from './list.js';

export const BOM = '\uFEFF';
export type Separator = ';' | ',';

const HEADERS: Record<Locale, string[]> = {
  it: ['IUN', 'Data deposito', 'Protocollo', 'Oggetto', 'Mittente', 'Codice fiscale mittente', 'Gruppo', 'Stato', 'Codice stato', 'Data stato',
    'Numero destinatari', 'Destinatari', 'Codici fiscali destinatari', 'Date perfezionamento'],
  en: ['IUN', 'Deposit date', 'Protocol number', 'Subject', 'Sender', 'Sender tax code', 'Group', 'Status', 'Status code', 'Status date',
    'Recipients count', 'Recipients', 'Recipients tax codes', 'Refinement dates'],
};

/** One cell: formula-like text neutralised, quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string | number | null | undefined, sep: Separator): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes(sep) || /["\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A code that must stay as written (a tax code, a protocol number). Excel, opening the file, turns
 * a cell of digits into a number: the sender's codice fiscale 01199250158 became 1199250158, a
 * company's partita IVA lost its leading zero, a protocol "1/2026" became a date. In the Excel
 * flavour (`;`) such a cell is written as the constant text formula `="01199250158"`, which Excel
 * shows as the code itself; anything with a letter in it, and the `,` flavour, are written as is.
 */
export function csvCode(value: string | null | undefined, sep: Separator): string {
  if (value === null || value === undefined) return '';
  if (sep === ';' && /^[\d\s.,/:-]+$/.test(value) && /\d/.test(value)) return `"=""${value}"""`;
  return csvCell(value, sep);
}

/** One line; a cell given as `{ code }` is written by csvCode. */
export function csvLine(cells: readonly (string | number | null | undefined | { code: string | null })[], sep: Separator): string {
  return `${cells.map((c) => (c !== null && typeof c === 'object' ? csvCode(c.code, sep) : csvCell(c, sep))).join(sep)}\r\n`;
}

export function csvHeader(locale: Locale, sep: Separator): string {
  return BOM + csvLine(HEADERS[locale], sep);
}

const readable = (iso: string | null) => (iso ? formatRomeReadable(Date.parse(iso)) : '');

const EXPECTED: Record<Locale, string> = { it: 'prevista', en: 'expected' };

/**
 * A recipient's refinement date; one by lapse of time still to come at `nowMs` (the export's
 * start) is marked "(prevista)": the date is known as soon as the workflow ends (DOMAIN.md 8.3),
 * and a plain date read as a refinement already reached.
 */
function refinementCell(x: SenderRow['recipients'][number], locale: Locale, nowMs: number | undefined): string {
  if (!x.refinementDate) return '';
  const expected = nowMs !== undefined && x.refinedBy === 'TERM' && Date.parse(x.refinementDate) > nowMs;
  return expected ? `${readable(x.refinementDate)} (${EXPECTED[locale]})` : readable(x.refinementDate);
}

export function csvRow(r: SenderRow, locale: Locale, sep: Separator, nowMs?: number): string {
  return csvLine([
    r.iun,
    readable(r.sentAt),
    { code: r.paProtocolNumber },
    r.subject,
    r.senderDenomination,
    { code: r.senderTaxId },
    r.group,
    rowStatusLabel(r)[locale],
    r.status,
    readable(r.statusAt),
    r.recipientCount,
    r.recipients.map((x) => x.denomination).join(' | '),
    { code: r.recipients.map((x) => x.taxId).join(' | ') },
    r.recipients.map((x) => refinementCell(x, locale, nowMs)).join(' | '),
  ], sep);
}
