// Dates as a clerk reads them: Europe/Rome wall-clock time, in the UI language.
import { useI18n } from 'vue-i18n';

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
  function text(t: { it: string; en: string } | null | undefined): string {
    if (!t) return '';
    return locale.value === 'en' ? t.en : t.it;
  }
  return { dateTime, date, text };
}
