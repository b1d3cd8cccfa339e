// Formatting helpers of the sender screens (presentation only: values come computed from the host).

/** A duration in days and hours, e.g. `3 g 4 h` / `3 d 4 h`. */
export function duration(ms: number | null, locale: string): string {
  if (ms === null) return '—';
  const hours = Math.round(ms / 3_600_000);
  const d = Math.floor(hours / 24);
  const h = hours % 24;
  const dayUnit = locale === 'en' ? 'd' : 'g';
  return d > 0 ? `${d} ${dayUnit} ${h} h` : `${h} h`;
}
