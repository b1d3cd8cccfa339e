// What the top bar's sync indicator shows. Kept apart from the component so the rule is tested:
// a host the page cannot reach is not a sync state (nothing is known about SEND then), and a
// failing sync is said to be failing, never "waiting" (the clerk must not believe SEND is in step).
import type { SyncStatusView } from '../../electron/api/contract/index.js';

export type SyncStateKey =
  | 'app.unreachable'
  | 'sync.inStep'
  | 'sync.failed'
  | 'sync.notActive'
  | 'sync.toReview'
  | 'sync.phase.idle'
  | 'sync.phase.pushing'
  | 'sync.phase.pulling';

export interface IndicatorState {
  icon: string;
  /** i18n key of the text. */
  key: SyncStateKey;
  tone: 'ok' | 'warn' | 'down';
}

/**
 * The state of the sync in one word, for the top bar and the "Stato" line of the Sincronizzazione
 * screen: failing (last attempt ended in an error), not active (adapter not configured), items to
 * review (parked), working (pushing/pulling), or in step.
 */
export function syncStateKey(status: SyncStatusView): SyncStateKey {
  if (status.problem) return 'sync.notActive';
  if (status.phase !== 'idle') return `sync.phase.${status.phase}`;
  if (status.lastError) return 'sync.failed';
  if (status.parked > 0) return 'sync.toReview';
  return 'sync.inStep';
}

export function indicatorState(status: SyncStatusView | null, unreachable: boolean): IndicatorState | null {
  if (unreachable) return { icon: 'pi pi-times-circle', key: 'app.unreachable', tone: 'down' };
  if (!status) return null;
  const key = syncStateKey(status);
  if (key === 'sync.inStep') return { icon: 'pi pi-check-circle', key, tone: 'ok' };
  if (key === 'sync.phase.pushing' || key === 'sync.phase.pulling') return { icon: 'pi pi-sync pi-spin', key, tone: 'ok' };
  return { icon: 'pi pi-exclamation-triangle', key, tone: 'warn' };
}
