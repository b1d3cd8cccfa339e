// The "Nuova notifica" form being filled in, kept while the clerk looks at another screen (the menu
// is one click away and leaving used to empty every field without a word). Memory only: never
// written to disk or the host. Emptied after a notification is saved, on "Svuota modulo", and when
// the operator signs out or another one signs in. Uploaded documents stay as references: the host
// already holds their bytes by SHA-256.
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { useSessionStore } from '../../stores/session.js';
import { emptyDraft, type NotificationDraft } from './new-notification.js';

/**
 * A fresh idempotenceToken for one draft (printable ASCII, as the B2B spec asks). Sent when the
 * clerk typed none: a second submit of the same form (its answer lost to a network drop, a
 * second click) is then the same request, and the host answers with the notification already
 * created instead of making another one.
 */
export function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `radd-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export interface SenderDefaults { taxId: string | null; denomination: string | null }

/** Whether the clerk typed or added anything beyond the sender's own prefilled data. */
export function hasInput(d: NotificationDraft, sender: SenderDefaults): boolean {
  return JSON.stringify(d) !== JSON.stringify(emptyDraft(sender));
}

export const useNewNotificationDraft = defineStore('sender-new-draft', () => {
  const session = useSessionStore();
  const draft = ref<NotificationDraft>(emptyDraft({ taxId: null, denomination: null }));
  /** This draft's own idempotenceToken (newRequestKey), replaced whenever the draft is emptied. */
  const requestKey = ref(newRequestKey());
  /** The operator the draft belongs to ('' before the sign-in is known, or without operators). */
  const owner = ref<string | null>(null);
  /** The sender's defaults are filled in once per draft (a restored draft keeps what was typed). */
  const prefilled = ref(false);

  function clear(sender: SenderDefaults = { taxId: null, denomination: null }): void {
    draft.value = emptyDraft(sender);
    requestKey.value = newRequestKey();
    prefilled.value = sender.taxId !== null || sender.denomination !== null;
  }

  /**
   * The draft to show: this operator's, with the sender's defaults filled in a new one once they
   * are known (called again when they arrive: the fields still empty get them, nothing is cleared).
   */
  function open(sender: SenderDefaults): NotificationDraft {
    const me = session.operator?.id ?? '';
    if (owner.value !== me) {
      owner.value = me;
      clear(sender);
    }
    if (!prefilled.value && (sender.taxId !== null || sender.denomination !== null)) {
      if (!draft.value.senderTaxId) draft.value.senderTaxId = sender.taxId ?? '';
      if (!draft.value.senderDenomination) draft.value.senderDenomination = sender.denomination ?? '';
      prefilled.value = true;
    }
    return draft.value;
  }

  // Signed out (or the session ended, or someone else signed in): nothing of theirs stays behind.
  watch(() => session.operator?.id ?? null, (id, before) => {
    if (id !== before) {
      owner.value = null;
      clear();
      prefilled.value = false;
    }
  });

  return { draft, requestKey, open, clear };
});
