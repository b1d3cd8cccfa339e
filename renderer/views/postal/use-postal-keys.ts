// Keyboard use of the postal screens: Esc and Alt+<letter> run the action shown on its button.
// A barcode scanner only types and presses Enter, so these never clash with a scan.
import { onBeforeUnmount, onMounted } from 'vue';

export function usePostalKeys(keys: { escape?: () => void; alt?: Record<string, () => void> }): void {
  function onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && keys.escape) {
      e.preventDefault();
      keys.escape();
      return;
    }
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const action = keys.alt?.[e.key.toLowerCase()] ?? keys.alt?.[e.code.replace(/^Key/, '').toLowerCase()];
    if (action) {
      e.preventDefault();
      action();
    }
  }
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
