import { describe, expect, it } from 'vitest';
import { NOTIFICATION_STATUSES, type RecipientState } from '../model/types.js';
import { currentStatusLabel, labelledStatusHistory, recipientViewLabel, statusLabel } from './status-labels.js';

const recipient = (over: Partial<RecipientState>): RecipientState => ({
  recipientIndex: 0, viewedAt: null, refinementDate: null, refinedBy: null, termDate: null,
  outcome: 'IN_PROGRESS', legalFacts: [], ...over,
});

describe('status labels (DOMAIN.md 3)', () => {
  it('labels every status in Italian and English', () => {
    for (const s of NOTIFICATION_STATUSES) {
      expect(statusLabel(s).it.length, s).toBeGreaterThan(0);
      expect(statusLabel(s).en.length, s).toBeGreaterThan(0);
    }
    expect(statusLabel('EFFECTIVE_DATE').it).toBe('Perfezionata per decorrenza termini');
  });
  it('says "Perfezionata per presa visione" when a recipient was refined by viewing', () => {
    const derived = { status: 'VIEWED' as const, perRecipient: [recipient({ viewedAt: 'x', refinedBy: 'VIEWING' })] };
    expect(currentStatusLabel(derived).it).toBe('Perfezionata per presa visione');
  });
  it('says "Visualizzata" when the viewer had already been refined by term', () => {
    const derived = { status: 'VIEWED' as const, perRecipient: [recipient({ viewedAt: 'x', refinedBy: 'TERM' })] };
    expect(currentStatusLabel(derived).it).toBe('Visualizzata');
    expect(recipientViewLabel(derived.perRecipient[0]!)?.it).toBe('Visualizzata');
  });
  it('gives no view label to a recipient who has not viewed', () => {
    expect(recipientViewLabel(recipient({}))).toBeNull();
  });
  it('labels the history as the badge: a VIEWED after the term reads "Visualizzata", the statuses before as such', () => {
    const statusHistory = [
      { status: 'ACCEPTED' as const, activeFrom: '2026-03-01T10:00:00+01:00', relatedTimelineElements: [] },
      { status: 'EFFECTIVE_DATE' as const, activeFrom: '2026-03-20T10:00:00+01:00', relatedTimelineElements: [] },
      { status: 'VIEWED' as const, activeFrom: '2026-03-25T10:00:00+01:00', relatedTimelineElements: [] },
    ];
    const byTerm = labelledStatusHistory({ statusHistory, perRecipient: [recipient({ viewedAt: 'x', refinedBy: 'TERM' })] });
    expect(byTerm.map((h) => h.label.it)).toEqual(['Depositata', 'Perfezionata per decorrenza termini', 'Visualizzata']);
    expect(byTerm.map((h) => h.activeFrom)).toEqual(statusHistory.map((h) => h.activeFrom));
    const byViewing = labelledStatusHistory({ statusHistory: statusHistory.slice(2), perRecipient: [recipient({ viewedAt: 'x', refinedBy: 'VIEWING' })] });
    expect(byViewing.map((h) => h.label.it)).toEqual(['Perfezionata per presa visione']);
  });
});
