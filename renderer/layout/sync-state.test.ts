import { createI18n } from 'vue-i18n';
import { describe, expect, it } from 'vitest';
import type { SyncStatusView } from '../../electron/api/contract/index.js';
import { messagesFor } from '../i18n/messages.js';
import { indicatorState, syncStateKey, syncStateText, type Translate } from './sync-state.js';

const inStep: SyncStatusView = { adapter: 'demo', problem: null, started: true, phase: 'idle', lastSuccessAt: '2026-11-26T10:00:00Z', changes: 0, lastError: null, pending: 0, failing: 0, parked: 0, localOnly: 0, nextAttemptAt: null, pull: null };
const failing: SyncStatusView = { ...inStep, lastError: { code: 'SYNC_PEER_UNREACHABLE', message: 'x', at: '2026-11-26T11:00:00Z' } };
const problem: SyncStatusView = { ...inStep, started: false, problem: { code: 'SYNC_ADAPTER_NOT_CONFIGURED', message: 'x' } };

function translator(locale: 'it' | 'en'): Translate {
  const i18n = createI18n<[Record<string, unknown>], 'it' | 'en', false>({ legacy: false, locale, fallbackLocale: 'it', messages: { it: messagesFor('it'), en: messagesFor('en') }, missingWarn: false, fallbackWarn: false });
  return (key, named = {}, plural) => (plural === undefined ? i18n.global.t(key, named) : i18n.global.t(key, named, plural));
}
const it_ = translator('it');
const en = translator('en');

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

  it('shows the check and the "all good" colour only when in step', () => {
    expect(indicatorState(inStep, false)).toEqual({ icon: 'pi pi-check-circle', key: 'sync.inStep', tone: 'ok' });
    expect(indicatorState({ ...inStep, pending: 8 }, false)).toEqual({ icon: 'pi pi-upload', key: 'sync.toSend', tone: 'warn' });
    expect(indicatorState({ ...inStep, lastSuccessAt: null }, false)).toEqual({ icon: 'pi pi-clock', key: 'sync.neverSynced', tone: 'warn' });
    expect(indicatorState({ ...inStep, started: false }, false)).toEqual({ icon: 'pi pi-pause-circle', key: 'sync.pausedState', tone: 'warn' });
    expect(indicatorState(problem, false)).toEqual({ icon: 'pi pi-exclamation-triangle', key: 'sync.notActive', tone: 'warn' });
  });
});

describe('the sync state a clerk reads (top bar and Sincronizzazione screen)', () => {
  it('says that sync is failing, not "waiting", when the last attempt ended in an error', () => {
    expect(syncStateKey(failing)).toBe('sync.failed');
    expect(indicatorState(failing, false)).toEqual({ icon: 'pi pi-exclamation-triangle', key: 'sync.failed', tone: 'warn' });
    // Also with items waiting to be sent: the failure is the news.
    expect(syncStateKey({ ...failing, pending: 3 })).toBe('sync.failed');
  });

  it('names a sync that cannot run, items to review, work in progress and being in step', () => {
    expect(syncStateKey(problem)).toBe('sync.notActive');
    expect(syncStateKey({ ...inStep, parked: 2 })).toBe('sync.toReview');
    expect(syncStateKey({ ...failing, phase: 'pulling' })).toBe('sync.phase.pulling');
    expect(syncStateKey(inStep)).toBe('sync.inStep');
    for (const s of [inStep, failing, { ...inStep, parked: 1 }]) expect(syncStateKey(s)).not.toBe('sync.phase.idle');
  });

  // Every combination of the three facts that can make "in step" untrue: items waiting to be sent,
  // no sync ever succeeded, automatic sync paused. "In step" only when none holds.
  const combos = [
    { pending: 0, never: false, paused: false, key: 'sync.inStep', it: 'Allineato con SEND', en: 'In step with SEND', screenIt: 'Allineato con SEND' },
    { pending: 8, never: false, paused: false, key: 'sync.toSend', it: '8 operazioni da inviare', en: '8 operations to send', screenIt: '8 operazioni da inviare' },
    { pending: 0, never: true, paused: false, key: 'sync.neverSynced', it: 'Mai sincronizzato', en: 'Never synced', screenIt: 'Mai sincronizzato' },
    { pending: 0, never: false, paused: true, key: 'sync.pausedState', it: 'Sincronizzazione automatica sospesa', en: 'Automatic sync paused', screenIt: 'Sincronizzazione automatica sospesa' },
    { pending: 8, never: true, paused: false, key: 'sync.neverSynced', it: 'Mai sincronizzato · 8 da inviare', en: 'Never synced · 8 to send', screenIt: 'Mai sincronizzato' },
    { pending: 8, never: false, paused: true, key: 'sync.toSend', it: '8 operazioni da inviare', en: '8 operations to send', screenIt: '8 operazioni da inviare · automatica sospesa' },
    { pending: 0, never: true, paused: true, key: 'sync.neverSynced', it: 'Mai sincronizzato', en: 'Never synced', screenIt: 'Mai sincronizzato · automatica sospesa' },
    // The walkthrough's case: paused, never synced, 8 to send.
    { pending: 8, never: true, paused: true, key: 'sync.neverSynced', it: 'Mai sincronizzato · 8 da inviare', en: 'Never synced · 8 to send', screenIt: 'Mai sincronizzato · automatica sospesa' },
  ] as const;
  for (const c of combos) {
    it(`pending ${c.pending}, ${c.never ? 'never synced' : 'synced before'}, ${c.paused ? 'paused' : 'running'}: ${c.it}`, () => {
      const s: SyncStatusView = { ...inStep, pending: c.pending, lastSuccessAt: c.never ? null : inStep.lastSuccessAt, started: !c.paused };
      expect(syncStateKey(s)).toBe(c.key);
      expect(indicatorState(s, false)?.tone).toBe(c.key === 'sync.inStep' ? 'ok' : 'warn');
      expect(indicatorState(s, false)?.icon === 'pi pi-check-circle').toBe(c.key === 'sync.inStep');
      // Top bar text, in both languages.
      expect(syncStateText(s, it_)).toBe(c.it);
      expect(syncStateText(s, en)).toBe(c.en);
      // The screen's "Stato" (the count has its own line there; the pause is said).
      expect(syncStateText(s, it_, { pending: false, paused: true })).toBe(c.screenIt);
      if (c.key !== 'sync.inStep') {
        expect(syncStateText(s, it_)).not.toContain('Allineato');
        expect(syncStateText(s, en)).not.toContain('In step');
      }
    });
  }

  it('says one operation in the singular, and the pending count beside other states', () => {
    expect(syncStateText({ ...inStep, pending: 1 }, it_)).toBe('1 operazione da inviare');
    expect(syncStateText({ ...inStep, pending: 1 }, en)).toBe('1 operation to send');
    expect(syncStateText({ ...inStep, parked: 2, pending: 3 }, it_)).toBe('Invii da verificare · 3 da inviare');
    expect(syncStateText({ ...inStep, phase: 'pushing', pending: 3 }, en)).toBe('Sending · 3 to send');
    expect(syncStateText({ ...failing, pending: 3 }, it_, { pending: false })).toBe('Sincronizzazione non riuscita');
    // A sync that cannot run says so, without "automatic sync paused" after it.
    expect(syncStateText(problem, it_, { pending: false, paused: true })).toBe('Sincronizzazione non attiva');
  });
});
