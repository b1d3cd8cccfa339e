import { useConfirm } from 'primevue/useconfirm';
import { useI18n } from 'vue-i18n';

export interface DiscardConfirmOptions {
  /** The ConfirmDialog group the screen renders (DiscardDialog). */
  group: string;
  /** The i18n key holding `header`, `message`, `accept` and `reject`. */
  texts: string;
  /** Prefix of the buttons' test ids (`<testid>-accept`, `<testid>-reject`). */
  testid: string;
}

/**
 * Asks before throwing away what was typed and not saved (a form emptied, Esc on a form): with
 * something to lose, a dialog whose focus starts on "keep" (Esc or "keep" closes it, and PrimeVue
 * gives the focus back to where it was); with nothing, `discard` runs at once. The screen renders
 * `<DiscardDialog :group>` once.
 */
export function useConfirmDiscard(opts: DiscardConfirmOptions): (hasInput: boolean, discard: () => void) => void {
  const confirm = useConfirm();
  const { t } = useI18n();
  return (hasInput, discard) => {
    if (!hasInput) {
      discard();
      return;
    }
    confirm.require({
      group: opts.group,
      header: t(`${opts.texts}.header`),
      message: t(`${opts.texts}.message`),
      icon: 'pi pi-exclamation-triangle',
      acceptProps: { label: t(`${opts.texts}.accept`), severity: 'danger', class: 'discard-danger', 'data-testid': `${opts.testid}-accept` },
      rejectProps: { label: t(`${opts.texts}.reject`), severity: 'secondary', outlined: true, autofocus: true, 'data-testid': `${opts.testid}-reject` },
      defaultFocus: 'reject',
      accept: discard,
    });
  };
}
