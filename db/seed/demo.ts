// First start of an empty store: a small realistic dataset (the DOMAIN.md worked examples),
// imported through the same timeline path as synced data. The host stores each notification's
// acts as files first and names them by their SHA-256, as SEND's are (`withActs`: the PDFs are
// rendered by the host's document engine, which db/ may not import); without the files no act
// could be collected at the counter.
import type { Notification } from '../../core/index.js';
import type { Store } from '../store.js';
import { demoScenarios } from './demo-scenarios.js';

export interface SeedDemoOptions {
  /** Seed even when the store already has notifications (existing IUNs are skipped anyway). */
  force?: boolean;
  /** Stores a notification's acts and returns it naming them (default: the notification as written). */
  withActs?: (notification: Notification) => Promise<Notification>;
}

/** Inserts the demo notifications (and, with `withActs`, their act files) when the store is empty; returns how many were inserted. */
export async function seedDemo(store: Store, opts: SeedDemoOptions = {}): Promise<number> {
  if (!opts.force && !(await store.isEmpty())) return 0;
  const items = [];
  for (const s of demoScenarios) items.push({ notification: opts.withActs ? await opts.withActs(s.notification) : s.notification, elements: s.events });
  const { inserted } = await store.timeline.importNotifications(items, { keepEngineState: true });
  return inserted.length;
}
