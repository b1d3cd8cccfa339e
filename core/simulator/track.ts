// One recipient's simulated elements, collected in business-time order (DOMAIN.md 5).
import type { NotificationRecipient, TimelineCategory } from '../model/types.js';
import type { Rng } from './prng.js';

export interface SimElement {
  ms: number;
  category: TimelineCategory;
  recipientIndex?: number;
  details: Record<string, unknown>;
}

export type PaperProduct = '890' | 'AR';

/** What a recipient's workflow produced, for the paths that add a view or cut the story. */
export interface Story {
  /** Term date S of DOMAIN.md 8.1, or null (deceased, or the workflow did not end). */
  termMs: number | null;
  /** Business time of the workflow-end element, or null. */
  endMs: number | null;
}

export interface Track {
  rng: Rng;
  iun: string;
  recipientIndex: number;
  recipient: NotificationRecipient;
  product: PaperProduct;
  els: SimElement[];
}

export function add(track: Track, ms: number, category: TimelineCategory, details: Record<string, unknown> = {}): number {
  track.els.push({ ms, category, recipientIndex: track.recipientIndex, details });
  return ms;
}

/** Whether the element ends the recipient's workflow (the completion set of DOMAIN.md 4.1 step 4a). */
export function isCompletion(category: TimelineCategory): boolean {
  return (
    category === 'DIGITAL_DELIVERY_CREATION_REQUEST' ||
    category === 'ANALOG_SUCCESS_WORKFLOW' ||
    category === 'COMPLETELY_UNREACHABLE' ||
    category === 'ANALOG_WORKFLOW_RECIPIENT_DECEASED'
  );
}
