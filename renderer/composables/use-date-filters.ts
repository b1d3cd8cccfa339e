// A date typed into a native date field is a whole day or nothing: Chromium gives '' (badInput) for
// a date still being typed or impossible (31/02), '0002-03-12' after the first digit of the year,
// and takes years of up to six digits ('20266-03-12'), which neither the list's URL nor the host
// reads. Applied as it was, the filter went without its date, silently, and the clerk saw a list
// that was not the one asked for. The field says "Data non valida" instead, and nothing is applied.
// The forms are `novalidate`: the browser's own bubble for a half-typed date vanished after a few
// seconds and was not the app's field error.
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { messageFor } from '../../core/index.js';

/** A day as the filters send it: a four-digit year (no leading zero: a year still being typed), month, day. */
const WHOLE_DAY = /^[1-9]\d{3}-\d{2}-\d{2}$/;

/** Whether a date field holds something that is not a day to filter by (an empty field is no filter, not a problem). */
export function isUnusableDate(value: string, badInput: boolean): boolean {
  return badInput || (value !== '' && !WHOLE_DAY.test(value));
}

/**
 * The field errors of a screen's date filters, by element id: `check()` before applying the
 * filters marks the fields that hold no usable day, takes the focus to the first and says
 * whether the filters may be applied.
 */
export function useDateFilterErrors(ids: readonly string[]) {
  const { locale } = useI18n();
  const bad = ref<string[]>([]);
  const errors = computed<Record<string, string>>(() => {
    const message = messageFor('INPUT_DATE_INVALID', locale.value === 'en' ? 'en' : 'it');
    return Object.fromEntries(bad.value.map((id) => [id, message]));
  });

  function check(): boolean {
    bad.value = ids.filter((id) => {
      const el = document.getElementById(id);
      return el instanceof HTMLInputElement && isUnusableDate(el.value, el.validity.badInput);
    });
    const first = bad.value[0];
    if (first) document.getElementById(first)?.focus();
    return first === undefined;
  }

  function reset(): void {
    bad.value = [];
  }

  return { errors, check, reset };
}
