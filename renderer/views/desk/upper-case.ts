// A tax code is shown and sent in capitals as it is typed (the host accepts lower case, but the clerk
// compares what is on screen with the card in upper case): `v-upper-case` on a text field rewrites
// its value on each input, before v-model reads it, keeping the caret where the clerk was typing.
import type { Directive } from 'vue';

/** The value in capitals and the selection moved with it (a letter may grow: ß → SS). */
export function upperCaseKeepingCaret(value: string, start: number | null, end: number | null): { value: string; start: number | null; end: number | null } {
  const at = (i: number | null) => (i === null ? null : value.slice(0, i).toUpperCase().length);
  return { value: value.toUpperCase(), start: at(start), end: at(end) };
}

function onInput(e: Event): void {
  const el = e.target;
  if (!(el instanceof HTMLInputElement) || (e as InputEvent).isComposing) return;
  const next = upperCaseKeepingCaret(el.value, el.selectionStart, el.selectionEnd);
  if (next.value === el.value) return;
  const direction = el.selectionDirection ?? undefined;
  el.value = next.value;
  if (next.start !== null && next.end !== null && document.activeElement === el) el.setSelectionRange(next.start, next.end, direction);
}

/** On an input (or a component whose root is one, as PrimeVue's InputText): capture, so it runs before v-model. */
export const vUpperCase: Directive<HTMLElement> = {
  created(el) { el.addEventListener('input', onInput, true); },
  beforeUnmount(el) { el.removeEventListener('input', onInput, true); },
};
