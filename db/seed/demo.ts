// First start of an empty store: a small realistic dataset (the DOMAIN.md worked examples),
// imported through the same timeline path as synced data. Each notification's acts are stored
// as files first (demo-acts.ts), and the notification names them by their SHA-256, as SEND's do:
// without the files no act could be collected at the counter.
import type { Store } from '../store.js';
import { storeDemoActs } from './demo-acts.js';
import { demoScenarios } from './demo-scenarios.js';

export interface SeedDemoOptions {
  /** Seed even when the store already has notifications (existing IUNs are skipped anyway). */
  force?: boolean;
}

/** Inserts the demo notifications (and their act files) when the store is empty; returns how many were inserted. */
export async function seedDemo(store: Store, opts: SeedDemoOptions = {}): Promise<number> {
  if (!opts.force && !(await store.isEmpty())) return 0;
  const items = [];
  for (const s of demoScenarios) items.push({ notification: await storeDemoActs(store.files, s.notification), elements: s.events });
  const { inserted } = await store.timeline.importNotifications(items, { keepEngineState: true });
  return inserted.length;
}
