// What the demo's simulated SEND must remember across restarts: the seed and the epoch give back
// the backlog and the live deposits, but not what the desk pushed to it (new notifications with
// their simulated path, cancellations, RADD operations and the elements they added, the requests
// and acknowledgements it answered). That part is saved after every push that changes it, before
// the push is reported applied, so a restart never loses an applied push: the item is marked done
// only afterwards, and a repeat after a crash in between is answered as a duplicate.
// Kept in the settings table (one JSON value, written in one statement: atomic, and inside the
// backups together with the cursor it goes with), under a `_` key that the settings screen hides.
import { z } from 'zod';
import { SIMULATION_PATHS, type DeskTransaction, type Notification, type SimulationPath, type TimelineElementInput } from '../../../core/index.js';
import type { WorldSnapshot } from './world.js';

export interface DemoState {
  version: 1;
  /** Epoch of the world the state was saved with (the cursor holds the same one). */
  epochMs: number;
  world: WorldSnapshot;
  /** `<paProtocolNumber>\n<idempotenceToken>` -> the answer given. */
  requests: [string, { notificationRequestId: string; iun: string }][];
  /** `<kind>:<key>` of the postal items acknowledged. */
  acknowledged: string[];
  /** RADD operations by operationId (core's transaction state machine). */
  transactions: [string, DeskTransaction][];
}

/** Where the state is kept; the host gives one over the settings table (settingsDemoState). */
export interface DemoStateStore {
  load(): Promise<unknown>;
  save(state: DemoState): Promise<void>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const element = z.custom<TimelineElementInput>((v) => isRecord(v) && typeof v.category === 'string' && typeof v.at === 'string');
const stateSchema = z.object({
  version: z.literal(1),
  epochMs: z.number().finite(),
  world: z.object({
    pushed: z.array(z.object({
      key: z.string(),
      notification: z.custom<Notification>((v) => isRecord(v) && typeof v.iun === 'string' && Array.isArray(v.recipients)),
      path: z.custom<SimulationPath>((v) => (SIMULATION_PATHS as readonly unknown[]).includes(v)),
      depositedMs: z.number().finite(),
    })),
    extras: z.array(z.object({ iun: z.string(), element, visibleMs: z.number().finite() })),
    cancelledAt: z.array(z.tuple([z.string(), z.number().finite()])),
  }),
  requests: z.array(z.tuple([z.string(), z.object({ notificationRequestId: z.string(), iun: z.string() })])),
  acknowledged: z.array(z.string()),
  transactions: z.array(z.tuple([z.string(), z.custom<DeskTransaction>((v) => isRecord(v) && typeof v.operationId === 'string' && typeof v.state === 'string')])),
});

/** The saved state, or undefined when there is none or it cannot be read (the demo starts afresh). */
export function parseDemoState(value: unknown): DemoState | undefined {
  const r = stateSchema.safeParse(value);
  return r.success ? (r.data as DemoState) : undefined;
}

/** The settings key of a seed's state (`_`: host state, not listed on the settings screen). */
export const demoStateKey = (seed: number): string => `_sync.demo.state.${seed}`;

/** The state kept in the settings table (db/repositories/settings-repo.ts). */
export function settingsDemoState(
  settings: { get(key: string): Promise<unknown>; set(key: string, value: unknown, at: string): Promise<void> },
  seed: number,
  now: () => number,
): DemoStateStore {
  const key = demoStateKey(seed);
  return {
    load: () => settings.get(key),
    save: (state) => settings.set(key, state, new Date(now()).toISOString()),
  };
}
