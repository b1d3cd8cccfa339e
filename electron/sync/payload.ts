// Reading an outbox item's payload back: a payload that no longer matches its shape (written by an
// older version, or damaged) parks the item for a human instead of failing again and again.
import type { z } from 'zod';
import { SyncError } from './errors.js';
import type { OutboxItem } from './types.js';

export function parsePayload<T>(schema: z.ZodType<T>, item: Pick<OutboxItem, 'kind' | 'payload'>): T {
  const r = schema.safeParse(item.payload);
  if (r.success) return r.data;
  const path = r.error.issues[0]?.path.map(String).join('.') || '(root)';
  throw new SyncError('SYNC_PAYLOAD_INVALID', { kind: item.kind, path }, { transient: false });
}
