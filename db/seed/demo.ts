// First start of an empty store: a small realistic dataset (the DOMAIN.md worked examples),
// imported through the same timeline path as synced data.
import type { Store } from '../store.js';
import { demoScenarios } from './demo-scenarios.js';

export interface SeedDemoOptions {
  /** Seed even when the store already has notifications (existing IUNs are skipped anyway). */
  force?: boolean;
}

/** Inserts the demo notifications when the store is empty; returns how many were inserted. */
export async function seedDemo(store: Store, opts: SeedDemoOptions = {}): Promise<number> {
  if (!opts.force && !(await store.isEmpty())) return 0;
  const { inserted } = await store.timeline.importNotifications(
    demoScenarios.map((s) => ({ notification: s.notification, elements: s.events })),
    { keepEngineState: true },
  );
  return inserted.length;
}
