import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../electron/api/contract/index.js';
import { indicatorState } from './sync-state.js';

const inStep: SyncStatusView = { adapter: 'demo', problem: null, started: true, phase: 'idle', lastSuccessAt: '2026-11-26T10:00:00Z', lastError: null, pending: 0, failing: 0, parked: 0, localOnly: 0, nextAttemptAt: null, pull: null };

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
