// Demo data and simulated SEND timelines (DOMAIN.md 2, 5, 7, 8), deterministic from a seed.
import type { Notification, TimelineElementInput } from '../model/types.js';
import { makeDemoNotification, type DemoNotificationOptions } from './demo-notification.js';
import type { SimulationPath } from './paths.js';
import { hashSeed } from './prng.js';
import { simulateTimeline } from './simulate.js';

export { SIMULATION_PATHS, NOTIFICATION_LEVEL_PATHS, DIGITAL_PATHS, DELIVERY_PATHS, isSimulationPath, needsDigitalDomicile } from './paths.js';
export type { SimulationPath } from './paths.js';
export { makeDemoNotification } from './demo-notification.js';
export { DEMO_HOME_SENDER_TAX_ID } from './demo-data.js';
export type { DemoNotificationOptions } from './demo-notification.js';
export { simulateTimeline, simulateUntil } from './simulate.js';
export { createRng, hashSeed, seedOf, uuidFrom } from './prng.js';
export type { Rng } from './prng.js';
export { sha256, sha256Base64, toBase64, toHex, utf8Bytes } from './sha256.js';

/** A demo notification tailored to `path` and its simulated timeline, both from one seed. */
export function makeDemoCase(
  seed: number | string,
  path: SimulationPath | readonly SimulationPath[],
  opts: Omit<DemoNotificationOptions, 'paths'> = {},
): { notification: Notification; timeline: TimelineElementInput[] } {
  const notification = makeDemoNotification(seed, { ...opts, paths: path });
  return { notification, timeline: simulateTimeline(notification, path, hashSeed(`timeline:${String(seed)}`)) };
}
