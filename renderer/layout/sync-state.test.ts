import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../electron/api/contract/index.js';
import { indicatorState, syncStateKey } from './sync-state.js';

const inStep: SyncStatusView = { adapter: 'demo', problem: null, started: true, phase: 'idle', lastSuccessAt: '2026-11-26T10:00:00Z', changes: 0, lastError: null, pending: 0, failing: 0, parked: 0, localOnly: 0, nextAttemptAt: null, pull: null };

describe('the top bar sync indicator', () => {
  it('says the application cannot be reached, not "in step", when the host does not answer (even with an earlier in-step status)', () => {
    expect(indicatorState(inStep, false)?.key).toBe('sync.inStep');
    expect(indicatorState(inStep, true)).toEqual({ icon: 'pi pi-times-circle', key: 'app.unreachable', tone: 'down' });
    expect(indicatorState(null, true)?.key).toBe('app.unreachable');
  });

  it('warns on a sync problem, and shows nothing before the first answer', () => {
    expect(indicatorState({ ...inStep, parked: 1 }, false)?.tone).toBe('warn');
    expect(indicatorState(null, false)).toBeNull();
  });
});

describe('the sync state a clerk reads (top bar and Sincronizzazione screen)', () => {
  const failing: SyncStatusView = { ...inStep, lastError: { code: 'SYNC_PEER_UNREACHABLE', message: 'x', at: '2026-11-26T11:00:00Z' } };

  it('says that sync is failing, not "waiting", when the last attempt ended in an error', () => {
    expect(syncStateKey(failing)).toBe('sync.failed');
    expect(indicatorState(failing, false)).toEqual({ icon: 'pi pi-exclamation-triangle', key: 'sync.failed', tone: 'warn' });
    // Also with items waiting to be sent: the failure is the news.
    expect(syncStateKey({ ...failing, pending: 3 })).toBe('sync.failed');
  });

  it('names a sync that cannot run, items to review, work in progress and being in step', () => {
    expect(syncStateKey({ ...inStep, problem: { code: 'SYNC_ADAPTER_NOT_CONFIGURED', message: 'x' } })).toBe('sync.notActive');
    expect(syncStateKey({ ...inStep, parked: 2 })).toBe('sync.toReview');
    expect(syncStateKey({ ...failing, phase: 'pulling' })).toBe('sync.phase.pulling');
    expect(syncStateKey(inStep)).toBe('sync.inStep');
    for (const s of [inStep, failing, { ...inStep, parked: 1 }]) expect(syncStateKey(s)).not.toBe('sync.phase.idle');
  });
});
