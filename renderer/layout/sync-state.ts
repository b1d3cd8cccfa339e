// What the top bar's sync indicator shows. Kept apart from the component so the rule is tested:
// a host the page cannot reach is not a sync state (nothing is known about SEND then), and a
// failing sync is said to be failing, never "waiting" (the clerk must not believe SEND is in step).
// "In step with SEND" is said only when it is true: a sync succeeded, nothing waits to be sent or
// reviewed, and the automatic sync runs (sync.status: `started`, `lastSuccessAt`, `pending`).
import type { SyncStatusView } from '../../electron/api/contract/index.js';

export type SyncStateKey =
  | 'app.unreachable'
  | 'sync.inStep'
  | 'sync.failed'
  | 'sync.notActive'
  | 'sync.toReview'
  | 'sync.toSend'
  | 'sync.neverSynced'
  | 'sync.pausedState'
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
 * screen: not active (adapter not configured), working (pushing/pulling), failing (last attempt
 * ended in an error), items to review (parked), never synced (no success yet), items to send
 * (pending), automatic sync paused (engine not started), or in step.
 */
export function syncStateKey(status: SyncStatusView): SyncStateKey {
  if (status.problem) return 'sync.notActive';
  if (status.phase !== 'idle') return `sync.phase.${status.phase}`;
  if (status.lastError) return 'sync.failed';
  if (status.parked > 0) return 'sync.toReview';
  if (!status.lastSuccessAt) return 'sync.neverSynced';
  if (status.pending > 0) return 'sync.toSend';
  if (!status.started) return 'sync.pausedState';
  return 'sync.inStep';
}

/** vue-i18n's `t` as used here: a key, its named values, and the count that picks the plural form. */
export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string;

/**
 * The state in words. `sync.toSend` says how many ("8 operazioni da inviare"); the other states add
 * the items waiting to be sent ("Mai sincronizzato · 8 da inviare") unless `pending: false`, and,
 * with `paused: true`, that the automatic sync is paused (the Sincronizzazione screen's "Stato").
 */
export function syncStateText(status: SyncStatusView, t: Translate, opts: { pending?: boolean; paused?: boolean } = {}): string {
  const key = syncStateKey(status);
  // Worded here, when shown (computed by the caller), never kept: the text follows a language switch.
  const withPending = (opts.pending ?? true) && status.pending > 0 && key !== 'sync.toSend';
  const withPaused = !!opts.paused && !status.started && key !== 'sync.pausedState' && key !== 'sync.notActive';
  return [
    key === 'sync.toSend' ? t(key, { n: status.pending }, status.pending) : t(key),
    withPending ? t('sync.indicatorPending', { n: status.pending }, status.pending) : '',
    withPaused ? t('sync.paused') : '',
  ].filter(Boolean).join(' · ');
}

export function indicatorState(status: SyncStatusView | null, unreachable: boolean): IndicatorState | null {
  if (unreachable) return { icon: 'pi pi-times-circle', key: 'app.unreachable', tone: 'down' };
  if (!status) return null;
  const key = syncStateKey(status);
  if (key === 'sync.inStep') return { icon: 'pi pi-check-circle', key, tone: 'ok' };
  if (key === 'sync.phase.pushing' || key === 'sync.phase.pulling') return { icon: 'pi pi-sync pi-spin', key, tone: 'ok' };
  if (key === 'sync.toSend') return { icon: 'pi pi-upload', key, tone: 'warn' };
  if (key === 'sync.neverSynced') return { icon: 'pi pi-clock', key, tone: 'warn' };
  if (key === 'sync.pausedState') return { icon: 'pi pi-pause-circle', key, tone: 'warn' };
  return { icon: 'pi pi-exclamation-triangle', key, tone: 'warn' };
}
