// Joining host messages into the screen's sentences (presentation only), and the screen's own
// messages, kept as what they name and worded when read: a message on screen follows a switch IT↔EN.
import type { PostalItemView } from '../../../electron/api/contract/index.js';
import type { PostalProblem } from '../../stores/postal.js';
import type { BatchScanMessages } from '../../stores/postal-batch.js';

/** The i18n `t` (useI18n's or i18n.global's): reactive on the locale, read in a render it follows a switch. */
export type Translate = (key: string, named: Record<string, unknown>) => string;

/**
 * A message put after a colon ("Non registrabile ora: la giacenza…"): its first word lowercased,
 * unless it is an acronym or a code (IUN, RECRN011), which keep their capitals (a one-letter
 * word, "È", is lowercased).
 */
export function afterColon(message: string): string {
  return /^\p{Lu}(\p{Ll}|[\s'’])/u.test(message) ? message.charAt(0).toLocaleLowerCase('it') + message.slice(1) : message;
}

/** The batch scan's refusals in the UI language of the moment they are read (the store keeps what they name). */
export function batchScanMessages(t: Translate): BatchScanMessages {
  return {
    duplicate: (item) => t('postal.batch.duplicate', { item }),
    ambiguous: (items) => t('postal.batch.ambiguous', { items }),
    nothing: (item: PostalItemView) => t('postal.batch.nothing', { item: item.code, state: t(`postal.item.states.${item.state}`, {}) }),
  };
}

/** "Campo obbligatorio: Data, Ora": the fields by their label keys, worded when read. */
export function requiredFieldsProblem(t: Translate, labels: readonly string[]): PostalProblem {
  return { code: 'POSTAL_FIELD_REQUIRED', get message() { return t('postal.form.required', { field: labels.map((k) => t(k, {})).join(', ') }); } };
}
