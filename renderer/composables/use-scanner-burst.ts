// The counter's screens take a scan wherever the focus is. A scanner's burst ending with Enter is
// a new scan, never a press of the focused button ("Avvia operazione" for the previous citizen)
// nor a submit of the form it fell into; what it typed into a field is taken out again. A burst
// can start on one screen and end on the next (the screen changed under a fast second scan): the
// listener and what the burst typed are kept here, once for the app, not per screen.
import { onBeforeUnmount, onMounted } from 'vue';
import { createBurstReader, deskCodeKind } from './scanner-burst.js';

export interface ScannerBurstOptions {
  /** The code scanned (trimmed): the last one wins, so a handler should replace, not queue. */
  onScan: (code: string) => void;
}

type Editable = HTMLInputElement | HTMLTextAreaElement;

const handlers: Array<(code: string) => void> = [];
const reader = createBurstReader((text) => deskCodeKind(text) !== null);
let listening = false;
/** Where the last character went: a scanner's Enter goes there too (a person may have moved on). */
let lastTarget: EventTarget | null = null;
/** When the last key arrived (performance.now()). */
let lastKeyAt = Number.NEGATIVE_INFINITY;

/** A field a key typed into, with its value before that key. */
interface Typed {
  field: Editable;
  before: string;
}

const isEditable = (el: EventTarget | null): el is Editable => el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['checkbox', 'radio', 'file', 'button', 'submit', 'reset'].includes(el.type));

/** Each field the burst typed into, with its value before the burst's first key in it. */
function fieldsTyped(origins: unknown[]): Map<Editable, string> {
  const fields = new Map<Editable, string>();
  for (const o of origins as Array<Typed | undefined>) if (o && !fields.has(o.field)) fields.set(o.field, o.before);
  return fields;
}

function undoTyping(fields: Map<Editable, string>): void {
  for (const [el, before] of fields) {
    if (!el.isConnected || el.value === before) continue;
    el.value = before;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/**
 * A tax code scanned into a field that takes one (data-scan-target="tax-id": the health card's
 * barcode read into "Codice fiscale") stays there: only the Enter is held back, so that it does
 * not send a form half filled.
 */
function fillsItsField(code: string, fields: Map<Editable, string>, target: EventTarget | null): boolean {
  if (!isEditable(target) || target.dataset.scanTarget !== 'tax-id' || deskCodeKind(code) !== 'TAX_ID') return false;
  return fields.size === 1 && fields.has(target) && target.value.trim().toUpperCase() === (fields.get(target)! + code).trim().toUpperCase();
}

function onKeydown(e: KeyboardEvent): void {
  lastKeyAt = performance.now();
  const origin: Typed | undefined = e.key.length === 1 && isEditable(e.target) ? { field: e.target, before: e.target.value } : undefined;
  const burst = reader.read({ key: e.key, at: e.timeStamp, composing: e.isComposing || e.keyCode === 229, modified: e.ctrlKey || e.altKey || e.metaKey, origin });
  const handler = handlers[handlers.length - 1];
  const typedHere = lastTarget === e.target;
  if (e.key.length === 1) lastTarget = e.target;
  if (!burst || !handler || !typedHere) return;
  // Before the focused button or the form sees the Enter.
  e.preventDefault();
  e.stopImmediatePropagation();
  const fields = fieldsTyped(burst.origins);
  if (fillsItsField(burst.text, fields, e.target)) return;
  undoTyping(fields);
  handler(burst.text.trim());
}

/**
 * Resolves once no key has arrived for `quietMs`: a screen waits for it before it changes, so that
 * a scanner typing the next code does not see the field it types into go away mid-code.
 */
export async function keysQuiet(quietMs = 150): Promise<void> {
  for (let left = quietMs - (performance.now() - lastKeyAt); left > 0; left = quietMs - (performance.now() - lastKeyAt)) {
    await new Promise((resolve) => setTimeout(resolve, left));
  }
}

/** While the calling screen is mounted, a scanner's burst anywhere on it is handed to `onScan`. */
export function useScannerBurst(options: ScannerBurstOptions): void {
  const handler = (code: string) => options.onScan(code);
  onMounted(() => {
    handlers.push(handler);
    if (listening) return;
    // Capture, on the window: before any field, button or form of the page.
    window.addEventListener('keydown', onKeydown, true);
    listening = true;
  });
  onBeforeUnmount(() => {
    const i = handlers.indexOf(handler);
    if (i >= 0) handlers.splice(i, 1);
  });
}
