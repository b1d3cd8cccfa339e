// A calendar day from the host (`YYYY-MM-DD`, already a Europe/Rome day or a document's date) as
// the clerk reads it: dd/mm/yyyy in both UI languages (en-GB writes days the same way). No time
// zone shift: the day is printed as it is. (renderer/composables/use-format.ts formats instants.)

export function calendarDay(ymd: string | null | undefined): string {
  if (!ymd) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : ymd;
}
