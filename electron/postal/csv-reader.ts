// A streaming CSV reader for the postal import: bytes arrive in chunks, are decoded as strict
// UTF-8 (with or without BOM; any other encoding is refused with the line where it broke) and
// split into records (RFC 4180 quoting, `;` or `,` chosen from the header line, CRLF or LF).
import { DomainError } from '../../core/index.js';

export interface CsvRecord {
  /** Physical line (1-based) where the record starts; the header is line 1. */
  line: number;
  fields: string[];
}

export interface CsvLimits {
  maxBytes: number;
  maxRecords: number;
}

const NEWLINE = 0x0a;

export class CsvStreamReader {
  separator: ';' | ',' | undefined;
  header: string[] | undefined;
  readonly records: CsvRecord[] = [];
  bytes = 0;

  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Physical line of the next byte to decode. */
  private byteLine = 1;
  /** Decoded text of line 1 while the separator is not known yet. */
  private headerText = '';
  private line = 1;
  private recordLine = 1;
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  private pendingQuote = false;
  private atFieldStart = true;

  constructor(private readonly limits: CsvLimits) {}

  /** Feeds the next chunk of the file. Throws POSTAL_CSV_ENCODING_INVALID / POSTAL_CSV_TOO_LARGE. */
  push(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    if (this.bytes > this.limits.maxBytes) this.tooLarge();
    let start = 0;
    // A newline byte is never part of a multi-byte UTF-8 sequence: decoding line by line tells
    // which line holds a byte that is not UTF-8.
    while (start < chunk.byteLength) {
      const nl = chunk.indexOf(NEWLINE, start);
      const end = nl === -1 ? chunk.byteLength : nl + 1;
      this.feedText(this.decode(chunk.subarray(start, end), true));
      if (nl !== -1) this.byteLine++;
      start = end;
    }
  }

  /** Ends the file: flushes the decoder and the last record. */
  end(): void {
    this.feedText(this.decode(new Uint8Array(0), false));
    if (this.separator === undefined) this.startBody();
    if (this.pendingQuote) this.inQuotes = this.pendingQuote = false;
    if (!this.atFieldStart || this.field !== '' || this.fields.length > 0) this.endRecord();
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream });
    } catch {
      throw new DomainError('POSTAL_CSV_ENCODING_INVALID', { line: this.byteLine });
    }
    // A NUL is never in a text file: this is a spreadsheet or a UTF-16 file, not a CSV.
    if (text.includes('\u0000')) throw new DomainError('POSTAL_CSV_ENCODING_INVALID', { line: this.byteLine });
    return text;
  }

  private tooLarge(): never {
    throw new DomainError('POSTAL_CSV_TOO_LARGE', { maxLines: this.limits.maxRecords, maxMb: Math.round(this.limits.maxBytes / 1048576) });
  }

  private feedText(text: string): void {
    if (text === '') return;
    if (this.separator !== undefined) return this.parse(text);
    this.headerText += text;
    const nl = this.headerText.indexOf('\n');
    if (nl === -1) return;
    const rest = this.headerText.slice(nl + 1);
    this.headerText = this.headerText.slice(0, nl + 1);
    this.startBody();
    this.parse(rest);
  }

  /** Chooses the separator from line 1 and parses it as the header. */
  private startBody(): void {
    const first = this.headerText;
    const count = (c: string) => first.split(c).length - 1;
    this.separator = count(',') > count(';') ? ',' : ';';
    this.headerText = '';
    this.parse(first);
  }

  private parse(text: string): void {
    for (const c of text) {
      if (this.pendingQuote) {
        this.pendingQuote = false;
        if (c === '"') {
          this.field += '"';
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) this.quoted(c);
      else this.unquoted(c);
    }
  }

  private quoted(c: string): void {
    if (c === '"') this.pendingQuote = true;
    else {
      if (c === '\n') this.line++;
      this.field += c;
    }
  }

  private unquoted(c: string): void {
    if (c === this.separator) {
      this.fields.push(this.field);
      this.field = '';
      this.atFieldStart = true;
    } else if (c === '\n') {
      this.endRecord();
      this.line++;
      this.recordLine = this.line;
    } else if (c === '\r') {
      // CRLF: the LF ends the record.
    } else if (c === '"' && this.atFieldStart) {
      this.inQuotes = true;
      this.atFieldStart = false;
    } else {
      this.field += c;
      this.atFieldStart = false;
    }
  }

  private endRecord(): void {
    this.fields.push(this.field);
    const fields = this.fields;
    this.fields = [];
    this.field = '';
    this.atFieldStart = true;
    // Blank lines carry nothing: skipped.
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    if (this.header === undefined) {
      this.header = fields;
      return;
    }
    if (this.records.length >= this.limits.maxRecords) this.tooLarge();
    this.records.push({ line: this.recordLine, fields });
  }
}
