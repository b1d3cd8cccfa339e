// The columns of the postal outcomes CSV and one line -> what to record
// (docs/decisions/postal-item-code.md, "CSV import"): an outcome by meaning (DELIVERED_TO_RECIPIENT...)
// or a raw paper code from a postal operator's export (RECRN001C...), DOMAIN.md 7.4.
import { DomainError, paperCodeInfo, POSTAL_OUTCOME_KINDS, type PostalOutcomeKind } from '../../core/index.js';
import { outcomeInputSchema, type OutcomeInput } from '../api/contract/postal.js';
import type { CoreOutcome } from './outcome-input.js';
import { parseReceiptDate } from './receipt-date.js';

export const CSV_COLUMNS = ['item', 'outcome', 'date', 'cause', 'receiver_name', 'receiver_relation', 'office', 'next'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED: readonly CsvColumn[] = ['item', 'outcome', 'date'];

/** Italian headers a clerk's spreadsheet may carry, read as the English ones. */
const ALIASES: Readonly<Record<string, CsvColumn>> = {
  invio: 'item', codice: 'item', esito: 'outcome', data: 'date', causa: 'cause', motivo: 'cause',
  ricevente: 'receiver_name', relazione: 'receiver_relation', ufficio: 'office', passo_successivo: 'next',
};

export type ColumnMap = Partial<Record<CsvColumn, number>>;

const normalise = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Maps the header to column positions; throws POSTAL_CSV_WRONG_COLUMNS naming what is missing or unexpected. */
export function mapColumns(header: readonly string[]): ColumnMap {
  const map: ColumnMap = {};
  const unknown: string[] = [];
  header.forEach((raw, i) => {
    const name = normalise(raw);
    // A column with no name (a `;` at the end of every line, as some exports write) carries nothing.
    if (name === '') return;
    const column = (CSV_COLUMNS as readonly string[]).includes(name) ? (name as CsvColumn) : ALIASES[name];
    if (!column || map[column] !== undefined) unknown.push(raw.trim() || `#${i + 1}`);
    else map[column] = i;
  });
  const missing = REQUIRED.filter((c) => map[c] === undefined);
  if (missing.length > 0 || unknown.length > 0) {
    throw new DomainError('POSTAL_CSV_WRONG_COLUMNS', {
      missing: missing.join(', ') || '—',
      unknown: unknown.join(', ').slice(0, 120) || '—',
      expected: CSV_COLUMNS.join(';'),
    });
  }
  return map;
}

export type LinePlan =
  | { item: string; outcomeText: string; kind: 'MEANING'; input: OutcomeInput }
  | { item: string; outcomeText: string; kind: 'RAW'; paperCode: string; at: string; cause?: string; next: CoreOutcome['next'] };

function field(fields: readonly string[], map: ColumnMap, c: CsvColumn): string | undefined {
  const i = map[c];
  const v = i === undefined ? undefined : fields[i]?.trim();
  return v === '' ? undefined : v;
}

/** `next` column: D00 / D01 / D02 (no new address) or RICERCA / INVESTIGATION (SEND searches). */
function nextOf(value: string | undefined): OutcomeInput['next'] {
  if (value === undefined) return undefined;
  const v = value.toUpperCase();
  if (v === 'D00' || v === 'D01' || v === 'D02') return { kind: 'NO_SECOND_ADDRESS', failureCause: v };
  if (v === 'RICERCA' || v === 'INVESTIGATION') return { kind: 'ADDRESS_INVESTIGATION' };
  throw new DomainError('POSTAL_NEXT_STEP_INVALID', { value: value.slice(0, 20) });
}

/** The outcome's fields and the CSV column each comes from (what a message about it names). */
const COLUMN_OF: Readonly<Record<string, CsvColumn>> = {
  item: 'item', kind: 'outcome', at: 'date', date: 'date', cause: 'cause', receiverName: 'receiver_name', receiverRelation: 'receiver_relation',
  office: 'office', next: 'next',
};

/** A column as the clerk's file spells it (an Italian header stays Italian), or its name in the allowed list. */
export function columnLabel(field: string, header: readonly string[], map: ColumnMap): string {
  const column = COLUMN_OF[field];
  if (!column) return field;
  const i = map[column];
  return i === undefined ? column : (header[i]?.trim() || column);
}

function meaningInput(kind: PostalOutcomeKind, fields: readonly string[], header: readonly string[], map: ColumnMap): OutcomeInput {
  const raw = {
    kind,
    at: field(fields, map, 'date'),
    cause: field(fields, map, 'cause')?.toUpperCase(),
    receiverName: field(fields, map, 'receiver_name'),
    receiverRelation: field(fields, map, 'receiver_relation'),
    office: field(fields, map, 'office'),
    next: nextOf(field(fields, map, 'next')),
  };
  const parsed = outcomeInputSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    // A value that is there but does not fit (a cause of 14 characters) is not a missing field.
    const key = String(parsed.error.issues[0]?.path[0] ?? '?');
    const given = (raw as Record<string, unknown>)[key];
    const column = columnLabel(key, header, map);
    if (typeof given === 'string') throw new DomainError('POSTAL_CSV_FIELD_INVALID', { column, value: given.slice(0, 40) });
    throw new DomainError('POSTAL_FIELD_REQUIRED', { field: column });
  }
  return parsed.data;
}

/** What one CSV line asks to record; throws DomainError for a line that cannot be read (`now`: see parseReceiptDate). */
export function planLine(fields: readonly string[], header: readonly string[], map: ColumnMap, now?: string): LinePlan {
  if (fields.length !== header.length) throw new DomainError('POSTAL_CSV_LINE_FIELDS', { found: fields.length, expected: header.length });
  // A value under a column with no name would be lost: the line is refused rather than read without it.
  if (header.some((h, i) => h.trim() === '' && (fields[i] ?? '').trim() !== '')) {
    throw new DomainError('POSTAL_CSV_LINE_FIELDS', { found: fields.length, expected: header.filter((h) => h.trim() !== '').length });
  }
  const item = field(fields, map, 'item');
  const outcomeText = field(fields, map, 'outcome');
  if (item === undefined) throw new DomainError('POSTAL_FIELD_REQUIRED', { field: columnLabel('item', header, map) });
  if (outcomeText === undefined) throw new DomainError('POSTAL_FIELD_REQUIRED', { field: columnLabel('kind', header, map) });
  const value = outcomeText.toUpperCase();
  if ((POSTAL_OUTCOME_KINDS as readonly string[]).includes(value)) {
    return { item, outcomeText, kind: 'MEANING', input: meaningInput(value as PostalOutcomeKind, fields, header, map) };
  }
  if (!paperCodeInfo(value)) throw new DomainError('POSTAL_UNKNOWN_OUTCOME', { value: outcomeText.slice(0, 30) });
  const date = field(fields, map, 'date');
  if (date === undefined) throw new DomainError('POSTAL_FIELD_REQUIRED', { field: columnLabel('date', header, map) });
  const cause = field(fields, map, 'cause')?.toUpperCase();
  const next = nextOf(field(fields, map, 'next'));
  const core: CoreOutcome['next'] = next === undefined ? undefined : next.kind === 'ADDRESS_INVESTIGATION' ? null : next.kind === 'NO_SECOND_ADDRESS' ? { kind: next.kind, failureCause: next.failureCause } : undefined;
  return { item, outcomeText, kind: 'RAW', paperCode: value, at: parseReceiptDate(date, now), ...(cause ? { cause } : {}), next: core };
}
