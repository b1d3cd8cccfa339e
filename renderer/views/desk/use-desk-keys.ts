// Keyboard use of the counter: Esc goes back, Alt+<letter> runs the action shown on its button.
// A scanner only types and presses Enter, so these never clash with a scan.
import { onBeforeUnmount, onMounted } from 'vue';

export interface DeskKeys {
  escape?: () => void;
  /** Lower-case letter -> action, fired with Alt. */
  alt?: Record<string, () => void>;
}

export function useDeskKeys(keys: DeskKeys): void {
  function onKey(e: KeyboardEvent): void {
    // An open dialog handles its own Esc.
    if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
    if (e.key === 'Escape' && keys.escape) {
      e.preventDefault();
      keys.escape();
      return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      const action = keys.alt?.[e.key.toLowerCase()] ?? keys.alt?.[e.code.replace(/^Key/, '').toLowerCase()];
      if (action) {
        e.preventDefault();
        action();
      }
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
