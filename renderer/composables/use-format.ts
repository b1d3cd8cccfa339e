// Dates and amounts as a clerk reads them: Europe/Rome wall-clock time, in the UI language.
import { useI18n } from 'vue-i18n';

/**
 * A euro amount of cents: `1.331,60 €` / `€1,331.60`. Grouping always, also for four digits:
 * Italian CLDR groups from five digits only ("1331,60 €"), while payment notices and a clerk's
 * reading of an amount due write the thousands separator.
 */
export function euroText(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'it-IT', { style: 'currency', currency: 'EUR', useGrouping: 'always' }).format(cents / 100);
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar day written `YYYY-MM-DD` (a payment's due date): `22/01/2027` in both languages, as
 * every other date of the app. It is a day, not an instant: no time zone shifts it. Anything else
 * is shown as it came.
 */
export function dayText(day: string, locale: string): string {
  const m = CALENDAR_DAY.exec(day);
  if (!m) return day;
  const at = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (at.getUTCDate() !== Number(m[3])) return day;
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at);
}

export function useFormat() {
  const { locale } = useI18n();
  function dateTime(iso: string | null | undefined): string {
    if (!iso) return '—';
    return new Intl.DateTimeFormat(locale.value === 'en' ? 'en-GB' : 'it-IT', {
      timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
    }).format(new Date(iso));
  }
  /** The Europe/Rome calendar day of an instant (a term that falls at midnight has no hour to show). */
  function date(iso: string | null | undefined): string {
    if (!iso) return '—';
    return new Intl.DateTimeFormat(locale.value === 'en' ? 'en-GB' : 'it-IT', { timeZone: 'Europe/Rome', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
  }
  /** A calendar day `YYYY-MM-DD` (a due date), as `dd/mm/yyyy`. */
  function day(d: string | null | undefined): string {
    return d ? dayText(d, locale.value) : '—';
  }
  function text(t: { it: string; en: string } | null | undefined): string {
    if (!t) return '';
    return locale.value === 'en' ? t.en : t.it;
  }
  function euro(cents: number | null | undefined): string {
    return cents === null || cents === undefined ? '—' : euroText(cents, locale.value);
  }
  return { dateTime, date, day, text, euro };
}
