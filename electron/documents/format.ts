// Italian formatting of what the documents print. Display only: no date arithmetic here
// (that lives in core/time); an instant is shown as the Europe/Rome wall clock of that moment.
import type { PhysicalAddress } from '../../core/index.js';

const romeParts = new Intl.DateTimeFormat('it-IT', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(iso: string): Record<string, string> {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO-8601 instant: ${iso}`);
  const out: Record<string, string> = {};
  for (const p of romeParts.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** `10/03/2026` (Europe/Rome calendar day of the instant). */
export function formatRomeDate(iso: string): string {
  const p = partsOf(iso);
  return `${p.day}/${p.month}/${p.year}`;
}

/** `10/03/2026 ore 10:02:30 (ora italiana)`: how SEND's attestations write an instant. */
export function formatRomeDateTime(iso: string): string {
  const p = partsOf(iso);
  return `${p.day}/${p.month}/${p.year} ore ${p.hour}:${p.minute}:${p.second} (ora italiana)`;
}

/** `10/03/2026 ore 10:02:30`: table cells, under a header that says "(ora italiana)". */
export function formatRomeDateTimeShort(iso: string): string {
  const p = partsOf(iso);
  return `${p.day}/${p.month}/${p.year} ore ${p.hour}:${p.minute}:${p.second}`;
}

/** Lines of a postal address as written on an envelope (Italian order: street, c/o, ZIP town (PR), state). */
export function formatAddressLines(a: PhysicalAddress): string[] {
  const lines: string[] = [];
  if (a.at) lines.push(`presso ${a.at}`);
  lines.push([a.address, a.addressDetails].filter(Boolean).join(', '));
  const town = [a.zip, a.municipality, a.municipalityDetails].filter(Boolean).join(' ');
  lines.push(a.province ? `${town} (${a.province})` : town);
  if (a.foreignState && a.foreignState.toUpperCase() !== 'ITALIA') lines.push(a.foreignState.toUpperCase());
  return lines.filter((l) => l.trim() !== '');
}

/** A value or a dash, so that a missing optional field still prints a readable line. */
export function orDash(value: string | null | undefined): string {
  return value && value.trim() !== '' ? value : '—';
}
