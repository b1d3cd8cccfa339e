// What the top bar's sync indicator shows. Kept apart from the component so the rule is tested:
// a host the page cannot reach is not a sync state (nothing is known about SEND then).
import type { SyncStatusView } from '../../electron/api/contract/index.js';

export interface IndicatorState {
  icon: string;
  /** i18n key of the text. */
  key: 'app.unreachable' | 'sync.inStep' | 'sync.phase.idle' | 'sync.phase.pushing' | 'sync.phase.pulling';
  tone: 'ok' | 'warn' | 'down';
}

export function indicatorState(status: SyncStatusView | null, unreachable: boolean): IndicatorState | null {
  if (unreachable) return { icon: 'pi pi-times-circle', key: 'app.unreachable', tone: 'down' };
  if (!status) return null;
  if (status.problem || status.parked > 0 || status.lastError) return { icon: 'pi pi-exclamation-triangle', key: 'sync.phase.idle', tone: 'warn' };
  return status.phase === 'idle'
    ? { icon: 'pi pi-check-circle', key: 'sync.inStep', tone: 'ok' }
    : { icon: 'pi pi-sync pi-spin', key: `sync.phase.${status.phase}`, tone: 'ok' };
}
