// The page frame and the building blocks every document shares: A4, Roboto, a header naming the
// platform, a footer with the generation time and page numbers, label/value tables.
// pdfmake's document definition is untyped here on purpose (no upstream types for 0.3).
import { formatRomeDateTime, orDash } from './format.js';

export type Node = string | { [key: string]: unknown } | Node[];

export const COLORS = { ink: '#17324D', muted: '#5C6F82', rule: '#C5CED6', band: '#EEF2F6' } as const;

export const PAGE_MARGINS: [number, number, number, number] = [50, 70, 50, 60];

/** A4 width minus the side margins, in points. */
export const CONTENT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

/** Normal sizes, and the compact ones a one-page paper falls back to when its data is long. */
function styles(compact: boolean) {
  const k = compact ? 0.88 : 1;
  return {
    title: { fontSize: 17 * k, bold: true, color: COLORS.ink, margin: [0, 0, 0, 2] },
    subtitle: { fontSize: 9.5 * k, color: COLORS.muted, margin: [0, 0, 0, compact ? 6 : 12] },
    section: { fontSize: 11 * k, bold: true, color: COLORS.ink, margin: [0, compact ? 6 : 12, 0, compact ? 3 : 5] },
    label: { fontSize: 9 * k, color: COLORS.muted },
    value: { fontSize: 10 * k },
    small: { fontSize: 8 * k, color: COLORS.muted },
    mono: { fontSize: 8.5 * k },
  };
}

export interface FrameOptions {
  /** Document title (PDF metadata and header). */
  title: string;
  generatedAt: string;
  /** Extra footer line, e.g. the timeline element an attestation comes from. */
  reference?: string;
  content: Node[];
  /** The cover sheet carries no header/footer: nothing but the name must show (DOMAIN.md 10.1). */
  bare?: boolean;
  compact?: boolean;
  /** Told the number of pages once the layout is done (to keep one-page papers on one page). */
  onPageCount?: (pages: number) => void;
}

function header(title: string): Node {
  return {
    margin: [PAGE_MARGINS[0], 28, PAGE_MARGINS[2], 0],
    columns: [
      { text: [{ text: 'SEND', bold: true }, ' · Servizio Notifiche Digitali'], fontSize: 9, color: COLORS.ink },
      { text: title, alignment: 'right', fontSize: 8.5, color: COLORS.muted },
    ],
  };
}

function footer(generatedAt: string, reference: string | undefined, onPageCount?: (pages: number) => void) {
  return (page: number, pages: number): Node => {
    if (page === 1) onPageCount?.(pages);
    return footerNode(generatedAt, reference, page, pages);
  };
}

function footerNode(generatedAt: string, reference: string | undefined, page: number, pages: number): Node {
  return {
    margin: [PAGE_MARGINS[0], 14, PAGE_MARGINS[2], 0],
    columns: [
      {
        width: '*',
        stack: [
          `Documento generato il ${formatRomeDateTime(generatedAt)}`,
          ...(reference ? [reference] : []),
        ],
        style: 'small',
      },
      { width: 70, text: `Pagina ${page} di ${pages}`, style: 'small', alignment: 'right' },
    ],
  };
}

/** A complete pdfmake document definition around `content`. */
export function frame(options: FrameOptions): object {
  const generated = new Date(options.generatedAt);
  return {
    pageSize: 'A4',
    pageMargins: options.bare ? [60, 60, 60, 60] : PAGE_MARGINS,
    info: {
      title: options.title,
      author: 'RADD Desk',
      creationDate: generated,
      modDate: generated,
    },
    defaultStyle: { font: 'Roboto', fontSize: options.compact ? 8.8 : 10, lineHeight: options.compact ? 1.1 : 1.15, color: '#000000' },
    styles: styles(options.compact ?? false),
    ...(options.bare ? {} : { header: header(options.title), footer: footer(options.generatedAt, options.reference, options.onPageCount) }),
    content: options.content,
  };
}

/** Title block: the document's name and, under it, its legal qualification. */
export function titleBlock(title: string, subtitle?: string): Node[] {
  return [{ text: title, style: 'title' }, ...(subtitle ? [{ text: subtitle, style: 'subtitle' }] : [])];
}

export function sectionTitle(text: string): Node {
  return { text, style: 'section' };
}

/** Words longer than this (a pasted code, a name typed without spaces) may break anywhere. */
const LONG_WORD = /\S{36,}/;

/**
 * A table cell. pdfmake sizes columns by their longest word, so one very long word would push the
 * table off the page; such a cell may break anywhere instead.
 */
export function cell(text: string, extra: Record<string, unknown> = {}): Node {
  const value = orDash(text);
  return { text: value, ...extra, ...(LONG_WORD.test(value) ? { wordBreak: 'break-all' } : {}) };
}

/** Label/value rows; missing values print a dash so the row stays readable. */
export function fieldTable(rows: Array<[string, string | Node | undefined]>, labelWidth = 140): Node {
  return {
    table: {
      widths: [labelWidth, '*'],
      body: rows.map(([label, value]) => [
        { text: label, style: 'label' },
        typeof value === 'string' || value === undefined ? cell(value ?? '', { style: 'value' }) : value,
      ]),
    },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 0,
      paddingRight: () => 8,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
  };
}

/** A shaded box around a block (the recipient's data, the key facts). */
export function box(stack: Node[]): Node {
  return {
    table: { widths: ['*'], body: [[{ stack, margin: [8, 6, 8, 6] }]] },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => COLORS.rule,
      vLineColor: () => COLORS.rule,
      fillColor: () => COLORS.band,
    },
  };
}

/**
 * Body text, ragged right: pdfmake's justification also spreads space between adjacent inline
 * runs (e.g. before a comma that follows a bold name), which reads as typos on a legal paper.
 */
export function paragraph(text: string | Node[], extra: Record<string, unknown> = {}): Node {
  return { text, margin: [0, 0, 0, 6], ...extra };
}

/** An identifier (IUN, codes): never broken at its hyphens. */
export function ident(text: string, bold = true): Node {
  return { text, bold, noWrap: true };
}

/** A SHA-256 in a table cell: small enough that 64 hex digits fit the column. */
export function digestCell(hex: string): Node {
  return { text: hex, fontSize: 7.5, characterSpacing: 0.1 };
}

/** A plain table with a header row; long values wrap inside their cell. */
export function listTable(headers: string[], rows: Array<Array<string | Node>>, widths: Array<number | string>): Node {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        headers.map((h) => ({ text: h, style: 'label', bold: true })),
        ...(rows.length > 0 ? rows : [headers.map(() => '')]).map((row) => row.map((c) => (typeof c === 'string' ? cell(c, { fontSize: 9 }) : c))),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 6],
  };
}
