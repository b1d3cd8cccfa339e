// Keyboard use of the counter screens (RADD desk and post office): Esc runs the screen's "back" or
// "clear", Alt+<letter> runs the action whose button shows that shortcut (aria-keyshortcuts).
// A barcode scanner only types and presses Enter, so these never clash with a scan.
import { onBeforeUnmount, onMounted } from 'vue';

export interface ShortcutKeys {
  escape?: () => void;
  /** Lower-case letter -> action, fired with Alt (not with Ctrl or Meta). */
  alt?: Record<string, () => void>;
}

/** Listens on the window while the calling component is mounted. */
export function useShortcutKeys(keys: ShortcutKeys): void {
  function onKey(e: KeyboardEvent): void {
    // An open dialog handles its own Esc and its own buttons.
    if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
    if (e.key === 'Escape' && keys.escape) {
      e.preventDefault();
      keys.escape();
      return;
    }
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    // e.code too: on some layouts Alt+letter types another character in e.key.
    const action = keys.alt?.[e.key.toLowerCase()] ?? keys.alt?.[e.code.replace(/^Key/, '').toLowerCase()];
    if (action) {
      e.preventDefault();
      action();
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
