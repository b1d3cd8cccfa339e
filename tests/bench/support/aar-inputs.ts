// The AARs of documents.aar_rate (DOMAIN.md 9): the documents fixture notification with a different
// recipient name and token each time, so no layout is reused by accident.
import { buildAarToken } from '../../../core/index.js';
import { aarInputFrom, renderAar } from '../../../electron/documents/index.js';
import { notification } from '../../integration/documents-support.js';

const GENERATED = '2026-03-12T16:40:00+01:00';

function uuidOf(i: number): string {
  return `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
}

export function aarInput(i: number) {
  const n = { ...notification, recipients: [{ ...notification.recipients[0]!, denomination: `Niccolò D'Alessandro ${i}` }] };
  return aarInputFrom(n, 0, { token: buildAarToken(notification.iun, `PF-${i}`, uuidOf(i)), generatedAt: GENERATED });
}

/** Renders AARs number `from` .. `from + count - 1`; returns how many and their total size. */
export async function renderAars(from: number, count: number): Promise<{ count: number; sink: number }> {
  let sink = 0;
  for (let i = 0; i < count; i++) sink += (await renderAar(aarInput(from + i))).buffer.length;
  return { count, sink };
}

/** AARs rendered, untimed, before a timed run (fonts, caches and the JIT settle). */
export const WARM_UP_AARS = 20;
